import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithMfa, createTestOrg, createUserWithRole, login, startTestApp, type TestApp } from '../helpers/test-app';

// On Node 20 the first AsyncLocalStorage.run() or enterWith() installs promise hooks for the rest
// of the process, and from then on every promise of every request pays for them: about 13 % of a
// read request's throughput in the request benchmark (BENCHMARKS.md). MikroORM's unit of work used
// one on every flush; patches/@mikro-orm__core@6.6.16.patch keeps that flag on the unit of work
// instead. This test fails when any code path a request takes enters an AsyncLocalStorage again
// (a new dependency, em.transactional(), em.findAndCount(), MikroORM's RequestContext, ...).

type Entered = { method: string; stack: string };

describe('serving requests without async context tracking', () => {
  const entered: Entered[] = [];
  const originals = { run: AsyncLocalStorage.prototype.run, enterWith: AsyncLocalStorage.prototype.enterWith };
  let app: TestApp;

  const record = (method: string) => {
    const stack = new Error().stack!.split('\n').slice(3, 12).join('\n');
    // The test runner's own bookkeeping is not Vigil's request path.
    if (!/[/\\]@?vitest[/\\]/.test(stack)) entered.push({ method, stack });
  };

  beforeAll(() => {
    AsyncLocalStorage.prototype.run = function run(this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof originals.run>) {
      record('run');
      return originals.run.apply(this, args);
    } as typeof originals.run;
    AsyncLocalStorage.prototype.enterWith = function enterWith(this: AsyncLocalStorage<unknown>, store: unknown) {
      record('enterWith');
      return originals.enterWith.call(this, store);
    };
  });
  afterAll(async () => {
    AsyncLocalStorage.prototype.run = originals.run;
    AsyncLocalStorage.prototype.enterWith = originals.enterWith;
    await app?.stop();
  });

  it('should enter no AsyncLocalStorage while starting, signing in, writing, reading and exporting', async () => {
    app = await startTestApp();
    const org = await createTestOrg(app);
    const { token: admin } = await adminWithMfa(app, org);
    const user = await createUserWithRole(app, admin, org.roles.Viewer.id, 'reader');
    const changed = await app.gql(
      'mutation($id: ID!, $role: ID!) { assignRole(userId: $id, roleId: $role, justification: "moves to compliance work") { id } }',
      { id: user.id, role: org.roles.Compliance.id },
      admin,
    );
    expect(changed.errors).toBeUndefined();
    const reader = await login(app, user);
    const list = await app.gql<{ users: { nodes: unknown[] } }>('{ users(first: 50) { nodes { id role { name } } } }', {}, admin);
    expect(list.data?.users.nodes.length).toBeGreaterThanOrEqual(2);
    const csv = await fetch(`${app.url}/api/v1/audit`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(200);
    await csv.text();
    expect((await app.gql('mutation { logout }', {}, reader)).errors).toBeUndefined();
    await app.vigil.deps.auditChainer?.drain();

    expect(entered.map((e) => `AsyncLocalStorage.${e.method}\n${e.stack}`)).toEqual([]);
  });
});
