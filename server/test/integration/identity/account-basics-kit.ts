import { createHash } from 'node:crypto';
import pg from 'pg';
import { generate } from 'otplib';
import { randomBytes } from 'node:crypto';
import { login, TEST_PASSWORD, type TestApp, type TestAccount } from '../../helpers/test-app';

// Shared by the account-basics suites (forced password change, recovery codes, MFA reset).

export const OWN_PASSWORD = 'a password of my own choosing';
export const J = 'testing account basics for the console';

const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token } }`;

const CREATE_USER = `mutation($input: CreateUserInput!, $j: String!) { createUser(input: $input, justification: $j) { id } }`;

/** A user as an Admin creates them, with TEST_PASSWORD given by the Admin: they must change it. */
export async function userWithGivenPassword(
  app: TestApp,
  admin: { token: string; organization: string },
  roleId: string,
  label = 'user',
) {
  const email = `${label}-${randomBytes(4).toString('hex')}@example.test`;
  const res = await app.gql<{ createUser: { id: string } }>(
    CREATE_USER,
    { input: { email, name: `${label} person`, roleId, password: TEST_PASSWORD }, j: J },
    admin.token,
  );
  if (!res.data) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  const account: TestAccount = { organization: admin.organization, email };
  return { id: res.data.createUser.id, ...account, account };
}

/** A user as an Admin creates them, who then signs in and replaces the Admin's password. */
export async function userWithOwnPassword(
  app: TestApp,
  admin: { token: string; organization: string },
  roleId: string,
  label = 'user',
) {
  const created = await userWithGivenPassword(app, admin, roleId, label);
  const account = created.account;
  const first = await login(app, account);
  const changed = await app.gql<{ changePassword: { token: string } }>(
    CHANGE_PASSWORD,
    { input: { currentPassword: TEST_PASSWORD, newPassword: OWN_PASSWORD } },
    first,
  );
  if (!changed.data) throw new Error(`password change failed: ${JSON.stringify(changed.errors)}`);
  return { id: created.id, account, token: changed.data.changePassword.token };
}

export const changePassword = (app: TestApp, token: string, currentPassword: string, newPassword: string) =>
  app.gql<{ changePassword: { token: string } }>(CHANGE_PASSWORD, { input: { currentPassword, newPassword } }, token);

/** Enrols TOTP and returns the secret, the AAL2 token and the recovery codes shown once. */
export async function enrolWithCodes(app: TestApp, token: string) {
  const begin = await app.gql<{ beginMfaEnrollment: { secret: string } }>(
    'mutation { beginMfaEnrollment { secret } }',
    {},
    token,
  );
  if (!begin.data) throw new Error(`enrolment failed: ${JSON.stringify(begin.errors)}`);
  const secret = begin.data.beginMfaEnrollment.secret;
  const confirm = await app.gql<{ confirmMfaEnrollment: { token: string; recoveryCodes: string[] } }>(
    'mutation($code: String!) { confirmMfaEnrollment(code: $code) { token recoveryCodes } }',
    { code: await generate({ secret }) },
    token,
  );
  if (!confirm.data) throw new Error(`enrolment failed: ${JSON.stringify(confirm.errors)}`);
  return { secret, token: confirm.data.confirmMfaEnrollment.token, codes: confirm.data.confirmMfaEnrollment.recoveryCodes };
}

export const STEP_UP = 'mutation($code: String!) { stepUp(code: $code) { token aal } }';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The database as its administrator sees it, for checking what a refusal left. */
export async function adminSql(app: TestApp) {
  const sql = new pg.Client({ connectionString: app.db.adminUrl });
  await sql.connect();
  return sql;
}
