import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { userScope } from '../../helpers/audit-test-kit';
import { parseCsv } from '../../helpers/parse-csv';
import { onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
import {
  adminWithMfa,
  createTestOrg,
  createCustomRole,
  sessionWithRole,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Holdings in the audit log by name (migration 0029): an entry on an employee names the employee,
// one on an exchange connection or a wallet names whose it is and where, for a reader holding
// audit:read and nothing else; the names come from the reader's organization only, and a scope
// without audit:read, another org's or the system's gets none of them from the database.

type Node = { action: string; resourceType: string | null; resourceId: string | null; resourceName: string | null };
const LIST = `query($f: AuditFilter) { auditEntries(first: 200, filter: $f) { nodes { action resourceType resourceId resourceName } } }`;
const J = 'a reason long enough for the test';
const ADDRESS = '0x71C7656EC7ab88b098defB751B7401B5f6d8976F';

describe('holdings in the audit log by name', () => {
  let app: TestApp;
  let orgA: TestOrg;
  let orgB: TestOrg;
  let admin: string;
  let adminB: string;
  let auditor: string;
  let grace: TestEmployee;
  let connectionId: string;
  let walletId: string;
  let sql: pg.Client;

  const gqlOk = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await app.gql<T>(query, variables, token);
    if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const list = async (token: string, f: Record<string, unknown>) =>
    (await gqlOk<{ auditEntries: { nodes: Node[] } }>(LIST, { f }, token)).auditEntries.nodes;

  beforeAll(async () => {
    app = await startTestApp();
    orgA = await createTestOrg(app);
    orgB = await createTestOrg(app);
    admin = (await adminWithMfa(app, orgA)).token;
    adminB = (await adminWithMfa(app, orgB)).token;
    // A role that reads the audit log and nothing else: no employees:read, no connections:read.
    auditor = await sessionWithRole(app, admin, await createCustomRole(app, admin, 'Auditor', ['audit:read']), 'auditor');
    grace = await onboardedEmployee(app, admin, 'Grace Hopper');
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    connectionId = (
      await sql.query<{ id: string }>(
        `INSERT INTO exchange_connections (org_id, employee_id, venue, label, key_fingerprint, api_key_enc, secret_enc, status, scope_proof, scope_checked_at)
         VALUES ($1, $2, 'kucoin', 'main', '…abcd', 'sealed', 'sealed', 'active', '{}', now()) RETURNING id`,
        [orgA.orgId, grace.id],
      )
    ).rows[0]!.id;
    walletId = (
      await sql.query<{ id: string }>(
        `INSERT INTO wallets (org_id, employee_id, chain_id, address, label) VALUES ($1, $2, 1, $3, 'cold') RETURNING id`,
        [orgA.orgId, grace.id, ADDRESS],
      )
    ).rows[0]!.id;
    // Reads that audit the connection and the wallet by id; a rename of the employee after them.
    await gqlOk(`query($id: ID!) { pollRuns(connectionId: $id) { id } }`, { id: connectionId }, admin);
    await gqlOk(`query($id: ID!) { walletPollRuns(walletId: $id) { id } }`, { id: walletId }, admin);
    await gqlOk(
      `mutation($id: ID!, $j: String!) { updateEmployee(id: $id, input: { name: "Grace B. Hopper" }, justification: $j) { id } }`,
      { id: grace.id, j: J },
      admin,
    );
    // Org B reads org A's ids: its entries carry them, but nothing of org A may name them there.
    await app.gql(`query($id: ID!) { pollRuns(connectionId: $id) { id } }`, { id: connectionId }, adminB);
    // The log lists an entry once the chainer has linked it.
    await app.vigil.deps.auditChainer?.drain();
  });

  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should name the employee on its invitation, its update and its reads, by today’s name and email', async () => {
    const entries = (await list(auditor, { resourceType: 'employee' })).filter((e) => e.resourceId === grace.id);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['mutation.inviteEmployee', 'mutation.acceptInvitation', 'mutation.updateEmployee']),
    );
    for (const e of entries) expect(e.resourceName).toBe('Grace B. Hopper');
  });

  it('should name a connection by its employee, venue and label, and a wallet by its address, chain and label', async () => {
    const entries = await list(auditor, { resourceType: 'connection' });
    const ofConnection = entries.find((e) => e.action === 'query.pollRuns' && e.resourceId === connectionId);
    const ofWallet = entries.find((e) => e.action === 'query.walletPollRuns' && e.resourceId === walletId);
    expect(ofConnection?.resourceName).toBe('Grace B. Hopper · KuCoin (main)');
    expect(ofWallet?.resourceName).toBe('Grace B. Hopper · wallet 0x71C7…976F on chain 1 (cold)');
  });

  it('should export the same names in the CSV', async () => {
    const res = await fetch(`${app.url}/api/v1/audit`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    const at = (name: string) => header!.indexOf(name);
    const named = (id: string) => new Set(rows.filter((r) => r[at('resource_id')] === id).map((r) => r[at('resource_name')]));
    expect(named(grace.id)).toEqual(new Set(['Grace B. Hopper']));
    expect(named(connectionId)).toEqual(new Set(['Grace B. Hopper · KuCoin (main)']));
    expect(named(walletId)).toEqual(new Set(['Grace B. Hopper · wallet 0x71C7…976F on chain 1 (cold)']));
  });

  it('should name nothing of another organization', async () => {
    const probes = (await list(adminB, { resourceType: 'connection' })).filter((e) => e.resourceId === connectionId);
    expect(probes).toHaveLength(1);
    expect(probes[0]!.resourceName).toBeNull();
  });

  it('should answer none of these names from the database to a scope without audit:read, of another org, or of the system', async () => {
    const ask = async (scope: DbScope) => {
      await sql.query(`BEGIN; ${scopePreamble(scope)}`);
      try {
        const named = (m: Record<string, Record<string, unknown>>) => ({
          employees: Object.keys(m.employee ?? {}).length,
          connections: Object.keys(m.connection ?? {}).length,
        });
        const ids = [grace.id, connectionId, walletId];
        const some = named((await sql.query('SELECT audit_people_of($1::text[]) AS m', [ids])).rows[0].m);
        const all = named((await sql.query('SELECT audit_people_of_org() AS m')).rows[0].m);
        return { some, all };
      } finally {
        await sql.query('ROLLBACK');
      }
    };
    const none = { employees: 0, connections: 0 };
    expect(await ask(userScope(orgA.orgId))).toEqual({
      some: { employees: 1, connections: 2 },
      all: { employees: 1, connections: 2 },
    });
    expect(await ask(userScope(orgA.orgId, ['employees:read', 'connections:read']))).toEqual({ some: none, all: none });
    expect(await ask(userScope(orgB.orgId))).toEqual({ some: none, all: none });
    expect(await ask({ role: 'vigil_system', source: 'test' })).toEqual({ some: none, all: none });
  });
});
