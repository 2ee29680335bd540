import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, startTestApp, type TestApp } from '../helpers/test-app';

describe('HTTP hardening in production', () => {
  let app: TestApp;
  let token: string;
  const https = { 'x-forwarded-proto': 'https' };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...https, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startTestApp({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://vigil.example.test',
      TRUST_PROXY: 'loopback',
      GRAPHQL_MAX_DEPTH: '3',
    });
    const org = await createTestOrg(app);
    const res = await post({
      query: `mutation { login(input: { organization: "${org.slug}", email: "${org.adminEmail}", password: "correct horse battery staple" }) { token } }`,
    });
    token = ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
  });
  afterAll(() => app?.stop());

  it('should send HSTS on responses served over HTTPS', async () => {
    const res = await fetch(`${app.url}/healthz`, { headers: https });
    expect(res.status).toBe(200);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=63072000; includeSubDomains/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('should redirect plain-HTTP page loads to HTTPS and refuse plain-HTTP API calls', async () => {
    const page = await fetch(`${app.url}/audit`, { redirect: 'manual', headers: { 'x-forwarded-proto': 'http' } });
    expect(page.status).toBe(308);
    expect(page.headers.get('location')).toMatch(/^https:\/\//);
    const api = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'http' },
      body: JSON.stringify({ query: '{ me { aal } }' }),
    });
    expect(api.status).toBe(403);
  });

  it('should answer introspection only to signed-in callers', async () => {
    const anonymous = await post({ query: '{ __schema { queryType { name } } }' });
    expect(anonymous.status).toBe(401);
    const signedIn = await post({ query: '{ __schema { queryType { name } } }' }, { authorization: `Bearer ${token}` });
    expect(((await signedIn.json()) as { data: unknown }).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('should refuse documents over the depth and alias limits before running them', async () => {
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { aal }`).join(' ')} }`;
    const tooMany = (await (await post({ query: aliases }, { authorization: `Bearer ${token}` })).json()) as {
      data?: unknown;
      errors: { message: string }[];
    };
    expect(tooMany.data).toBeUndefined();
    expect(tooMany.errors[0]!.message).toMatch(/alias/i);
    // The schema has no cycles, so this suite runs with a depth limit of 3 to show the rule.
    const deep = '{ me { user { role { id } } } }';
    const tooDeep = (await (await post({ query: deep }, { authorization: `Bearer ${token}` })).json()) as {
      errors: { message: string }[];
    };
    expect(tooDeep.errors[0]!.message).toMatch(/depth/i);
  });

  it('should bound batched operations and the body size', async () => {
    const batch = Array.from({ length: 6 }, () => ({ query: '{ me { aal } }' }));
    const res = await post(batch, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(400);
    const big = await post(
      { query: `{ me { aal } }`, variables: { pad: 'x'.repeat(200_000) } },
      { authorization: `Bearer ${token}` },
    );
    expect(big.status).toBe(413);
  });

  it('should refuse a simple cross-site form post (CSRF prevention)', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...https },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(res.status).toBe(400);
  });

  it('should answer health and readiness', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('should expose no endpoint through which a venue could push data', async () => {
    for (const path of ['/webhooks', '/api/v1/balances', '/api/v1/webhook', '/hooks/binance']) {
      const res = await fetch(`${app.url}${path}`, { method: 'POST', headers: https, body: '{}' });
      expect(res.status).toBe(404);
    }
  });
});
