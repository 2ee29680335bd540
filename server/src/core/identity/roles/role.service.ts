import { z } from 'zod';
import type { Actor } from '@/core/actor';
import { definitionRefusal } from '@/core/access/grants';
import type { ObjectAccess } from '@/core/access/require-access';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import { parseInput, uuid } from '@/core/graphql/validate';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '@/lib/db/pg-errors';
import type { RequestDb } from '@/lib/db/request-db';
import { conflict, forbidden, notFound } from '@/lib/errors/app-error';
import { endStaleSessions } from '@/core/identity/auth/session-cutoffs';
import type { SessionRevocation } from '@/core/identity/auth/session-revocation';
import type { Logger } from '@/lib/logger';
import { keepingAnAdministrator } from '@/core/identity/orgs/keep-an-administrator';
import { User } from '@/core/identity/users/user.entity';
import { isPermission, PERMISSIONS } from '@/core/access/permission-catalog';
import { Role } from './role.entity';
import { roleByIdSql, rolesSql } from './role.queries';
import { toRoleType, type RoleRow, type RoleType } from './role.types';

const roleName = z.string().trim().min(1, 'must not be empty').max(80);
const description = z.string().trim().max(500);
const permissions = z
  .array(z.string().refine(isPermission, { message: 'unknown permission' }))
  .max(PERMISSIONS.length)
  .transform((ps) => [...new Set(ps)].sort());

const createInput = z.object({ name: roleName, description: description.nullish(), permissions });
const updateInput = z
  .object({ name: roleName.nullish(), description: description.nullish(), permissions: permissions.nullish() })
  .refine((v) => v.name != null || v.description != null || v.permissions != null, 'nothing to change');

const ROLE_IN_USE = 'The role is still assigned to users';

/** Built-in roles are read-only templates; custom roles are named permission sets. */
export type RoleServiceDeps = { db: RequestDb; access: ObjectAccess; revocation: SessionRevocation; logger: Logger };

export class RoleService {
  private readonly db: RequestDb;
  private readonly access: ObjectAccess;
  private readonly revocation: SessionRevocation;
  private readonly logger: Logger;

  constructor(
    deps: RoleServiceDeps,
    private readonly audit: FieldAudit = discardAudit,
  ) {
    ({ db: this.db, access: this.access, revocation: this.revocation, logger: this.logger } = deps);
  }

  async list(actor: Actor): Promise<RoleType[]> {
    await this.access.require(actor, 'roles:read');
    this.audit.note({ resourceType: 'role' });
    const rows = await this.db.readRows<RoleRow>(rolesSql('ORDER BY r.built_in DESC, r.name'), this.audit.alongside);
    return rows.map(toRoleType);
  }

  async get(actor: Actor, id: string): Promise<RoleType> {
    await this.access.require(actor, 'roles:read');
    const roleId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'role', resourceId: roleId });
    await this.access.require(actor, 'roles:read', [roleId]);
    const [row] = await this.db.readRows<RoleRow>(roleByIdSql(roleId), this.audit.alongside);
    if (!row) throw notFound('Role');
    return toRoleType(row);
  }

  async create(actor: Actor, input: unknown): Promise<RoleType> {
    await this.access.require(actor, 'roles:write');
    const data = parseInput(createInput, input);
    this.audit.note({ resourceType: 'role', details: { name: data.name, permissions: data.permissions } });
    const refusal = definitionRefusal(actor.permissions, data.permissions);
    if (refusal) throw refusal;
    const em = await this.db.em();
    const role = em.create(Role, {
      orgId: actor.orgId,
      name: data.name,
      description: data.description ?? '',
      permissions: data.permissions,
      builtIn: false,
    } as Role);
    await this.flushUnique(em);
    this.audit.note({ resourceId: role.id });
    return this.get(actor, role.id);
  }

  async update(actor: Actor, id: string, input: unknown): Promise<RoleType> {
    await this.access.require(actor, 'roles:write');
    const roleId = parseInput(uuid, id);
    const data = parseInput(updateInput, input);
    this.audit.note({ resourceType: 'role', resourceId: roleId, details: { changes: data } });
    await this.access.require(actor, 'roles:write', [roleId]);
    const em = await this.db.em();
    const role = await this.loadCustom(roleId);
    const before = role.permissions;
    // Checked on the role as it would stand: nobody edits a role into, or while it holds, more than they hold.
    const refusal = definitionRefusal(actor.permissions, data.permissions ?? role.permissions);
    if (refusal) throw refusal;
    if (data.name != null) role.name = data.name;
    if (data.description != null) role.description = data.description;
    if (data.permissions != null) role.permissions = data.permissions;
    await this.flushUnique(em);
    if (data.permissions != null && data.permissions.join(',') !== before.join(',')) {
      // Tokens carry permissions: everyone holding this role signs in again. The cutoff is the
      // role's, so it needs no list of holders (which the editor may not be allowed to read).
      await endStaleSessions(this.db, this.revocation, { roleId }, this.logger);
      this.audit.note({ details: { previousPermissions: before, sessionsRevoked: 'every holder of the role' } });
    }
    return this.get(actor, roleId);
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    await this.access.require(actor, 'roles:write');
    const roleId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'role', resourceId: roleId });
    await this.access.require(actor, 'roles:write', [roleId]);
    const em = await this.db.em();
    const role = await this.loadCustom(roleId);
    if ((await em.count(User, { roleId })) > 0) throw conflict(ROLE_IN_USE);
    this.audit.note({ details: { name: role.name } });
    em.remove(role);
    try {
      await em.flush();
    } catch (err) {
      // Holders the actor cannot see (no users:read) are still holders: the database says so.
      if (sqlState(err) === FOREIGN_KEY_VIOLATION) throw conflict(ROLE_IN_USE);
      throw err;
    }
    return true;
  }

  private async loadCustom(id: string): Promise<Role> {
    const role = await (await this.db.em()).findOne(Role, { id });
    if (!role) throw notFound('Role');
    if (role.builtIn) throw forbidden('Built-in roles are read-only; copy one into a custom role instead');
    return role;
  }

  private async flushUnique(em: Awaited<ReturnType<RequestDb['em']>>): Promise<void> {
    try {
      await keepingAnAdministrator(() => em.flush());
    } catch (err) {
      if (sqlState(err) === UNIQUE_VIOLATION) throw conflict('A role with this name already exists');
      throw err;
    }
  }
}
