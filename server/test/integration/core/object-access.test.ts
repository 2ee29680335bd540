import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbScopeOf, type ApiKeyActor, type UserActor } from '@/core/actor';
import { ObjectAccess } from '@/core/access/require-access';
import { RequestDb } from '@/lib/db/request-db';
import { adminWithMfa, codeOf, createTestOrg, startTestApp, type TestApp, type TestOrg } from '../../helpers/test-app';

// Object-level access as sets: a service names the ids it touches, the owning module's provider
// answers under the actor's RLS scope, and anything it may not touch is NOT_FOUND, the same as
// what does not exist.
describe('object access', () => {
  let app: TestApp;
  let acme: TestOrg;
  let globex: TestOrg;
  let acmeAdmin: string;
  let sql: pg.Client;

  beforeAll(async () => {
    app = await startTestApp();
    acme = await createTestOrg(app, 'Acme');
    globex = await createTestOrg(app, 'Globex');
    acmeAdmin = (await adminWithMfa(app, acme)).token;
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const actorOf = (org: TestOrg, permissions: string[]): UserActor => ({
    kind: 'user',
    userId: org.adminId,
    orgId: org.orgId,
    roleId: org.roles.Admin.id,
    roleName: 'Admin',
    permissions: new Set(permissions),
    aal: 2,
    mfaAt: Date.now(),
    session: { jti: randomUUID(), expiresAt: new Date(Date.now() + 60_000), issuedAtMs: Date.now() },
  });
  const accessFor = (actor: UserActor) => {
    const db = new RequestDb(app.vigil.deps.orm, dbScopeOf(actor));
    return new ObjectAccess(app.vigil.deps.access, () => db);
  };

  it("should answer NOT_FOUND for a set holding another org's id, a missing id or a malformed one, and pass a set of the actor's own", async () => {
    const actor = actorOf(acme, ['users:read', 'roles:read']);
    const access = accessFor(actor);
    await expect(access.require(actor, 'users:read', [acme.adminId, acme.adminId])).resolves.toBeUndefined();
    await expect(
      access.require(
        actor,
        'roles:read',
        Object.values(acme.roles).map((r) => r.id),
      ),
    ).resolves.toBeUndefined();
    for (const ids of [[acme.adminId, globex.adminId], [randomUUID()], ['not-a-uuid'], [`${acme.adminId}' OR true --`]]) {
      await expect(access.require(actor, 'users:read', ids)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'User not found',
      });
    }
    await expect(access.require(actor, 'roles:read', [globex.roles.Admin.id])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Role not found',
    });
  });

  it('should answer FORBIDDEN before any lookup when the actor lacks the permission', async () => {
    const actor = actorOf(acme, []);
    const db = new RequestDb(app.vigil.deps.orm, dbScopeOf(actor));
    const access = new ObjectAccess(app.vigil.deps.access, () => db);
    await expect(access.require(actor, 'users:read', [acme.adminId])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(db.inTransaction).toBe(false);
  });

  it('should refuse to answer for a resource no module registered a provider for', async () => {
    const actor = actorOf(acme, ['deals:read']);
    await expect(accessFor(actor).require(actor, 'deals:read', [randomUUID()])).rejects.toThrow(
      /no access provider is registered for deals/,
    );
  });

  it("should refuse 100 parallel by-id reads and a batch of aliased writes of another org's users, changing nothing", async () => {
    const reads = await Promise.all(
      Array.from({ length: 100 }, () => app.gql(`query($id: ID!) { user(id: $id) { id } }`, { id: globex.adminId }, acmeAdmin)),
    );
    expect(reads.every((r) => codeOf(r) === 'NOT_FOUND' && r.data === null)).toBe(true);
    // One HTTP batch of five operations, each a write to the other org's user.
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acmeAdmin}` },
      body: JSON.stringify(
        Array.from({ length: 5 }, () => ({
          query: `mutation($id: ID!) { updateUser(id: $id, input: { name: "pwned" }, justification: "testing cross-org writes") { id } }`,
          variables: { id: globex.adminId },
        })),
      ),
    });
    const batch = (await res.json()) as { data: unknown; errors?: { extensions?: { code?: string } }[] }[];
    expect(batch.map((r) => [r.data, r.errors?.[0]?.extensions?.code])).toEqual(Array(5).fill([null, 'NOT_FOUND']));
    const { rows } = await sql.query('SELECT name FROM users WHERE id = $1', [globex.adminId]);
    expect(rows[0].name).toBe('Ada Admin');
  });

  it('should carry an API key actor into the database as actor type api_key', async () => {
    const key: ApiKeyActor = {
      kind: 'api_key',
      keyId: randomUUID(),
      orgId: acme.orgId,
      name: 'Partner',
      permissions: new Set(['users:read']),
      aal: 1,
    };
    const db = new RequestDb(app.vigil.deps.orm, dbScopeOf(key));
    const [row] = await db.readRows<{ actor_type: string; actor_id: string; org: string }>(
      `SELECT current_setting('app.actor_type') AS actor_type, current_setting('app.actor_id') AS actor_id, current_setting('app.org_id') AS org`,
    );
    expect(row).toEqual({ actor_type: 'api_key', actor_id: key.keyId, org: acme.orgId });
  });
});
