import { getIntrospectionQuery } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, login, startTestApp, type TestApp, type TestOrg } from '../helpers/test-app';

// Issue 8 item 6: limits that cover everything. Each attack is sent as it was sent, over HTTP to a
// real server with the default limits (depth 10, cost 5,000), and each refusal is checked before
// anything ran: no field's audit entry, no chain walk, the refusal itself audited.
describe('query limits cover introspection and expensive fields', () => {
  let app: TestApp;
  let org: TestOrg;
  let token: string;
  let sql: pg.Client;

  const post = async (query: string, bearer: string | null = token) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: res.status, ...body };
  };

  /** The admin's audit entries written since `since` (a refusal's entry commits before the response). */
  const entriesSince = async (since: Date) =>
    (
      await sql.query<{ action: string; outcome: string; details: Record<string, unknown> }>(
        'SELECT action, outcome, details FROM audit_log WHERE org_id = $1 AND actor_id = $2 AND at >= $3 ORDER BY id',
        [org.orgId, org.adminId, since],
      )
    ).rows;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    token = await login(app, org.admin);
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const ofTypeChain = (depth: number) => `{ __schema { types { ${'ofType { '.repeat(depth)}name ${'} '.repeat(depth)}} } }`;

  it('should refuse a depth-55 ofType introspection chain with the depth error when signed in, running nothing', async () => {
    const since = new Date(Date.now() - 1);
    const res = await post(ofTypeChain(55));
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors!.map((e) => e.message)).toContain('Syntax Error: Query depth limit of 10 exceeded, found 58.');
    expect(res.errors!.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    // Refused before any field ran: one entry, the refusal.
    expect(await entriesSince(since)).toEqual([expect.objectContaining({ action: 'graphql.rejected', outcome: 'denied' })]);
  });

  it('should refuse the same chain to an anonymous caller too', async () => {
    const res = await post(ofTypeChain(55), null);
    expect(res.status).toBe(400);
    expect(res.errors!.map((e) => e.message)).toContain('Syntax Error: Query depth limit of 10 exceeded, found 58.');
  });

  it('should still answer a shallow introspection query to a signed-in caller, and refuse the full one of tools', async () => {
    const shallow = await post('{ __schema { queryType { name } } __type(name: "AuditChainStatus") { fields { name } } }');
    expect(shallow.errors).toBeUndefined();
    expect(shallow.data).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
    // The full query is depth 21: over the limit like any document. The console and its codegen
    // read the committed schema/schema.graphql, never the endpoint.
    const full = await post(getIntrospectionQuery());
    expect(full.status).toBe(400);
    expect(full.errors!.map((e) => e.message)).toContain('Syntax Error: Query depth limit of 10 exceeded, found 21.');
  });

  it('should refuse 30 aliased auditChainStatus by cost before execution: no walk, no field entry, the refusal audited', async () => {
    const before = app.vigil.deps.auditChainStatus.stats;
    const since = new Date(Date.now() - 1);
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: auditChainStatus { valid checkedEntries }`).join(' ')} }`;
    const res = await post(query);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.message).toMatch(
      /^Query cost limit of 5000 exceeded, found 30\d{3} \(auditChainStatus costs 1000\)\.$/,
    );
    expect(app.vigil.deps.auditChainStatus.stats).toEqual(before);
    expect(await entriesSince(since)).toEqual([expect.objectContaining({ action: 'graphql.rejected', outcome: 'denied' })]);
  });

  it('should refuse five aliases of either whole-org read in one document, and answer four', async () => {
    const five = (field: string) => `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    for (const field of ['auditChainStatus { valid }', 'auditEntries(first: 1) { nodes { seq } }']) {
      const refused = await post(five(field));
      expect(refused.status).toBe(400);
      expect(refused.errors![0]!.message).toMatch(/cost limit of 5000 exceeded/);
    }
    const walks = app.vigil.deps.auditChainStatus.stats.walks;
    const four = await post(`{ ${Array.from({ length: 4 }, (_, i) => `a${i}: auditChainStatus { valid }`).join(' ')} }`);
    expect(four.errors).toBeUndefined();
    expect(Object.values(four.data as Record<string, { valid: boolean }>)).toEqual(Array(4).fill({ valid: true }));
    // The four aliases shared one walk.
    expect(app.vigil.deps.auditChainStatus.stats.walks).toBe(walks + 1);
  });

  it('should answer documents of ordinary cost as before', async () => {
    const res = await post(`{ ${Array.from({ length: 30 }, (_, i) => `m${i}: me { aal }`).join(' ')} }`);
    expect(res.errors).toBeUndefined();
    expect(Object.keys(res.data as object)).toHaveLength(30);
  });
});
