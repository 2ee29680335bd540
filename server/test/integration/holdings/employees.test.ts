import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';
import { textColumnsContaining } from '../../helpers/holdings-kit';

// Issue 10, item 1: the roster, single-use invitation links, and who may do what with them.
const J = 'onboarding a trader for oversight';
const INVITE = `mutation($input: InviteEmployeeInput!, $j: String!) {
  inviteEmployee(input: $input, justification: $j) { link expiresAt employee { id name email status hasAccount invitationExpiresAt } } }`;
const REISSUE = `mutation($id: ID!) { reissueInvitation(id: $id, justification: "${J}") { link } }`;
const PREVIEW = `query($t: String!) { invitation(token: $t) { state organization organizationName employeeName email expiresAt } }`;
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { organization email } }`;
const EMPLOYEES = `query { employees(first: 50) { nodes { id name email status hasAccount } } }`;
const EMPLOYEE = `query($id: ID!) { employee(id: $id) { id status statusNote } }`;
const MINE = `query { myEmployee { id name status } }`;
const OFFBOARD = `mutation($id: ID!, $j: String!) { offboardEmployee(id: $id, justification: $j) { id status statusNote } }`;
const REONBOARD = `mutation($id: ID!, $n: String!) { requireReonboarding(id: $id, note: $n) { id status statusNote } }`;
const NEW_PASSWORD = 'a long employee passphrase';

const tokenOf = (link: string) => new URL(link).hash.replace(/^#invitation=/, '');

describe('employees and their invitations', () => {
  let app: TestApp;
  let sql: pg.Client;
  let org: TestOrg;
  let other: TestOrg;
  let admin: string;
  let otherAdmin: string;
  let compliance: string;
  let viewer: string;
  let n = 0;

  const invite = async (token = admin, input: Record<string, unknown> = {}) => {
    n += 1;
    const res = await app.gql<{ inviteEmployee: { link: string; employee: { id: string; email: string } } }>(
      INVITE,
      { input: { name: `Trader ${n}`, email: `trader${n}-${Date.now()}@example.test`, department: 'Desk', ...input }, j: J },
      token,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.inviteEmployee;
  };
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql.query(`SELECT count(*) FROM ${table} WHERE ${where}`, params)).rows[0].count);

  beforeAll(async () => {
    app = await startTestApp();
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    org = await createTestOrg(app, 'Acme Trading');
    other = await createTestOrg(app, 'Other Fund');
    admin = (await adminWithMfa(app, org)).token;
    otherAdmin = (await adminWithMfa(app, other)).token;
    compliance = await login(app, await createUserWithRole(app, admin, org.roles.Compliance.id, 'compliance'));
    viewer = await login(app, await createUserWithRole(app, admin, org.roles.Viewer.id, 'viewer'));
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should return a link whose token is kept only as its SHA-256 when an Admin invites', async () => {
    const { link, employee } = await invite(admin, { name: 'Grace Trader' });
    expect(employee).toMatchObject({ name: 'Grace Trader', status: 'invited', hasAccount: false });
    const url = new URL(link);
    expect(url.pathname).toBe('/onboarding');
    const token = tokenOf(link);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const { rows } = await sql.query(
      'SELECT token_hash, expires_at - created_at AS ttl FROM employee_invitations WHERE employee_id = $1',
      [employee.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash.toString('hex')).toBe((await sha256(token)).toString('hex'));
    expect(rows[0].ttl.days).toBe(7);
    // The token itself is in no table.
    expect(await textColumnsContaining(sql, token)).toEqual([]);
  });

  it('should refuse an invitation without MFA, without a justification, or by a Compliance officer, and write nothing', async () => {
    const before = await count('employees');
    const aal1 = await login(app, org.admin);
    const input = { name: 'No One', email: 'no.one@example.test' };
    expect(codeOf(await app.gql(INVITE, { input, j: J }, aal1))).toBe('MFA_REQUIRED');
    expect(codeOf(await app.gql(INVITE, { input, j: 'short' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(INVITE, { input, j: J }, compliance))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(INVITE, { input, j: J }))).toBe('UNAUTHENTICATED');
    expect(await count('employees')).toBe(before);
  });

  it('should answer bad input with BAD_USER_INPUT and write nothing', async () => {
    const before = await count('employees');
    for (const input of [
      { name: 'Nul\u0000Byte', email: 'nul@example.test' },
      { name: 'x'.repeat(10_000), email: 'long@example.test' },
      { name: 'Bad Email', email: 'not-an-email' },
      { name: '   ', email: 'blank@example.test' },
      { name: 'Long Dept', email: 'dept@example.test', department: 'd'.repeat(121) },
    ]) {
      expect(codeOf(await app.gql(INVITE, { input, j: J }, admin)), JSON.stringify(input).slice(0, 60)).toBe('BAD_USER_INPUT');
    }
    for (const t of ['', 'short', 'x'.repeat(10_000), `${'A'.repeat(42)}\u0000`]) {
      expect(codeOf(await app.gql(PREVIEW, { t }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await app.gql(ACCEPT, { t, p: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
    }
    expect(await count('employees')).toBe(before);
  });

  it('should refuse a second roster entry with the same email as CONFLICT', async () => {
    const { employee } = await invite();
    const again = await app.gql(INVITE, { input: { name: 'Twin', email: employee.email }, j: J }, admin);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await count('employees', 'email = $1', [employee.email])).toBe(1);
  });

  it('should make exactly one Employee account when 100 acceptances of one link race', async () => {
    const { link, employee } = await invite();
    const t = tokenOf(link);
    const preview = await app.gql<{ invitation: { state: string; organization: string; email: string } }>(PREVIEW, { t });
    expect(preview.data?.invitation).toMatchObject({ state: 'valid', organization: org.slug, email: employee.email });
    const results = await Promise.all(Array.from({ length: 100 }, () => app.gql(ACCEPT, { t, p: NEW_PASSWORD })));
    const ok = results.filter((r) => r.data);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(99);
    expect(await count('users', 'email = $1', [employee.email])).toBe(1);
    const { rows } = await sql.query(
      `SELECT e.status, r.name AS role FROM employees e JOIN users u ON u.id = e.user_id JOIN roles r ON r.id = u.role_id WHERE e.id = $1`,
      [employee.id],
    );
    expect(rows).toEqual([{ status: 'active', role: 'Employee' }]);
    expect((await app.gql<{ invitation: { state: string } }>(PREVIEW, { t })).data?.invitation.state).toBe('used');

    // The employee signs in, sees itself, and nobody else.
    const token = await login(app, { organization: org.slug, email: employee.email }, NEW_PASSWORD);
    const mine = await app.gql<{ myEmployee: { id: string; status: string } }>(MINE, {}, token);
    expect(mine.data?.myEmployee).toMatchObject({ id: employee.id, status: 'active' });
    expect(codeOf(await app.gql(EMPLOYEES, {}, token))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(EMPLOYEE, { id: employee.id }, token))).toBe('FORBIDDEN');
  });

  it('should kill the old link and leave one live link when invitations are re-issued, 20 at once', async () => {
    const { link, employee } = await invite();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => app.gql<{ reissueInvitation: { link: string } }>(REISSUE, { id: employee.id }, admin)),
    );
    const links = results.flatMap((r) => (r.data ? [r.data.reissueInvitation.link] : []));
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.data || codeOf(r) === 'CONFLICT')).toBe(true);
    expect(
      await count('employee_invitations', 'employee_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [employee.id]),
    ).toBe(1);
    const old = tokenOf(link);
    expect((await app.gql<{ invitation: { state: string } }>(PREVIEW, { t: old })).data?.invitation.state).toBe('revoked');
    expect(codeOf(await app.gql(ACCEPT, { t: old, p: NEW_PASSWORD }))).toBe('CONFLICT');
    const live = (
      await sql.query('SELECT token_hash FROM employee_invitations WHERE employee_id = $1 AND revoked_at IS NULL', [employee.id])
    ).rows[0].token_hash as Buffer;
    const hashes = await Promise.all(links.map((l) => sha256(tokenOf(l))));
    expect(hashes.filter((h) => h.equals(live))).toHaveLength(1);
    let accepted = 0;
    for (const l of links) if ((await app.gql(ACCEPT, { t: tokenOf(l), p: NEW_PASSWORD })).data) accepted += 1;
    expect(accepted).toBe(1);
    expect(await count('users', 'email = $1', [employee.email])).toBe(1);
  });

  it('should refuse an expired link and an unknown one, and create nothing', async () => {
    const { link, employee } = await invite();
    await sql.query(
      `UPDATE employee_invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE employee_id = $1`,
      [employee.id],
    );
    const t = tokenOf(link);
    expect((await app.gql<{ invitation: { state: string } }>(PREVIEW, { t })).data?.invitation.state).toBe('expired');
    const res = await app.gql(ACCEPT, { t, p: NEW_PASSWORD });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toMatch(/expired/);
    const unknown = 'A'.repeat(43);
    expect(codeOf(await app.gql(PREVIEW, { t: unknown }))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(ACCEPT, { t: unknown, p: NEW_PASSWORD }))).toBe('NOT_FOUND');
    expect(await count('users', 'email = $1', [employee.email])).toBe(0);
  });

  it("should show another organization's employee to no one: NOT_FOUND, untouched", async () => {
    const { employee } = await invite();
    expect(codeOf(await app.gql(EMPLOYEE, { id: employee.id }, otherAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(OFFBOARD, { id: employee.id, j: J }, otherAdmin))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(REISSUE, { id: employee.id }, otherAdmin))).toBe('NOT_FOUND');
    const list = await app.gql<{ employees: { nodes: { id: string }[] } }>(EMPLOYEES, {}, otherAdmin);
    expect(list.data?.employees.nodes.map((e) => e.id)).not.toContain(employee.id);
    expect((await sql.query('SELECT status FROM employees WHERE id = $1', [employee.id])).rows[0].status).toBe('invited');
    expect(other.orgId).not.toBe(org.orgId);
  });

  it('should let Compliance require re-onboarding of an active employee, and nobody else', async () => {
    const { link, employee } = await invite();
    await app.gql(ACCEPT, { t: tokenOf(link), p: NEW_PASSWORD });
    const own = await login(app, { organization: org.slug, email: employee.email }, NEW_PASSWORD);
    expect(codeOf(await app.gql(REONBOARD, { id: employee.id, n: 'key looks stale' }, viewer))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(REONBOARD, { id: employee.id, n: 'key looks stale' }, own))).toBe('FORBIDDEN');
    const short = await app.gql(REONBOARD, { id: employee.id, n: 'x' }, compliance);
    expect(codeOf(short), JSON.stringify(short.errors)).toBe('BAD_USER_INPUT');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.gql<{ requireReonboarding: { status: string } }>(REONBOARD, { id: employee.id, n: 'key looks stale' }, compliance),
      ),
    );
    expect(results.filter((r) => r.data)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
    const after = await app.gql<{ employee: { status: string; statusNote: string } }>(EMPLOYEE, { id: employee.id }, compliance);
    expect(after.data?.employee).toEqual({ id: employee.id, status: 'needs_reonboarding', statusNote: 'key looks stale' });
  });

  it("should end an offboarded employee's sessions and sign-ins, and keep the row", async () => {
    const { link, employee } = await invite();
    await app.gql(ACCEPT, { t: tokenOf(link), p: NEW_PASSWORD });
    const account = { organization: org.slug, email: employee.email };
    const own = await login(app, account, NEW_PASSWORD);
    expect((await app.gql(MINE, {}, own)).data).toBeTruthy();
    expect(codeOf(await app.gql(OFFBOARD, { id: employee.id, j: J }, compliance))).toBe('FORBIDDEN');
    const res = await app.gql<{ offboardEmployee: { status: string; statusNote: string } }>(
      OFFBOARD,
      { id: employee.id, j: 'left the firm on Friday' },
      admin,
    );
    expect(res.data?.offboardEmployee).toMatchObject({ status: 'offboarded', statusNote: 'left the firm on Friday' });
    expect(codeOf(await app.gql(MINE, {}, own))).toBe('UNAUTHENTICATED');
    await expect(login(app, account, NEW_PASSWORD)).rejects.toThrow();
    expect(codeOf(await app.gql(OFFBOARD, { id: employee.id, j: J }, admin))).toBe('CONFLICT');
    expect(await count('employees', 'id = $1', [employee.id])).toBe(1);
    // An offboarded person can be invited again as a new roster entry; the history stays.
    const again = await app.gql(INVITE, { input: { name: 'Back Again', email: employee.email }, j: J }, admin);
    expect(again.data).toBeTruthy();
    expect(await count('employees', 'email = $1', [employee.email])).toBe(2);
  });

  it('should show rows under RLS only to their org, and to an Employee only its own row', async () => {
    const a = await invite();
    const b = await invite();
    await app.gql(ACCEPT, { t: tokenOf(a.link), p: NEW_PASSWORD });
    const userId = (await sql.query('SELECT user_id FROM employees WHERE id = $1', [a.employee.id])).rows[0].user_id as string;
    const app_ = new pg.Client({ connectionString: app.db.appUrl });
    await app_.connect();
    try {
      const asUser = async (orgId: string, actorId: string, permissions: string) => {
        await app_.query('BEGIN; SET LOCAL ROLE vigil_user');
        await app_.query(
          `SELECT set_config('app.org_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.permissions', $3, true)`,
          [orgId, actorId, permissions],
        );
        const rows = (await app_.query('SELECT id FROM employees')).rows.map((r) => r.id as string);
        const invitations = Number((await app_.query('SELECT count(*) FROM employee_invitations')).rows[0].count);
        await app_.query('ROLLBACK');
        return { rows, invitations };
      };
      const otherOrg = await asUser(other.orgId, other.adminId, 'employees:read,employees:write');
      expect(otherOrg.rows).not.toContain(a.employee.id);
      expect(otherOrg.rows).not.toContain(b.employee.id);
      expect(otherOrg.invitations).toBe(0);
      const self = await asUser(org.orgId, userId, 'connections:read,connections:write');
      expect(self).toEqual({ rows: [a.employee.id], invitations: 0 });
      const reviewer = await asUser(org.orgId, org.adminId, 'employees:read');
      expect(reviewer.rows).toEqual(expect.arrayContaining([a.employee.id, b.employee.id]));
      expect(reviewer.invitations).toBe(0);
      // An Employee session cannot rename itself or promote itself out of re-onboarding's reach.
      await app_.query('BEGIN; SET LOCAL ROLE vigil_user');
      await app_.query(
        `SELECT set_config('app.org_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.permissions', $3, true)`,
        [org.orgId, userId, 'connections:read,connections:write'],
      );
      await expect(app_.query(`UPDATE employees SET name = 'Someone Else' WHERE id = $1`, [a.employee.id])).rejects.toThrow(
        /employees:write/,
      );
      await app_.query('ROLLBACK');
    } finally {
      await app_.end();
    }
  });

  it('should write one audit entry per invitation operation, naming the employee', async () => {
    const { link, employee } = await invite();
    await app.gql(ACCEPT, { t: tokenOf(link), p: TEST_PASSWORD + ' and more' });
    await expect
      .poll(async () =>
        (
          await sql.query(`SELECT action FROM audit_log WHERE org_id = $1 AND resource_id = $2 ORDER BY at, id`, [
            org.orgId,
            employee.id,
          ])
        ).rows.map((r) => r.action as string),
      )
      .toEqual(['mutation.inviteEmployee', 'mutation.acceptInvitation']);
  });
});

async function sha256(text: string): Promise<Buffer> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text).digest();
}
