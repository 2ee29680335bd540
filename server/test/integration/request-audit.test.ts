import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../helpers/test-app';

type Row = Record<string, unknown>;

describe('audit entries of GraphQL requests', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let viewer: { id: string; token: string };
  let sql: pg.Client;

  // An entry counts as written once it is in audit_log, linked into its chain or not yet.
  const entries = async (where: string, params: unknown[] = []) =>
    (
      await sql.query(
        `SELECT org_id, actor_id, actor_role, actor_type, action, resource_type, resource_id,
                ip_address, outcome, details, at FROM audit_log WHERE ${where} ORDER BY at`,
        params,
      )
    ).rows as Row[];

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    const v = await createUserWithRole(app, admin, org.roles.Viewer.id, 'viewer');
    viewer = { id: v.id, token: await login(app, v) };
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should write one entry per root field, aliases included, before the response leaves', async () => {
    const res = await app.gql('{ first: me { aal } second: me { aal } roles { id } }', {}, admin);
    expect(res.errors).toBeUndefined();
    // No waiting: a read's entries are committed before its response is sent.
    const rows = await entries(`actor_id = $1 AND action IN ('query.me', 'query.roles') AND at > now() - interval '5 seconds'`, [
      org.adminId,
    ]);
    expect(rows.map((r) => r.action).sort()).toEqual(['query.me', 'query.me', 'query.roles']);
    expect(
      rows
        .filter((r) => r.action === 'query.me')
        .map((r) => (r.details as Row).alias)
        .sort(),
    ).toEqual(['first', 'second']);
    for (const r of rows) {
      expect(r).toMatchObject({
        org_id: org.orgId,
        actor_type: 'user',
        actor_role: 'Admin',
        outcome: 'allowed',
        ip_address: '127.0.0.1',
      });
    }
    expect(rows.find((r) => r.action === 'query.me')).toMatchObject({ resource_type: 'user', resource_id: org.adminId });
  });

  it('should leave an entry with outcome denied when a request is refused', async () => {
    const res = await app.gql('{ users(first: 10) { nodes { id } } }', {}, viewer.token);
    expect(codeOf(res)).toBe('FORBIDDEN');
    const rows = await entries(`actor_id = $1 AND action = 'query.users'`, [viewer.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: 'denied',
      actor_role: 'Viewer',
      resource_type: 'user',
      details: { error: { code: 'FORBIDDEN' } },
    });
    // The target of a refused write is named too, though no service ran.
    const target = await app.gql(
      'mutation($id: ID!) { deleteRole(id: $id, justification: "not allowed to do this") }',
      { id: org.roles.Viewer.id },
      viewer.token,
    );
    expect(codeOf(target)).toBe('FORBIDDEN');
    const refused = await entries(`actor_id = $1 AND action = 'mutation.deleteRole'`, [viewer.id]);
    expect(refused[0]).toMatchObject({ outcome: 'denied', resource_type: 'role', resource_id: org.roles.Viewer.id });
  });

  it('should log a refused document (over the limits) as a denied attempt', async () => {
    const deep = `{ me { user { role { id } } } ${Array.from({ length: 40 }, (_, i) => `a${i}: me { aal }`).join(' ')} }`;
    const res = await app.gql(deep, {}, viewer.token);
    expect(res.errors?.length).toBeGreaterThan(0);
    const rows = await entries(`actor_id = $1 AND action = 'graphql.rejected'`, [viewer.id]);
    expect(rows.map((r) => r.outcome)).toEqual(['denied']);
  });

  it('should commit a write and its entry together, and an Admin write twice with its justification', async () => {
    const res = await app.gql<{ createRole: { id: string } }>(
      'mutation { createRole(input: { name: "Auditors", permissions: ["audit:read"] }, justification: "external audit, ticket SEC-42") { id } }',
      {},
      admin,
    );
    const roleId = res.data!.createRole.id;
    const rows = await entries(`action = 'mutation.createRole' AND resource_id = $1`, [roleId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'allowed', resource_type: 'role', actor_role: 'Admin' });
    const twice = await sql.query('SELECT justification, action, resource_id FROM admin_audit_log WHERE resource_id = $1', [
      roleId,
    ]);
    expect(twice.rows).toEqual([
      { justification: 'external audit, ticket SEC-42', action: 'mutation.createRole', resource_id: roleId },
    ]);
  });

  it('should undo a failed mutation field but keep its error entry, next to a field that succeeded', async () => {
    const email = `dup-${Date.now()}@example.test`;
    const doc = `mutation($a: CreateUserInput!, $b: CreateUserInput!) {
      ok: createUser(input: $a, justification: "new analyst joins") { id }
      dup: createUser(input: $b, justification: "new analyst joins") { id } }`;
    const input = { email, name: 'Dup', roleId: org.roles.Viewer.id, password: 'long enough password' };
    const res = await app.gql<{ ok: { id: string } | null }>(doc, { a: input, b: input }, admin);
    expect(codeOf(res)).toBe('CONFLICT');
    const users = await sql.query('SELECT id FROM users WHERE email = $1', [email]);
    expect(users.rows).toHaveLength(1);
    const rows = await entries(`action = 'mutation.createUser' AND details->>'email' = $1`, [email]);
    expect(rows.map((r) => r.outcome).sort()).toEqual(['allowed', 'error']);
    const admins = await sql.query(`SELECT count(*)::int AS n FROM admin_audit_log WHERE details->>'email' = $1`, [email]);
    expect(admins.rows[0].n).toBe(1);
  });

  it('should keep the chain valid as requests come in, and report it', async () => {
    await Promise.all(Array.from({ length: 20 }, () => app.gql('{ me { aal } }', {}, admin)));
    await app.vigil.chainer!.drain();
    const res = await app.gql<{
      auditChainStatus: { valid: boolean; checkedEntries: number; pendingEntries: number; headSeq: number };
    }>('{ auditChainStatus { valid checkedEntries headSeq pendingEntries firstInvalidSeq chainDelayMs } }', {}, admin);
    expect(res.data!.auditChainStatus).toMatchObject({ valid: true, firstInvalidSeq: null });
    expect(res.data!.auditChainStatus.checkedEntries).toBeGreaterThan(20);
    expect(res.data!.auditChainStatus.headSeq).toBe(res.data!.auditChainStatus.checkedEntries);
    const delay = (res.data!.auditChainStatus as unknown as { chainDelayMs: number }).chainDelayMs;
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThan(500);
  });

  it('should page through entries newest first with filters', async () => {
    await app.vigil.chainer!.drain();
    const page1 = await app.gql<{
      auditEntries: {
        nodes: { seq: number; action: string; outcome: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      'query($f: AuditFilter) { auditEntries(first: 3, filter: $f) { nodes { seq action outcome } pageInfo { hasNextPage endCursor } } }',
      { f: { action: 'query.me' } },
      admin,
    );
    const nodes = page1.data!.auditEntries.nodes;
    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.action === 'query.me')).toBe(true);
    expect(nodes[0]!.seq).toBeGreaterThan(nodes[2]!.seq);
    const page2 = await app.gql<{ auditEntries: { nodes: { seq: number }[] } }>(
      'query($f: AuditFilter, $after: String) { auditEntries(first: 3, filter: $f, after: $after) { nodes { seq } } }',
      { f: { action: 'query.me' }, after: page1.data!.auditEntries.pageInfo.endCursor },
      admin,
    );
    expect(page2.data!.auditEntries.nodes[0]!.seq).toBeLessThan(nodes[2]!.seq);
  });

  describe('CSV export at GET /api/v1/audit', () => {
    const get = (query: string, token?: string) =>
      fetch(`${app.url}/api/v1/audit${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it("should stream the org's entries as CSV under filters and log the export itself", async () => {
      await app.vigil.chainer!.drain();
      const res = await get(`?resource=role&actor=${org.adminId}`, admin);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await res.text()).trim().split('\n');
      expect(lines[0]).toBe(
        'seq,at,actor_type,actor_id,actor_role,system_source,action,resource_type,resource_id,deal_id,ip_address,outcome,details,prev_hash,hash,justification,actor_name,actor_email,resource_name',
      );
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines.slice(1)) expect(line).toContain(',role,');
      const logged = await entries(`action = 'audit.export_csv' AND actor_id = $1`, [org.adminId]);
      expect(logged.at(-1)).toMatchObject({ outcome: 'allowed', details: { filter: { resource: 'role', actor: org.adminId } } });
    });

    it('should refuse a role without audit:read with 403 and log the attempt', async () => {
      const res = await get('', viewer.token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
      const logged = await entries(`action = 'audit.export_csv' AND actor_id = $1`, [viewer.id]);
      expect(logged.map((r) => r.outcome)).toEqual(['denied']);
    });

    it('should refuse an anonymous caller and a malformed filter', async () => {
      expect((await get('')).status).toBe(401);
      const bad = await get('?from=yesterday', admin);
      expect(bad.status).toBe(400);
    });
  });
});
