import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { inScopedTransaction } from '@/lib/db/request-db';
import { openAlert, type AlertKind, type AlertSeverity, type OpenAlertInput } from '@/modules/alerts';
import {
  adminWithMfa,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestAccount,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Shared by the alerts suites: a real Vigil, two organizations with a signed-in person per role,
// and alerts raised the way the holdings module raises them (openAlert as the system).

export type RoleTokens = { admin: string; compliance: string; viewer: string; employee: string; nobody: string };
export type AlertsWorld = {
  app: TestApp;
  org: TestOrg;
  other: TestOrg;
  tokens: RoleTokens;
  /** Compliance of the other org. */
  otherCompliance: string;
  /** The user id behind each token of `org`. */
  userIds: Record<keyof RoleTokens, string>;
  sql: pg.Client;
  stop(): Promise<void>;
};

async function signedInPeople(app: TestApp, org: TestOrg) {
  const adminToken = (await adminWithMfa(app, org)).token;
  const person = async (roleId: string, label: string) => {
    const u = await createUserWithRole(app, adminToken, roleId, label);
    return { id: u.id, token: await ownSession(app, u) };
  };
  const created = await app.gql<{ createRole: { id: string } }>(
    'mutation($j: String!) { createRole(input: { name: "Nothing at all", permissions: [] }, justification: $j) { id } }',
    { j: 'a role that holds nothing, for the tests' },
    adminToken,
  );
  if (!created.data) throw new Error(`createRole failed: ${JSON.stringify(created.errors)}`);
  const compliance = await person(org.roles.Compliance.id, 'compliance');
  const viewer = await person(org.roles.Viewer.id, 'viewer');
  const employee = await person(org.roles.Employee.id, 'employee');
  const nobody = await person(created.data.createRole.id, 'nobody');
  return {
    tokens: {
      admin: adminToken,
      compliance: compliance.token,
      viewer: viewer.token,
      employee: employee.token,
      nobody: nobody.token,
    },
    userIds: { admin: org.adminId, compliance: compliance.id, viewer: viewer.id, employee: employee.id, nobody: nobody.id },
  };
}

const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }`;

/**
 * A session of a user an Admin created: the person signs in and sets a password of their own
 * first (a password someone else set may open a session that holds nothing until it is changed).
 */
async function ownSession(app: TestApp, account: TestAccount): Promise<string> {
  const first = await login(app, account);
  const changed = await app.gql<{ changePassword: { token: string } }>(
    CHANGE_PASSWORD,
    { input: { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD} of my own` } },
    first,
  );
  if (!changed.data) throw new Error(`changePassword failed: ${JSON.stringify(changed.errors)}`);
  return changed.data.changePassword.token;
}

export async function startAlertsWorld(): Promise<AlertsWorld> {
  const app = await startTestApp();
  const org = await createTestOrg(app);
  const other = await createTestOrg(app);
  const mine = await signedInPeople(app, org);
  const otherAdmin = (await adminWithMfa(app, other)).token;
  const oc = await createUserWithRole(app, otherAdmin, other.roles.Compliance.id, 'compliance');
  const sql = new pg.Client({ connectionString: app.db.adminUrl });
  await sql.connect();
  return {
    app,
    org,
    other,
    tokens: mine.tokens,
    userIds: mine.userIds,
    otherCompliance: await ownSession(app, oc),
    sql,
    async stop() {
      await sql.end();
      await app.stop();
    },
  };
}

/** A connection_broken raise for a fresh subject, as a poll would make it. */
export function brokenConnection(
  orgId: string,
  overrides: Partial<OpenAlertInput<'connection_broken'>> = {},
): OpenAlertInput<'connection_broken'> {
  return {
    orgId,
    kind: 'connection_broken',
    subject: { type: 'connection', id: randomUUID(), label: `Binance · main (…${randomBytes(2).toString('hex')})` },
    idempotencyKey: `connection_broken:${randomUUID()}`,
    details: { venue: 'Binance', error: 'Invalid API-key, IP, or permissions for action', since: new Date().toISOString() },
    ...overrides,
  };
}

/** Raises an alert as the holdings poll would: vigil_system, in a transaction of its own. */
export async function raise<K extends AlertKind>(world: AlertsWorld, input: OpenAlertInput<K>, source = 'holdings.poll') {
  const deps = world.app.vigil.deps;
  return inScopedTransaction(deps.orm, { role: 'vigil_system', source }, (em) =>
    openAlert(em, input, { source, signer: deps.auditMac }),
  );
}

export async function raiseBroken(world: AlertsWorld, orgId = world.org.orgId, severity?: AlertSeverity) {
  return (await raise(world, brokenConnection(orgId, severity ? { severity } : {}))).id;
}

/** Everything of one alert as the database holds it (read as the superuser). */
export async function alertState(world: AlertsWorld, id: string) {
  const alert = await world.sql.query('SELECT * FROM alerts WHERE id = $1', [id]);
  const events = await world.sql.query(
    'SELECT status, actor_type, actor_id, actor_label, note FROM alert_events WHERE alert_id = $1 ORDER BY id',
    [id],
  );
  return { alert: alert.rows[0] as Record<string, unknown> | undefined, events: events.rows as Record<string, unknown>[] };
}

/** The audit entries naming an alert, oldest first. */
export async function auditOf(world: AlertsWorld, alertId: string) {
  const { rows } = await world.sql.query<{
    action: string;
    outcome: string;
    actor_type: string;
    actor_id: string | null;
    system_source: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT action, outcome, actor_type, actor_id, system_source, details FROM audit_log
      WHERE resource_type = 'alert' AND resource_id = $1 ORDER BY id`,
    [alertId],
  );
  return rows;
}

export const ALERT_FIELDS = `id kind severity status title description subject { type id label } employeeId
  details { key value } openedAt acknowledgedAt resolvedAt resolutionNote
  events { status actorType actorLabel note at }`;

export const ACKNOWLEDGE = `mutation($id: ID!, $note: String) { acknowledgeAlert(id: $id, note: $note) { ${ALERT_FIELDS} } }`;
export const RESOLVE = `mutation($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { ${ALERT_FIELDS} } }`;
export const ALERT = `query($id: ID!) { alert(id: $id) { ${ALERT_FIELDS} } }`;
export const ALERTS = `query($filter: AlertFilterInput, $first: Int, $after: String) {
  alerts(filter: $filter, first: $first, after: $after) { nodes { id status severity kind title } pageInfo { hasNextPage endCursor } } }`;
