import { z } from 'zod';
import type { Actor } from '@/core/actor';
import { assignmentRefusal } from '@/core/access/grants';
import type { ObjectAccess } from '@/core/access/require-access';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { parseInput, pageSize, uuid } from '@/core/graphql/validate';
import { hashPassword } from '@/lib/crypto/passwords';
import { sqlState, UNIQUE_VIOLATION } from '@/lib/db/pg-errors';
import type { RequestDb } from '@/lib/db/request-db';
import { badInput, conflict, forbidden, notFound } from '@/lib/errors/app-error';
import { clearMfaEnrolment } from '@/core/identity/auth/mfa-reset';
import { endStaleSessions } from '@/core/identity/auth/session-cutoffs';
import type { SessionRevocation } from '@/core/identity/auth/session-revocation';
import type { Logger } from '@/lib/logger';
import { keepingAnAdministrator } from '@/core/identity/orgs/keep-an-administrator';
import { Role } from '@/core/identity/roles/role.entity';
import { allRolesRead } from '@/core/identity/roles/role.queries';
import type { RoleRow } from '@/core/identity/roles/role.types';
import { passwordSchema } from '../password-policy';
import { User } from './user.entity';
import { listUsersRead, userByIdSql } from './user.queries';
import { toUserTypes, type UserRow, type UserType } from './user.types';

const email = z
  .email({ message: 'must be an email address' })
  .max(320)
  .transform((s) => s.toLowerCase());
const name = z.string().trim().min(1, 'must not be empty').max(200);

const listInput = z.object({ first: pageSize, after: z.string().max(1000).nullish(), search: z.string().max(200).nullish() });
const createInput = z.object({ email, name, roleId: uuid, password: passwordSchema });
const updateInput = z
  .object({ name: name.nullish(), disabled: z.boolean().nullish() })
  .refine((v) => v.name != null || v.disabled != null, 'nothing to change');

/**
 * Users of the actor's organization. Access is checked here (the actor's permissions), again by
 * the shield before it, and by RLS under it; an object the actor may not see is "not found".
 */
export type UserServiceDeps = { db: RequestDb; access: ObjectAccess; revocation: SessionRevocation; logger: Logger };

export class UserService {
  private readonly db: RequestDb;
  private readonly access: ObjectAccess;
  private readonly revocation: SessionRevocation;
  private readonly logger: Logger;

  constructor(
    deps: UserServiceDeps,
    private readonly audit: FieldAudit = discardAudit,
  ) {
    ({ db: this.db, access: this.access, revocation: this.revocation, logger: this.logger } = deps);
  }

  async list(actor: Actor, input: { first: number; after?: string | null; search?: string | null }) {
    await this.access.require(actor, 'users:read');
    const { first, after, search } = parseInput(listInput, input);
    const cursor = after ? (decodeCursor(after, ['string', 'string']) as [string, string]) : undefined;
    if (cursor) parseInput(uuid, cursor[1]);
    this.audit.note({ resourceType: 'user', details: { first, search: search ?? undefined } });
    const [rows, roles] = await this.db.readResults<[UserRow, RoleRow]>(
      [listUsersRead({ limit: first + 1, after: cursor, search: search ?? undefined }), allRolesRead()],
      this.audit.alongside,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: toUserTypes(page, roles),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.name, last.id]) : null },
    };
  }

  async get(actor: Actor, id: string): Promise<UserType> {
    const userId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'user', resourceId: userId });
    // Everyone may read themselves; anyone else needs users:read and must be able to see them.
    const self = actor.kind === 'user' && actor.userId === userId;
    if (!self) await this.access.require(actor, 'users:read', [userId]);
    const [users, roles] = await this.db.readResults<[UserRow, RoleRow]>(
      [userByIdSql(userId), allRolesRead()],
      this.audit.alongside,
    );
    if (users.length === 0) throw notFound('User');
    return toUserTypes(users, roles)[0]!;
  }

  async create(actor: Actor, input: unknown): Promise<UserType> {
    await this.access.require(actor, 'users:write');
    const data = parseInput(createInput, input);
    this.audit.note({ resourceType: 'user', details: { email: data.email, roleId: data.roleId } });
    const em = await this.db.em();
    const role = await em.findOne(Role, { id: data.roleId });
    if (!role) throw notFound('Role');
    const refusal = assignmentRefusal(actor.permissions, role, false);
    if (refusal) throw refusal;
    const user = em.create(User, {
      orgId: actor.orgId,
      email: data.email,
      name: data.name,
      roleId: role.id,
      passwordHash: await hashPassword(data.password),
      // The Admin knows this password: the user chooses their own at first sign-in.
      mustChangePassword: true,
    } as User);
    try {
      await em.flush();
    } catch (err) {
      if (sqlState(err) === UNIQUE_VIOLATION) throw conflict('A user with this email already exists');
      throw err;
    }
    this.audit.note({ resourceId: user.id });
    return this.get(actor, user.id);
  }

  async update(actor: Actor, id: string, input: unknown): Promise<UserType> {
    await this.access.require(actor, 'users:write');
    const userId = parseInput(uuid, id);
    const data = parseInput(updateInput, input);
    this.audit.note({ resourceType: 'user', resourceId: userId, details: { changes: data } });
    await this.access.require(actor, 'users:write', [userId]);
    const user = await this.load(userId);
    if (data.disabled === true && actor.kind === 'user' && userId === actor.userId)
      throw forbidden('You cannot disable yourself');
    if (data.name != null) user.name = data.name;
    if (data.disabled != null) user.disabled = data.disabled;
    const em = await this.db.em();
    await keepingAnAdministrator(() => em.flush());
    if (data.disabled === true) await endStaleSessions(this.db, this.revocation, { userId }, this.logger);
    return this.get(actor, userId);
  }

  async assignRole(actor: Actor, userId: string, roleId: string): Promise<UserType> {
    await this.access.require(actor, 'users:write');
    await this.access.require(actor, 'roles:write');
    const ids = parseInput(z.object({ userId: uuid, roleId: uuid }), { userId, roleId });
    this.audit.note({ resourceType: 'user', resourceId: ids.userId, details: { roleId: ids.roleId } });
    await this.access.require(actor, 'users:write', [ids.userId]);
    await this.access.require(actor, 'roles:write', [ids.roleId]);
    const user = await this.load(ids.userId);
    const em = await this.db.em();
    const role = await em.findOne(Role, { id: ids.roleId });
    if (!role) throw notFound('Role');
    this.audit.note({ details: { fromRoleId: user.roleId, role: role.name } });
    const refusal = assignmentRefusal(actor.permissions, role, actor.kind === 'user' && actor.userId === user.id);
    if (refusal) throw refusal;
    user.roleId = role.id;
    await keepingAnAdministrator(() => em.flush());
    // A role change ends every session of the user: their tokens carry the old permissions.
    await endStaleSessions(this.db, this.revocation, { userId: user.id }, this.logger);
    return this.get(actor, user.id);
  }

  /**
   * Clears another user's second factor (TOTP secret, pending enrolment, recovery codes) and ends
   * every session they have; they sign in with their password and enrol again. Not oneself: an
   * Admin replaces their own factor from their account page, proving the current one.
   */
  async resetMfa(actor: Actor, id: string): Promise<UserType> {
    await this.access.require(actor, 'users:write');
    const userId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'user', resourceId: userId });
    if (actor.kind === 'user' && userId === actor.userId)
      throw badInput('You cannot reset your own MFA here: replace your authenticator from Account & security', { field: 'id' });
    await this.access.require(actor, 'users:write', [userId]);
    const user = await this.load(userId);
    this.audit.note({ details: { hadMfa: user.mfaEnabledAt !== null } });
    await clearMfaEnrolment(await this.db.em(), user);
    await endStaleSessions(this.db, this.revocation, { userId }, this.logger);
    return this.get(actor, userId);
  }

  private async load(id: string): Promise<User> {
    const user = await (await this.db.em()).findOne(User, { id });
    if (!user) throw notFound('User');
    return user;
  }
}
