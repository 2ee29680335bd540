import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBareSchema } from '@/app/schema';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../helpers/test-app';

// Every mutation, given bad input, answers BAD_USER_INPUT and changes nothing.
const J = '"a good reason for it"';
const NOT_A_UUID = '"not-a-uuid"';

const CASES = (org: TestOrg, userId: string): Record<string, string[]> => ({
  login: [
    'mutation { login(input: { organization: "acme", email: "", password: "x" }) { token } }',
    // A wrongly typed variable is refused by variable coercion, before any resolver.
    JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
      variables: { i: { organization: 'acme', email: 42, password: 'x' } },
    }),
  ],
  stepUp: ['mutation { stepUp(code: "12ab56") { token } }', 'mutation { stepUp(code: "1234567") { token } }'],
  confirmMfaEnrollment: ['mutation { confirmMfaEnrollment(code: "") { token } }'],
  changePassword: [
    'mutation { changePassword(input: { currentPassword: "correct horse battery staple", newPassword: "short" }) { token } }',
  ],
  createUser: [
    `mutation { createUser(input: { email: "not-an-email", name: "X", roleId: "${org.roles.Viewer.id}", password: "long enough password" }, justification: ${J}) { id } }`,
    `mutation { createUser(input: { email: "ok@example.test", name: "X", roleId: ${NOT_A_UUID}, password: "long enough password" }, justification: ${J}) { id } }`,
    `mutation { createUser(input: { email: "ok@example.test", name: "", roleId: "${org.roles.Viewer.id}", password: "long enough password" }, justification: ${J}) { id } }`,
    `mutation { createUser(input: { email: "ok@example.test", name: "X", roleId: "${org.roles.Viewer.id}", password: "short" }, justification: ${J}) { id } }`,
    `mutation { createUser(input: { email: "ok@example.test", name: "X", roleId: "${org.roles.Viewer.id}", password: "long enough password" }, justification: "meh") { id } }`,
  ],
  updateUser: [
    `mutation { updateUser(id: ${NOT_A_UUID}, input: { name: "Y" }, justification: ${J}) { id } }`,
    `mutation { updateUser(id: "${userId}", input: {}, justification: ${J}) { id } }`,
    `mutation { updateUser(id: "${userId}", input: { name: "   " }, justification: ${J}) { id } }`,
  ],
  assignRole: [`mutation { assignRole(userId: "${userId}", roleId: ${NOT_A_UUID}, justification: ${J}) { id } }`],
  resetUserMfa: [
    `mutation { resetUserMfa(id: ${NOT_A_UUID}, justification: ${J}) { id } }`,
    `mutation { resetUserMfa(id: "${userId}", justification: "   ") { id } }`,
  ],
  // As the Admin (alerts:read only) these are refused before the shield: by the edge's text check
  // and by variable coercion. The service's own checks: alerts/alert-transitions.test.ts.
  acknowledgeAlert: [`mutation { acknowledgeAlert(id: "${userId}", note: "a\\u0000b") { id } }`],
  resolveAlert: [
    `mutation { resolveAlert(id: "${userId}", note: "${'x'.repeat(10_001)}") { id } }`,
    JSON.stringify({
      query: 'mutation($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { id } }',
      variables: { id: userId, note: 42 },
    }),
  ],
  inviteEmployee: [
    `mutation { inviteEmployee(input: { name: "Grace", email: "not-an-email" }, justification: ${J}) { link } }`,
    `mutation { inviteEmployee(input: { name: "", email: "grace@example.test" }, justification: ${J}) { link } }`,
    `mutation { inviteEmployee(input: { name: "Grace", email: "grace@example.test", department: "${'d'.repeat(121)}" }, justification: ${J}) { link } }`,
  ],
  reissueInvitation: [`mutation { reissueInvitation(id: ${NOT_A_UUID}, justification: ${J}) { link } }`],
  updateEmployee: [
    `mutation { updateEmployee(id: ${NOT_A_UUID}, input: { name: "G" }, justification: ${J}) { id } }`,
    `mutation { updateEmployee(id: "${userId}", input: {}, justification: ${J}) { id } }`,
  ],
  offboardEmployee: [`mutation { offboardEmployee(id: ${NOT_A_UUID}, justification: ${J}) { id } }`],
  // As the Admin (no connections:write) these two are refused before the shield: by the edge's
  // text check and by variable coercion. Their services' checks: holdings/employees.test.ts and
  // holdings/connections.test.ts.
  requireReonboarding: [`mutation { requireReonboarding(id: "${userId}", note: "a\\u0000b") { id } }`],
  connectExchange: [
    JSON.stringify({
      query: 'mutation($i: ConnectExchangeInput!) { connectExchange(input: $i) { connection { id } } }',
      variables: { i: { venue: 'binance', apiKey: 42, secret: 'x' } },
    }),
  ],
  // As connectExchange: the Admin holds no connections:write, so these are refused at the edge's
  // text check and by variable coercion; the services' checks: holdings/wallets.test.ts.
  addWallet: [
    `mutation { addWallet(input: { chainId: 1, address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", label: "a\\u0000b" }) { id } }`,
    JSON.stringify({
      query: 'mutation($i: AddWalletInput!) { addWallet(input: $i) { id } }',
      variables: { i: { chainId: 'one', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' } },
    }),
  ],
  removeWallet: [`mutation { removeWallet(id: "a\\u0000b") { id } }`],
  // As connectExchange: refused at the edge's text check and by variable coercion for the Admin; the
  // services' own checks (another employee's key, a removed key, a malformed id): holdings/connection-lifecycle.test.ts.
  removeConnection: [`mutation { removeConnection(id: "a\\u0000b") { id } }`],
  rotateConnection: [
    `mutation { rotateConnection(id: "${userId}", input: { apiKey: "a\\u0000b", secret: "s" }) { connection { id } } }`,
    JSON.stringify({
      query: 'mutation($id: ID!, $i: RotateConnectionInput!) { rotateConnection(id: $id, input: $i) { connection { id } } }',
      variables: { id: userId, i: { apiKey: 42, secret: 'x' } },
    }),
  ],
  acceptInvitation: [
    'mutation { acceptInvitation(token: "short", password: "long enough password") { email } }',
    `mutation { acceptInvitation(token: "${'A'.repeat(43)}", password: "short") { email } }`,
  ],
  createRole: [
    `mutation { createRole(input: { name: "Bad", permissions: ["users:fly"] }, justification: ${J}) { id } }`,
    `mutation { createRole(input: { name: "", permissions: [] }, justification: ${J}) { id } }`,
    `mutation { createRole(input: { name: "NoReason", permissions: [] }, justification: "") { id } }`,
  ],
  updateRole: [
    `mutation { updateRole(id: ${NOT_A_UUID}, input: { name: "Z" }, justification: ${J}) { id } }`,
    `mutation { updateRole(id: "${org.roles.Viewer.id}", input: {}, justification: ${J}) { id } }`,
  ],
  deleteRole: [`mutation { deleteRole(id: ${NOT_A_UUID}, justification: ${J}) }`],
});

// Mutations that take no argument cannot be given bad input.
const NO_INPUT = new Set(['logout', 'beginMfaEnrollment', 'regenerateRecoveryCodes']);

describe('bad input to every mutation', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let userId: string;
  let sql: pg.Client;

  const snapshot = async () =>
    (
      await sql.query(`SELECT
        (SELECT md5(string_agg(u::text, ',' ORDER BY id)) FROM users u) AS users,
        (SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM roles r) AS roles,
        (SELECT count(*) FROM admin_audit_log) AS admin_log,
        (SELECT md5(string_agg(e::text, ',' ORDER BY id)) FROM employees e) AS employees,
        (SELECT count(*) FROM exchange_connections) AS connections,
        (SELECT md5(string_agg(w::text, ',' ORDER BY id)) FROM wallets w) AS wallets`)
    ).rows[0] as Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    userId = (await createUserWithRole(app, admin, org.roles.Viewer.id)).id;
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should cover every mutation of the schema', async () => {
    const fields = Object.keys((await buildBareSchema()).getMutationType()!.getFields());
    const covered = Object.keys(CASES(org, userId));
    expect(fields.filter((f) => !covered.includes(f) && !NO_INPUT.has(f))).toEqual([]);
  });

  it('should answer BAD_USER_INPUT and write nothing for each bad input', async () => {
    const failures: string[] = [];
    for (const [mutation, docs] of Object.entries(CASES(org, userId))) {
      for (const doc of docs) {
        const before = await snapshot();
        const withVars = doc.startsWith('{')
          ? (JSON.parse(doc) as { query: string; variables: Record<string, unknown> })
          : undefined;
        const res = withVars ? await app.gql(withVars.query, withVars.variables, admin) : await app.gql(doc, {}, admin);
        const after = await snapshot();
        if (codeOf(res) !== 'BAD_USER_INPUT') failures.push(`${mutation}: ${codeOf(res)} ${res.errors?.[0]?.message} for ${doc}`);
        if (res.status >= 500) failures.push(`${mutation}: HTTP ${res.status}`);
        if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${mutation}: data changed for ${doc}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
