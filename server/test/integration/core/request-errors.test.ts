import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '@/app/modules';
import { createLogger } from '@/lib/logger';
import { runtimeProbeModule } from '../../fixtures/runtime-probe.module';
import { createTestOrg, login, startTestApp, type TestApp } from '../../helpers/test-app';

// An unexpected failure reaches the client as INTERNAL_SERVER_ERROR with a generic message and
// the request's id, and the server's log line for it carries the same id.
describe('unexpected errors carry the request id', () => {
  let app: TestApp;
  let token: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n'))
          if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    app = await startTestApp({}, { modules: [...MODULES, runtimeProbeModule], logger: createLogger('error', {}, sink) });
    const org = await createTestOrg(app);
    token = await login(app, org.admin);
  });
  afterAll(() => app?.stop());

  it('should answer a failing GraphQL field with INTERNAL_SERVER_ERROR, no internals, and the id of the log line', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ probeBoom }' }),
    });
    const requestId = res.headers.get('x-request-id');
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
    expect(JSON.stringify(body)).not.toContain('/etc/secret');
    const logged = lines.find((l) => l.msg === 'unexpected error' && l.requestId === requestId);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('/etc/secret');
  });

  it('should answer a failing REST route through the one responder, with the same shape and id', async () => {
    const res = await fetch(`${app.url}/api/probe/boom`, { headers: { authorization: `Bearer ${token}` } });
    const requestId = res.headers.get('x-request-id');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
    });
    expect(lines.some((l) => l.msg === 'unexpected error' && l.requestId === requestId)).toBe(true);
  });

  it('should answer a refused REST call with its code and no request id, and log nothing for it', async () => {
    const before = lines.length;
    const res = await fetch(`${app.url}/api/v1/audit?from=yesterday`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'Invalid filter: from', extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(lines.length).toBe(before);
  });
});
