import type { EntityManager } from '@mikro-orm/postgresql';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Aal, UserActor as Actor } from '@/core/actor';
import { discardAudit, PLATFORM_CHAIN_ORG_ID, type FieldAudit } from '@/core/request/audit-note';
import type { CoreDeps } from '@/core/deps';
import { parseInput } from '@/core/graphql/validate';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/crypto/passwords';
import { inScopedTransaction, type RequestDb } from '@/lib/db/request-db';
import { AppError, badInput, forbidden, mfaRequired, unauthenticated } from '@/lib/errors/app-error';
import type { Logger } from '@/lib/logger';
import { User } from '@/core/identity/users/user.entity';
import { Organization } from '@/core/identity/orgs/organization.entity';
import { toUserType, type UserRow } from '@/core/identity/users/user.types';
import { toRoleType, type RoleRow } from '@/core/identity/roles/role.types';
import { viewerSql } from '@/core/identity/users/viewer.queries';
import type { ViewerType } from '@/core/identity/users/viewer.types';
import { passwordSchema } from '../password-policy';
import { endStaleSessions } from './session-cutoffs';
import { readSessionState, readSignInState, type SessionState } from './session-state';
import { GuessLimits, type AccountName } from './guess-limits';
import { acceptTotp, newTotpSecret, totpUri } from './totp';
import { parseSecondFactor } from './recovery-codes';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-code-store';

export type AuthPayload = {
  token: string;
  expiresAt: Date;
  aal: Aal;
  mfaRequired: boolean;
  viewer: ViewerType;
  /** Only from confirmMfaEnrollment: the recovery codes, shown this once. */
  recoveryCodes?: string[];
};

const loginInput = z.object({
  organization: z.string().trim().toLowerCase().min(1).max(63),
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1024),
});
const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema });
const totpCode = z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app');
const NOT_A_SECOND_FACTOR = 'must be the 6-digit code from the authenticator app, or a recovery code';
const INVALID_LOGIN = 'Invalid organization, email or password';

/** Sign-in, sessions, TOTP enrolment and step-up. */
export class AuthService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly ip: string | null,
    private readonly audit: FieldAudit = discardAudit,
    private readonly logger: Logger = deps.logger,
  ) {
    this.guesses = new GuessLimits(deps.limits, ip);
  }

  private readonly guesses: GuessLimits;

  async login(input: unknown): Promise<AuthPayload> {
    const { organization, email, password } = parseInput(loginInput, input);
    const account = { organization, email };
    // Before authentication there is no org: the lookup runs as vigil_system. The org, the user
    // and the role are read in one statement, whose time becomes the session's issue time. It
    // runs before the guess limits so that a refused attempt is recorded where it belongs; the
    // limits stand before the password hash, the expensive part.
    const { orgId, state: found } = await inScopedTransaction(this.deps.orm, { role: 'vigil_system', source: 'login' }, (em) =>
      readSignInState(em, account),
    );
    this.noteSignIn(account, { orgId, userId: found?.userId });
    await this.guesses.beforePassword(account);
    const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!found || !ok || found.disabled) throw unauthenticated(INVALID_LOGIN);
    await this.guesses.passwordSucceeded(account);
    this.audit.note({ actorId: found.userId, actorRole: found.roleName });
    return (await this.issue(found, 1, null, { signIn: true })).payload;
  }

  /**
   * Every attempt, known account or not, leaves exactly one entry before the answer (so the
   * answer's timing does not tell them apart): in the named organization's chain when it exists,
   * naming the account as the resource (the email when there is no such account: that org's own
   * people see who is being tried), else in the platform's chain. Its actor is the user only once
   * the password is proved. The caller is told nothing of which it was.
   */
  private noteSignIn(account: AccountName, found: { orgId?: string; userId?: string }) {
    if (found.userId) this.audit.note({ orgId: found.orgId, resourceType: 'user', resourceId: found.userId, details: {} });
    else if (found.orgId) this.audit.note({ orgId: found.orgId, resourceType: 'user', details: { email: account.email } });
    else this.audit.note({ orgId: PLATFORM_CHAIN_ORG_ID, details: { organization: account.organization, email: account.email } });
  }

  async logout(actor: Actor): Promise<boolean> {
    this.audit.note({ resourceType: 'session', resourceId: actor.session.jti });
    await this.deps.revocation.revokeSession(actor.session.jti, actor.session.expiresAt);
    return true;
  }

  async stepUp(actor: Actor, db: RequestDb, input: string): Promise<AuthPayload> {
    this.audit.note({ resourceType: 'session', resourceId: actor.session.jti });
    const factor = parseSecondFactor(parseInput(z.object({ code: z.string().max(1024) }), { code: input }).code);
    if (!factor) throw badInput(NOT_A_SECOND_FACTOR, { field: 'code' });
    await this.guesses.beforeCode(actor.userId);
    const em = await db.em();
    const user = await this.loadSelf(em, actor, ['mfaSecretEnc']);
    if (!user.mfaSecretEnc || !user.mfaEnabledAt) throw badInput('MFA is not enrolled', { field: 'code' });
    let step: { at: Date };
    if (factor.kind === 'recovery') {
      this.audit.note({ details: { factor: 'recovery_code' } });
      if (!(await useRecoveryCode(em, actor, factor.hash, { mac: this.deps.auditMac, ip: this.ip })))
        throw forbidden('Invalid or already used code');
      await this.guesses.codeSucceeded(actor.userId);
      step = { at: new Date() };
    } else {
      const secret = this.deps.secrets.decrypt(user.mfaSecretEnc, this.binding(user));
      step = await this.acceptCode(actor, em, secret, factor.code, user);
    }
    const state = await this.readOwnState(em, actor);
    await this.deps.revocation.revokeSession(actor.session.jti, actor.session.expiresAt);
    return (await this.issue(state, 2, step.at, { db })).payload;
  }

  async beginMfaEnrollment(actor: Actor, db: RequestDb) {
    this.audit.note({ resourceType: 'user', resourceId: actor.userId });
    const em = await db.em();
    const user = await this.loadSelf(em, actor, []);
    // Replacing an enrolled factor needs the current one.
    if (user.mfaEnabledAt && actor.aal !== 2) throw mfaRequired('Verify your current MFA code to enrol a new one');
    const secret = newTotpSecret();
    user.mfaPendingEnc = this.deps.secrets.encrypt(secret, this.binding(user));
    await em.flush();
    const otpauthUrl = totpUri(secret, user.email);
    return { secret, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
  }

  async confirmMfaEnrollment(actor: Actor, db: RequestDb, input: string): Promise<AuthPayload> {
    this.audit.note({ resourceType: 'user', resourceId: actor.userId });
    const { code } = parseInput(z.object({ code: totpCode }), { code: input });
    await this.guesses.beforeCode(actor.userId);
    const em = await db.em();
    const user = await this.loadSelf(em, actor, ['mfaPendingEnc']);
    if (!user.mfaPendingEnc) throw badInput('Start an MFA enrolment first', { field: 'code' });
    const secret = this.deps.secrets.decrypt(user.mfaPendingEnc, this.binding(user));
    const step = await this.acceptCode(actor, em, secret, code, user);
    user.mfaSecretEnc = user.mfaPendingEnc;
    user.mfaPendingEnc = null;
    user.mfaEnabledAt = step.at;
    await em.flush();
    // A new factor gets new recovery codes; those of a replaced one stop working.
    const recoveryCodes = await replaceRecoveryCodes(em, user);
    const state = await this.readOwnState(em, actor);
    await this.deps.revocation.revokeSession(actor.session.jti, actor.session.expiresAt);
    return { ...(await this.issue(state, 2, step.at, { db })).payload, recoveryCodes };
  }

  /** New recovery codes for the enrolled user (AAL2, by the field's rule); every old one stops working. */
  async regenerateRecoveryCodes(actor: Actor, db: RequestDb): Promise<string[]> {
    this.audit.note({ resourceType: 'user', resourceId: actor.userId });
    if (actor.aal !== 2) throw mfaRequired('Verify your MFA code to issue new recovery codes');
    const em = await db.em();
    const user = await this.loadSelf(em, actor, []);
    if (!user.mfaEnabledAt) throw badInput('Set up MFA first: recovery codes stand in for its codes');
    return replaceRecoveryCodes(em, user);
  }

  async changePassword(actor: Actor, db: RequestDb, input: unknown): Promise<AuthPayload> {
    const data = parseInput(changePasswordInput, input);
    this.audit.note({ resourceType: 'user', resourceId: actor.userId });
    const em = await db.em();
    const user = await this.loadSelf(em, actor, ['passwordHash']);
    // A password alone must not be enough to replace it when the account has a second factor.
    if (user.mfaEnabledAt && actor.aal !== 2) throw mfaRequired('Verify your MFA code to change your password');
    // Guessing the current password through a stolen session is limited like sign-in.
    const account = { organization: await this.orgSlugOf(em, actor), email: user.email };
    await this.guesses.beforePassword(account);
    if (!(await verifyPassword(user.passwordHash, data.currentPassword))) throw forbidden('The current password is wrong');
    await this.guesses.passwordSucceeded(account);
    // A password someone else set is replaced by one they do not know.
    if (user.mustChangePassword && data.newPassword === data.currentPassword)
      throw badInput('Choose a password different from the one you were given', { field: 'newPassword' });
    user.passwordHash = await hashPassword(data.newPassword);
    user.passwordChangedAt = new Date();
    user.mustChangePassword = false;
    await em.flush();
    // Every other session ends, the one this answer carries excepted.
    const spared: { jti?: string } = {};
    const cutoff = await endStaleSessions(db, this.deps.revocation, { userId: user.id }, this.logger, () => spared.jti);
    const issued = await this.issue(await this.readOwnState(em, actor), 1, null, { notBeforeMs: cutoff, db });
    spared.jti = issued.jti;
    return issued.payload;
  }

  /** The viewer for a valid session (the `me` query). */
  async viewer(actor: Actor, db: RequestDb): Promise<ViewerType> {
    this.audit.note({ resourceType: 'user', resourceId: actor.userId });
    return this.loadViewer(db, actor.userId, {
      permissions: [...actor.permissions],
      aal: actor.aal,
      mfaAt: actor.mfaAt,
      expiresAt: actor.session.expiresAt,
    });
  }

  private async acceptCode(actor: Actor, em: EntityManager, secret: string, code: string, user: User) {
    const step = await acceptTotp(secret, code, Number(user.totpLastStep));
    // The conditional update makes "once" hold under concurrency too: of two requests with the
    // same code, one moves the step forward and the other updates nothing.
    const moved =
      step !== null &&
      (await em.nativeUpdate(User, { id: user.id, totpLastStep: { $lt: String(step) } }, { totpLastStep: String(step) })) === 1;
    if (!moved) throw forbidden('Invalid or already used code');
    await this.guesses.codeSucceeded(actor.userId);
    return { step, at: new Date() };
  }

  private async loadSelf(em: EntityManager, actor: Actor, lazy: ('mfaSecretEnc' | 'mfaPendingEnc' | 'passwordHash')[]) {
    const user = await em.findOne(User, { id: actor.userId }, { populate: lazy });
    if (!user || user.disabled) throw unauthenticated('Session no longer valid');
    return user;
  }

  private async orgSlugOf(em: EntityManager, actor: Actor): Promise<string> {
    const org = await em.findOneOrFail(Organization, { id: actor.orgId }, { fields: ['slug'] });
    return org.slug;
  }

  private binding(user: User) {
    return { table: 'users', id: user.id, orgId: user.orgId };
  }

  /** The signed-in user's state as the new session will carry it, read now. */
  private async readOwnState(em: EntityManager, actor: Actor): Promise<SessionState> {
    const state = await readSessionState(em, { userId: actor.userId });
    if (!state || state.disabled) throw unauthenticated('Session no longer valid');
    return state;
  }

  /**
   * A session issued from `state`, dated when the state was read (never later: a change that
   * committed after the read must be able to cut it off), and after `notBeforeMs` when the
   * flow has just cut off the user's earlier sessions.
   */
  private async issue(
    state: SessionState,
    aal: Aal,
    mfaAt: Date | null,
    opts: { notBeforeMs?: number; db?: RequestDb; signIn?: boolean } = {},
  ): Promise<{ payload: AuthPayload; jti: string }> {
    const claims = {
      userId: state.userId,
      orgId: state.orgId,
      roleId: state.roleId,
      roleName: state.roleName,
      // Until a password someone else set is replaced, the session holds nothing (password-change-gate.ts).
      permissions: state.mustChangePassword ? [] : state.permissions,
      aal,
      mfaAt: mfaAt?.getTime() ?? null,
      passwordChangeRequired: state.mustChangePassword,
    };
    const { token, jti, expiresAt } = await this.deps.tokens.issue(claims, opts.notBeforeMs ?? 0, state.readAtMs);
    const viewerContext = { permissions: claims.permissions, aal, mfaAt: claims.mfaAt, expiresAt };
    const viewer = opts.db
      ? await this.loadViewer(opts.db, state.userId, viewerContext)
      : await inScopedTransaction(this.deps.orm, { role: 'vigil_system', source: 'login' }, async (em) => {
          // What the user's detail page tells an Admin; sessions themselves are not stored.
          if (opts.signIn) await em.execute('UPDATE users SET last_sign_in_at = now() WHERE id = ?', [state.userId]);
          const rows = (await em.execute(viewerSql(state.userId))) as ViewerRow[];
          return toViewer(rows[0]!, viewerContext);
        });
    return { payload: { token, expiresAt, aal, mfaRequired: aal === 1 && state.mfaEnabled, viewer }, jti };
  }

  private async loadViewer(db: RequestDb, userId: string, session: ViewerSession): Promise<ViewerType> {
    const [row] = await db.readRows<ViewerRow>(viewerSql(userId), this.audit.alongside);
    if (!row) throw new AppError('UNAUTHENTICATED', 'Session no longer valid');
    return toViewer(row, session);
  }
}

type ViewerRow = UserRow & {
  role: RoleRow;
  org_id: string;
  org_name: string;
  org_slug: string;
  recovery_codes_remaining: number;
};
type ViewerSession = { permissions: string[]; aal: Aal; mfaAt: number | null; expiresAt: Date };

function toViewer(row: ViewerRow, s: ViewerSession): ViewerType {
  return {
    user: toUserType(row, toRoleType(row.role)),
    organization: { id: row.org_id, name: row.org_name, slug: row.org_slug },
    permissions: s.permissions,
    aal: s.aal,
    mfaVerifiedAt: s.mfaAt === null ? null : new Date(s.mfaAt),
    sessionExpiresAt: s.expiresAt,
    passwordChangeRequired: row.must_change_password,
    recoveryCodesRemaining: row.recovery_codes_remaining,
  };
}
