import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminWithMfa, createTestOrg, startTestApp, TEST_PASSWORD, type TestApp, type TestOrg } from '../../helpers/test-app';

// H7, R13: exactly one entry per operation (per root field where it executes), naming the right
// actor, org and object, with the outcome it really had, batches and refusals included.
type Entry = {
  action: string;
  outcome: string;
  actor_type: string;
  actor_id: string | null;
  resource_id: string | null;
  details: Record<string, unknown>;
};
const J = 'auditing every operation once';

describe('one audit entry per operation', () => {
  let app: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let admin: string;
  let sql: pg.Client;
  let since: Date;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app, 'Acme');
    other = await createTestOrg(app, 'Globex');
    admin = (await adminWithMfa(app, org)).token;
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });
  beforeEach(async () => {
    await app.vigil.deps.auditBatcher.idle();
    since = (await sql.query('SELECT clock_timestamp() AS t')).rows[0].t as Date;
  });

  const entries = async (orgId = org.orgId) => {
    await app.vigil.deps.auditBatcher.idle();
    const { rows } = await sql.query(
      `SELECT action, outcome, actor_type, actor_id, resource_id, details FROM audit_log WHERE org_id = $1 AND at >= $2 ORDER BY id`,
      [orgId, since],
    );
    return rows as Entry[];
  };
  const post = (body: unknown, token = admin, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('should write exactly one entry per operation of a batch mixing a read, a write and a refusal', async () => {
    const res = await post([
      { query: '{ users(first: 5) { nodes { id } } }' },
      {
        query: `mutation { createRole(input: { name: "Batch role", permissions: ["audit:read"] }, justification: "${J}") { id } }`,
      },
      { query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: other.adminId } },
    ]);
    expect(res.status).toBe(200);
    // The operations of a batch run side by side: their entries come in any order.
    const got = await entries();
    expect(got.map((e) => `${e.action} ${e.outcome}`).sort()).toEqual([
      'mutation.createRole allowed',
      'query.user denied',
      'query.users allowed',
    ]);
  });

  it('should write two entries and two admin entries, each with its id, for two batched Admin writes', async () => {
    const res = await post([
      { query: `mutation { createRole(input: { name: "First batched", permissions: [] }, justification: "${J}") { id } }` },
      { query: `mutation { createRole(input: { name: "Second batched", permissions: [] }, justification: "${J}") { id } }` },
    ]);
    const body = (await res.json()) as { data: { createRole: { id: string } } }[];
    const ids = body.map((b) => b.data.createRole.id);
    expect(ids).toHaveLength(2);
    const got = await entries();
    expect(got.map((e) => `${e.action} ${e.resource_id}`).sort()).toEqual(ids.map((id) => `mutation.createRole ${id}`).sort());
    const admins = await sql.query('SELECT resource_id, justification FROM admin_audit_log WHERE org_id = $1 AND at >= $2', [
      org.orgId,
      since,
    ]);
    expect(
      admins.rows.map((r: { resource_id: string; justification: string }) => `${r.resource_id} ${r.justification}`).sort(),
    ).toEqual(ids.map((id) => `${id} ${J}`).sort());
  });

  it('should name each id once when two batched reads use the same response key', async () => {
    await post([
      { query: 'query($id: ID!) { u: role(id: $id) { id } }', variables: { id: org.roles.Viewer.id } },
      { query: 'query($id: ID!) { u: role(id: $id) { id } }', variables: { id: org.roles.Funder.id } },
    ]);
    const got = await entries();
    expect(got.map((e) => [e.action, e.outcome, e.resource_id]).sort()).toEqual(
      [
        ['query.role', 'allowed', org.roles.Funder.id],
        ['query.role', 'allowed', org.roles.Viewer.id],
      ].sort(),
    );
  });

  it("should write only a denied entry for a by-id read that ends NOT_FOUND: another org's user, a missing role", async () => {
    await post({ query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id: other.adminId } });
    await post({ query: 'query($id: ID!) { role(id: $id) { id } }', variables: { id: '00000000-0000-4000-8000-000000000000' } });
    const got = await entries();
    expect(got.map((e) => [e.action, e.outcome])).toEqual([
      ['query.user', 'denied'],
      ['query.role', 'denied'],
    ]);
  });

  it("should log a sign-in in the signed-in user's org, not the caller's, and a failed one with an anonymous actor", async () => {
    const res = await post({
      query: `mutation { login(input: { organization: "${other.slug}", email: "${other.adminEmail}", password: "not the password" }) { token } }`,
    });
    expect(res.status).toBe(200);
    expect(await entries(org.orgId)).toEqual([]);
    const failed = await entries(other.orgId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      action: 'mutation.login',
      outcome: 'denied',
      actor_type: 'anonymous',
      actor_id: null,
      resource_id: other.adminId,
    });
    await post({
      query: `mutation { login(input: { organization: "${other.slug}", email: "${other.adminEmail}", password: "${TEST_PASSWORD}" }) { token } }`,
    });
    const ok = (await entries(other.orgId))[1];
    expect(ok).toMatchObject({ action: 'mutation.login', outcome: 'allowed', actor_type: 'user', actor_id: other.adminId });
    expect(await entries(org.orgId)).toEqual([]);
  });

  it('should write one graphql.rejected entry for each signed-in request refused before execution', async () => {
    const refusals: [string, () => Promise<Response>][] = [
      ['parse error', () => post({ query: '{ me {' })],
      ['over the depth limit', () => post({ query: `{ me { ${'user { role { '.repeat(6)}id${' } }'.repeat(6)} } }` })],
      ['over the body size', () => post({ query: `{ me { user { id } } }`, variables: { pad: 'x'.repeat(200_000) } })],
      ['malformed JSON', () => post('{"query": "{ me { user { id } } }"')],
      ['a CSRF-refused content type', () => post('{ me { user { id } } }', admin, { 'content-type': 'text/plain' })],
      ['too large a batch', () => post(Array.from({ length: 6 }, () => ({ query: '{ me { user { id } } }' })))],
    ];
    for (const [label, send] of refusals) {
      since = (await sql.query('SELECT clock_timestamp() AS t')).rows[0].t as Date;
      const res = await send();
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      await new Promise((r) => setTimeout(r, 100));
      const got = await entries();
      expect(
        got.map((e) => [e.action, e.outcome]),
        label,
      ).toEqual([['graphql.rejected', 'denied']]);
    }
  });

  it('should write one entry for a document of meta fields only: __typename, introspection', async () => {
    await post({ query: '{ __typename }' });
    await post({ query: '{ __schema { queryType { name } } }' });
    const got = await entries();
    expect(got.map((e) => [e.action, e.outcome, e.details.fields])).toEqual([
      ['graphql.meta', 'allowed', ['__typename']],
      ['graphql.meta', 'allowed', ['__schema']],
    ]);
  });
});
