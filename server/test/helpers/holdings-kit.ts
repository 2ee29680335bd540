import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { SecretBox } from '@/lib/crypto/secret-box';
import { exchangeDirectory } from '@/modules/holdings/exchange-directory';
import { ConnectionPoller } from '@/modules/holdings/polling/connection-poller';
import { memoryVenueGate } from '@/modules/holdings/polling/venue-gate';
import { login, type TestApp } from './test-app';

// Test data for holdings: employees made the way people make them (an Admin's invitation,
// accepted through its link), so every test goes through the real onboarding path.

export const EMPLOYEE_PASSWORD = 'a long employee passphrase';
const J = 'onboarding a trader for oversight';

const INVITE = `mutation($input: InviteEmployeeInput!, $j: String!) {
  inviteEmployee(input: $input, justification: $j) { link employee { id email } } }`;
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { organization email } }`;

export const invitationTokenOf = (link: string) => new URL(link).hash.replace(/^#invitation=/, '');

export type TestEmployee = { id: string; email: string; name: string; organization: string; token: string };

/** Invites an employee as the given AAL2 Admin, accepts the link, and signs the employee in. */
export async function onboardedEmployee(app: TestApp, adminToken: string, name = 'Grace Trader'): Promise<TestEmployee> {
  const email = `emp-${randomBytes(4).toString('hex')}@example.test`;
  const invited = await app.gql<{ inviteEmployee: { link: string; employee: { id: string } } }>(
    INVITE,
    { input: { name, email, department: 'Desk' }, j: J },
    adminToken,
  );
  if (!invited.data) throw new Error(`inviteEmployee failed: ${JSON.stringify(invited.errors)}`);
  const accepted = await app.gql<{ acceptInvitation: { organization: string } }>(ACCEPT, {
    t: invitationTokenOf(invited.data.inviteEmployee.link),
    p: EMPLOYEE_PASSWORD,
  });
  if (!accepted.data) throw new Error(`acceptInvitation failed: ${JSON.stringify(accepted.errors)}`);
  const organization = accepted.data.acceptInvitation.organization;
  const token = await login(app, { organization, email }, EMPLOYEE_PASSWORD);
  return { id: invited.data.inviteEmployee.employee.id, email, name, organization, token };
}

export const CONNECT = `mutation($input: ConnectExchangeInput!) {
  connectExchange(input: $input) { connection { id venue status keyFingerprint scopeVerdict employeeId } balances { asset total } } }`;

/** A fresh key pair in the shape the venues hand out (long, printable, no spaces). */
export const freshKey = () => ({ apiKey: `k${randomBytes(24).toString('hex')}`, secret: `s${randomBytes(32).toString('hex')}` });

/** Every text-like column of every table whose value contains `needle` (as table.column). */
export async function textColumnsContaining(sql: pg.Client, needle: string): Promise<string[]> {
  const { rows } = await sql.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')`,
  );
  const hits: string[] = [];
  for (const { table_name, column_name } of rows) {
    const res = await sql.query(
      `SELECT 1 FROM "${table_name}" WHERE encode(convert_to("${column_name}"::text, 'UTF8'), 'escape') LIKE $1 LIMIT 1`,
      [`%${needle}%`],
    );
    if (res.rowCount) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

/**
 * Waits until whatever the pollers may be doing with a connection has finished: no new poll runs
 * for `quietMs`. Returns how many it has.
 */
export async function pollRunsSettled(sql: pg.Client, connectionId: string, quietMs = 1_500): Promise<number> {
  const runs = async () =>
    Number((await sql.query('SELECT count(*) AS n FROM poll_runs WHERE connection_id = $1', [connectionId])).rows[0].n);
  let before = await runs();
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const after = await runs();
    if (after === before) return after;
    before = after;
  }
}

/** A poller of the app's connections for a test to drive itself (its own gate in memory). */
export const testPoller = (app: TestApp, secrets: SecretBox = app.vigil.deps.secrets) =>
  new ConnectionPoller({
    orm: app.vigil.deps.orm,
    secrets,
    auditMac: app.vigil.deps.auditMac,
    adapterFor: (venue) => exchangeDirectory(app.vigil.deps.env).adapterFor(venue),
    gate: memoryVenueGate(),
    logger: app.vigil.deps.logger,
    expiryWarningMs: 0,
  });
