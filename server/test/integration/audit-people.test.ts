import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { AUDIT_CSV_COLUMNS } from '@/core/audit/audit-export';
import { listAuditEntries } from '@/core/audit/audit-query';
import { parseCsv } from '../helpers/parse-csv';
import {
  adminWithMfa,
  codeOf,
  createCustomRole,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../helpers/test-app';

// Issue 9, item 4: people, not ids, in the audit log. Names and emails are resolved when the log
// is read, on the server, in the reader's organization only, so a reader holding audit:read and
// nothing else sees them; nothing resolves another organization's people. Item 5: the filters'
// pickers (the org's actors by name or email, the known actions and resource types).

type Node = {
  seq: number;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
};
const LIST = `query($f: AuditFilter) { auditEntries(first: 100, filter: $f) {
  nodes { seq action actorId actorName actorEmail resourceType resourceId resourceName } } }`;
const ACTORS = `query($s: String!, $n: Int) { auditActors(search: $s, first: $n) { id actorType name email } }`;
const VOCABULARY = `{ auditVocabulary { actions resourceTypes } }`;
const J = 'a reason long enough for the test';
const MALLORY = '=HYPERLINK("http://evil.example") Mallory';

describe('people, not ids, in the audit log', () => {
  let app: TestApp;
  let orgA: TestOrg;
  let orgB: TestOrg;
  let admin: string;
  let auditor: string;
  let auditorId: string;
  let viewer: string;
  let adminB: string;
  let auditorRoleId: string;
  let carla: { id: string; email: string };
  let bruno: { id: string; email: string };
  let sql: pg.Client;

  const gqlOk = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await app.gql<T>(query, variables, token);
    if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const list = async (token: string, f: Record<string, unknown> = {}) =>
    (await gqlOk<{ auditEntries: { nodes: Node[] } }>(LIST, { f }, token)).auditEntries.nodes;
  const actors = async (token: string, s: string) =>
    (await gqlOk<{ auditActors: { id: string; name: string; email: string }[] }>(ACTORS, { s }, token)).auditActors;

  beforeAll(async () => {
    app = await startTestApp();
    orgA = await createTestOrg(app);
    orgB = await createTestOrg(app);
    admin = (await adminWithMfa(app, orgA)).token;
    adminB = (await adminWithMfa(app, orgB)).token;
    // A role that reads the audit log and nothing else: no users:read, no roles:read.
    auditorRoleId = await createCustomRole(app, admin, 'Auditor', ['audit:read']);
    const auditorAccount = await createUserWithRole(app, admin, auditorRoleId, 'auditor');
    auditor = await login(app, auditorAccount);
    auditorId = auditorAccount.id;
    const viewerAccount = await createUserWithRole(app, admin, orgA.roles.Viewer.id, 'viewer');
    viewer = await login(app, viewerAccount);
    carla = await createUserWithRole(app, admin, orgA.roles.Viewer.id, 'carla');
    bruno = await createUserWithRole(app, adminB, orgB.roles.Viewer.id, 'bruno');
    const rename = `mutation($id: ID!, $i: UpdateUserInput!, $j: String!) { updateUser(id: $id, input: $i, justification: $j) { id } }`;
    await gqlOk(rename, { id: carla.id, i: { name: 'Carla Compliance' }, j: J }, admin);
    await gqlOk(rename, { id: bruno.id, i: { name: 'Bruno Other' }, j: J }, adminB);
    await gqlOk(
      `mutation($id: ID!, $j: String!) { updateRole(id: $id, input: { description: "Reads the log" }, justification: $j) { id } }`,
      { id: auditorRoleId, j: J },
      admin,
    );
    // Entries naming the other organization's ids, as a writer of each org could record them:
    // neither may ever be shown with the other organization's names.
    const crafted = (orgId: string, actorId: string, resourceType: string, resourceId: string) => ({
      orgId,
      at: new Date(),
      actorType: 'user' as const,
      actorId,
      actorRole: 'Viewer',
      systemSource: null,
      action: 'mutation.crossOrgProbe',
      resourceType,
      resourceId,
      dealId: null,
      ipAddress: '198.51.100.7',
      outcome: 'denied' as const,
      details: {},
    });
    await app.vigil.deps.auditBatcher.append([
      crafted(orgB.orgId, carla.id, 'user', carla.id),
      crafted(orgB.orgId, orgA.adminId, 'role', auditorRoleId),
      crafted(orgA.orgId, bruno.id, 'user', bruno.id),
    ]);
    await app.vigil.deps.auditChainer?.drain();
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should show an audit:read-only reader the actor’s name and email and the resource’s name, though it cannot read users', async () => {
    expect(codeOf(await app.gql('{ users(first: 5) { nodes { id } } }', {}, auditor))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql('{ roles { id } }', {}, auditor))).toBe('FORBIDDEN');
    await app.vigil.deps.auditChainer?.drain();
    const entries = await list(auditor);
    const renamed = entries.find((e) => e.action === 'mutation.updateUser' && e.resourceId === carla.id);
    expect(renamed).toMatchObject({ actorId: orgA.adminId, actorName: 'Ada Admin', actorEmail: orgA.adminEmail });
    expect(renamed?.resourceName).toBe('Carla Compliance');
    const roleEdit = entries.find((e) => e.action === 'mutation.updateRole');
    expect(roleEdit).toMatchObject({ resourceType: 'role', resourceId: auditorRoleId, resourceName: 'Auditor' });
    // The reader's own reads name the reader.
    expect(entries.find((e) => e.action === 'query.users' && e.actorId === auditorId)).toMatchObject({
      actorName: 'auditor person',
    });
  });

  it('should never resolve another organization’s people, in either direction', async () => {
    const inB = (await list(adminB)).filter((e) => e.action === 'mutation.crossOrgProbe');
    expect(inB).toHaveLength(2);
    for (const e of inB) expect([e.actorName, e.actorEmail, e.resourceName]).toEqual([null, null, null]);
    const inA = (await list(auditor)).filter((e) => e.action === 'mutation.crossOrgProbe');
    expect(inA).toHaveLength(1);
    expect([inA[0]!.actorName, inA[0]!.actorEmail, inA[0]!.resourceName]).toEqual([null, null, null]);
  });

  it('should answer nothing from the database functions to a scope without audit:read, of another org, or of the system', async () => {
    const ask = async (scope: DbScope) => {
      await sql.query(`BEGIN; ${scopePreamble(scope)}`);
      try {
        // Both answer { user: {…}, role: {…}, organization: {…} }: count what they hold.
        const held = (m: Record<string, object>) => Object.values(m).reduce((n, byId) => n + Object.keys(byId).length, 0);
        const people = held((await sql.query('SELECT audit_people_of($1::text[]) AS m', [[carla.id, auditorRoleId]])).rows[0].m);
        const all = held((await sql.query('SELECT audit_people_of_org() AS m')).rows[0].m);
        const found = (await sql.query(`SELECT count(*)::int AS n FROM audit_actor_search('', 50)`)).rows[0].n as number;
        return { people, all, found };
      } finally {
        await sql.query('ROLLBACK');
      }
    };
    const user = (orgId: string, permissions: string[]): DbScope => ({
      role: 'vigil_user',
      actorType: 'user',
      orgId,
      actorId: randomUUID(),
      roleId: null,
      permissions,
    });
    expect(await ask(user(orgA.orgId, ['audit:read']))).toMatchObject({ people: 2 });
    expect(await ask(user(orgA.orgId, ['users:read', 'roles:read']))).toEqual({ people: 0, all: 0, found: 0 });
    expect(await ask(user(orgB.orgId, ['audit:read']))).toMatchObject({ people: 0 });
    expect(await ask({ role: 'vigil_system', source: 'test' })).toEqual({ people: 0, all: 0, found: 0 });
  });

  it('should resolve a whole page in one statement', async () => {
    const client = new pg.Client({ connectionString: app.db.appUrl });
    await client.connect();
    try {
      await client.query(`BEGIN; ${scopePreamble({ ...readerScope(orgA.orgId) })}`);
      let statements = 0;
      const counted = new Proxy(client, {
        get(target, key, receiver) {
          if (key === 'query') statements += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const page = await listAuditEntries(counted, {}, 200);
      expect(statements).toBe(1);
      expect(page.entries.some((e) => e.actorName === 'Ada Admin' && e.actorEmail === orgA.adminEmail)).toBe(true);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });

  it('should export the names in columns of their own after the chain’s, a formula-leading name neutralised', async () => {
    await gqlOk(
      `mutation($id: ID!, $j: String!) { updateUser(id: $id, input: { name: ${JSON.stringify(MALLORY)} }, justification: $j) { id } }`,
      { id: carla.id, j: J },
      admin,
    );
    const res = await fetch(`${app.url}/api/v1/audit`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(header!.slice(-3)).toEqual(['actor_name', 'actor_email', 'resource_name']);
    const at = (name: string) => header!.indexOf(name);
    const entries = rows.filter((r) => r.length > 1);
    const rename = entries.find((r) => r[at('action')] === 'mutation.updateUser' && r[at('resource_id')] === carla.id)!;
    expect([rename[at('actor_name')], rename[at('actor_email')], rename[at('resource_name')]]).toEqual([
      'Ada Admin',
      orgA.adminEmail,
      `'${MALLORY}`,
    ]);
    const probe = entries.find((r) => r[at('action')] === 'mutation.crossOrgProbe')!;
    expect([probe[at('actor_name')], probe[at('actor_email')], probe[at('resource_name')]]).toEqual(['', '', '']);
  });

  it('should find the org’s actors by a name, a word of a name or an email prefix, and filter by the one picked', async () => {
    expect((await actors(auditor, 'carla')).map((a) => a.id)).toEqual([carla.id]);
    expect((await actors(auditor, carla.email.slice(0, 8).toUpperCase())).map((a) => a.id)).toEqual([carla.id]);
    expect((await actors(auditor, 'mall')).map((a) => a.id)).toEqual([carla.id]);
    const [ada] = await actors(auditor, orgA.adminEmail);
    expect(ada).toMatchObject({ id: orgA.adminId, name: 'Ada Admin', email: orgA.adminEmail });
    const own = await list(auditor, { actorId: ada!.id });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.actorId === orgA.adminId && e.actorEmail === orgA.adminEmail)).toBe(true);
    // A pattern character is a character: '%' matches no one.
    expect(await actors(auditor, '%')).toEqual([]);
  });

  it('should find nobody of another organization by name or email', async () => {
    expect(await actors(auditor, bruno.email)).toEqual([]);
    expect(await actors(auditor, 'Bruno')).toEqual([]);
    expect(await actors(adminB, 'Carla')).toEqual([]);
    expect(await actors(adminB, carla.email)).toEqual([]);
  });

  it('should list the known actions and resource types', async () => {
    const { auditVocabulary } = await gqlOk<{ auditVocabulary: { actions: string[]; resourceTypes: string[] } }>(
      VOCABULARY,
      {},
      auditor,
    );
    expect(auditVocabulary.actions).toEqual(
      expect.arrayContaining(['query.auditEntries', 'query.users', 'mutation.createUser', 'mutation.login', 'audit.export_csv']),
    );
    expect(auditVocabulary.actions).not.toContain('mutation.crossOrgProbe');
    expect(auditVocabulary.resourceTypes).toEqual(
      expect.arrayContaining(['user', 'role', 'audit_log', 'session', 'organization']),
    );
  });

  it('should refuse the pickers to a role without audit:read, and write no allowed entry', async () => {
    for (const [query, variables] of [
      [ACTORS, { s: 'carla' }],
      [VOCABULARY, {}],
    ] as const) {
      const last = await lastEntryId();
      const res = await app.gql(query, variables, viewer);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await entriesSince(last)).toEqual([{ action: expect.stringMatching(/^query\.audit/), outcome: 'denied' }]);
    }
  });

  it('should answer BAD_USER_INPUT to hostile search text or page sizes and write only the refusal', async () => {
    for (const variables of [
      { s: 'a\u0000b' },
      { s: 'x'.repeat(10_000) },
      { s: 'x'.repeat(201) },
      { s: 'a', n: 0 },
      { s: 'a', n: 51 },
    ]) {
      const last = await lastEntryId();
      const users = await sql.query("SELECT md5(string_agg(u::text, ',' ORDER BY id)) AS h FROM users u");
      const res = await app.gql(ACTORS, variables, auditor);
      expect(codeOf(res), JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
      expect(res.status).toBeLessThan(500);
      const written = await entriesSince(last);
      expect(written.length).toBeLessThanOrEqual(1);
      expect(written.some((e) => e.outcome === 'allowed')).toBe(false);
      expect((await sql.query("SELECT md5(string_agg(u::text, ',' ORDER BY id)) AS h FROM users u")).rows).toEqual(users.rows);
    }
  });

  const lastEntryId = async () =>
    (await sql.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_log')).rows[0]!.id;
  const entriesSince = async (id: string) =>
    (
      await sql.query<{ action: string; outcome: string }>('SELECT action, outcome FROM audit_log WHERE id > $1 ORDER BY id', [
        id,
      ])
    ).rows;
});

const readerScope = (orgId: string): DbScope => ({
  role: 'vigil_user',
  actorType: 'user',
  orgId,
  actorId: randomUUID(),
  roleId: null,
  permissions: ['audit:read'],
});
