import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { pageSize, parseInput, uuid } from '@/core/graphql/validate';
import { endStaleSessions, keepingAnAdministrator, type SessionRevocation } from '@/core/identity';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import { sqlState, UNIQUE_VIOLATION } from '@/lib/db/pg-errors';
import type { RequestDb } from '@/lib/db/request-db';
import { conflict, forbidden, notFound } from '@/lib/errors/app-error';
import type { Logger } from '@/lib/logger';
import { valuedInFor, valueOfRow } from '../valuation/employee-values';
import { Employee, EmployeeInvitation, EMPLOYEE_STATUSES, type EmployeeStatus } from './employee.entity';
import { employeesRead, type EmployeeSelection } from './employee.queries';
import { toEmployeeType, type EmployeeInvitationType, type EmployeeRow, type EmployeeType } from './employee.types';
import { INVITATION_TTL_MS, invitationLink, newInvitationToken } from './invitation-token';

const email = z
  .email({ message: 'must be an email address' })
  .max(320)
  .transform((s) => s.toLowerCase());
const name = z.string().trim().min(1, 'must not be empty').max(200);
const department = z.string().trim().max(120, 'must be at most 120 characters');
const note = z.string().trim().min(3, 'must say why (at least 3 characters)').max(2000);

const listInput = z.object({
  first: pageSize,
  after: z.string().max(1000).nullish(),
  search: z.string().max(200).nullish(),
  status: z.enum(EMPLOYEE_STATUSES as [EmployeeStatus, ...EmployeeStatus[]]).nullish(),
});
const inviteInput = z.object({ name, email, department: department.nullish() });
const updateInput = z
  .object({ name: name.nullish(), department: department.nullish() })
  .refine((v) => v.name != null || v.department != null, 'nothing to change');

export type EmployeeServiceDeps = {
  db: RequestDb;
  access: ObjectAccess;
  revocation: SessionRevocation;
  logger: Logger;
  publicOrigin: string;
  /** REFERENCE_CURRENCY: what totalValue is in. */
  referenceCurrency: string;
};

/**
 * The organization's roster of employees, their invitations, re-onboarding and offboarding.
 * Access is checked here, by the shield before it and by RLS under it; an employee the actor may
 * not see is "not found".
 */
export class EmployeeService {
  constructor(
    private readonly deps: EmployeeServiceDeps,
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async list(actor: Actor, input: { first: number; after?: string | null; search?: string | null; status?: string | null }) {
    await this.deps.access.require(actor, 'employees:read');
    const { first, after, search, status } = parseInput(listInput, input);
    const cursor = after ? (decodeCursor(after, ['string', 'string']) as [string, string]) : undefined;
    if (cursor) parseInput(uuid, cursor[1]);
    this.audit.note({ resourceType: 'employee', details: { first, search: search ?? undefined, status: status ?? undefined } });
    const rows = await this.rows(actor, {
      kind: 'page',
      limit: first + 1,
      after: cursor,
      search: search ?? undefined,
      status: status ?? undefined,
    });
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      nodes: page,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.name, last.id]) : null },
    };
  }

  async get(actor: Actor, id: string): Promise<EmployeeType> {
    const employeeId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'employee', resourceId: employeeId });
    await this.deps.access.require(actor, 'employees:read', [employeeId]);
    return this.read(employeeId, actor);
  }

  /** The employee bound to the acting user, if it is one (the onboarding pages). */
  async own(actor: Actor): Promise<EmployeeType | null> {
    this.audit.note({ resourceType: 'employee' });
    if (actor.kind !== 'user') return null;
    const [employee] = await this.rows(actor, { kind: 'own' });
    if (employee) this.audit.note({ resourceId: employee.id });
    return employee ?? null;
  }

  async invite(actor: Actor, input: unknown): Promise<EmployeeInvitationType> {
    await this.deps.access.require(actor, 'employees:write');
    const data = parseInput(inviteInput, input);
    this.audit.note({ resourceType: 'employee', details: { email: data.email } });
    const em = await this.deps.db.em();
    const employee = em.create(Employee, {
      orgId: actor.orgId,
      name: data.name,
      email: data.email,
      department: data.department ?? '',
      status: 'invited',
    } as Employee);
    try {
      await em.flush();
    } catch (err) {
      if (sqlState(err) === UNIQUE_VIOLATION) throw conflict('An employee with this email is already on the roster');
      throw err;
    }
    this.audit.note({ resourceId: employee.id });
    return this.issueInvitation(actor, employee.id);
  }

  /** A new link for an employee who has not made its account yet; the old link stops working. */
  async reissueInvitation(actor: Actor, id: string): Promise<EmployeeInvitationType> {
    await this.deps.access.require(actor, 'employees:write');
    const employeeId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'employee', resourceId: employeeId });
    await this.deps.access.require(actor, 'employees:write', [employeeId]);
    const employee = await this.load(employeeId, true);
    if (employee.status !== 'invited' || employee.userId)
      throw conflict('This employee has already accepted an invitation; there is nothing to re-send');
    const em = await this.deps.db.em();
    await em.nativeUpdate(EmployeeInvitation, { employeeId, usedAt: null, revokedAt: null }, { revokedAt: new Date() });
    return this.issueInvitation(actor, employeeId);
  }

  async update(actor: Actor, id: string, input: unknown): Promise<EmployeeType> {
    await this.deps.access.require(actor, 'employees:write');
    const employeeId = parseInput(uuid, id);
    const data = parseInput(updateInput, input);
    this.audit.note({ resourceType: 'employee', resourceId: employeeId, details: { changes: data } });
    await this.deps.access.require(actor, 'employees:write', [employeeId]);
    const employee = await this.load(employeeId);
    if (employee.status === 'offboarded') throw conflict('An offboarded employee is kept as history and cannot be changed');
    if (data.name != null) employee.name = data.name;
    if (data.department != null) employee.department = data.department;
    await (await this.deps.db.em()).flush();
    return this.read(employeeId, actor);
  }

  /** Compliance asks for a fresh verified key: the employee counts as active again only then. */
  async requireReonboarding(actor: Actor, id: string, why: string): Promise<EmployeeType> {
    await this.deps.access.require(actor, 'employees:read');
    await this.deps.access.require(actor, 'connections:write');
    const employeeId = parseInput(uuid, id);
    const reason = parseInput(note, why);
    this.audit.note({ resourceType: 'employee', resourceId: employeeId, details: { note: reason } });
    await this.deps.access.require(actor, 'employees:read', [employeeId]);
    if (actor.kind === 'user' && (await this.load(employeeId)).userId === actor.userId)
      throw forbidden('You cannot require your own re-onboarding');
    const changed = await this.moveStatus(employeeId, 'active', 'needs_reonboarding', reason);
    if (!changed) throw conflict('Only an active employee can be asked to re-onboard');
    return this.read(employeeId, actor);
  }

  /**
   * Ends the employee's access: its account is disabled and its sessions end, its connections stop
   * being polled (the poller reads only active employees), and everything recorded stays.
   */
  async offboard(actor: Actor, id: string, why: string): Promise<EmployeeType> {
    await this.deps.access.require(actor, 'employees:write');
    const employeeId = parseInput(uuid, id);
    const reason = parseInput(note, why);
    this.audit.note({ resourceType: 'employee', resourceId: employeeId, details: { note: reason } });
    await this.deps.access.require(actor, 'employees:write', [employeeId]);
    const employee = await this.load(employeeId, true);
    if (employee.status === 'offboarded') throw conflict('This employee is already offboarded');
    if (employee.userId) {
      // The account is an identity row: disabling it needs what disabling any user needs.
      await this.deps.access.require(actor, 'users:write');
      if (actor.kind === 'user' && employee.userId === actor.userId) throw forbidden('You cannot offboard yourself');
    }
    const em = await this.deps.db.em();
    await em.nativeUpdate(EmployeeInvitation, { employeeId, usedAt: null, revokedAt: null }, { revokedAt: new Date() });
    employee.status = 'offboarded';
    employee.statusNote = reason;
    employee.statusChangedAt = new Date();
    await em.flush();
    if (employee.userId) {
      const userId = employee.userId;
      const res = await keepingAnAdministrator(() =>
        em.execute('UPDATE users SET disabled = true, updated_at = now() WHERE id = ? RETURNING id', [userId], 'all'),
      );
      if (res.length !== 1) throw notFound('User');
      await endStaleSessions(this.deps.db, this.deps.revocation, { userId }, this.deps.logger);
    }
    return this.read(employeeId, actor);
  }

  private async issueInvitation(actor: Actor, employeeId: string): Promise<EmployeeInvitationType> {
    const { token, hash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const em = await this.deps.db.em();
    em.create(EmployeeInvitation, {
      orgId: actor.orgId,
      employeeId,
      tokenHash: hash,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      expiresAt,
    } as EmployeeInvitation);
    try {
      await em.flush();
    } catch (err) {
      // Two re-sends at once: one link lives, the other request is told to look again.
      if (sqlState(err) === UNIQUE_VIOLATION) throw conflict('Another invitation was just issued for this employee');
      throw err;
    }
    this.audit.note({ details: { invitationExpiresAt: expiresAt.toISOString() } });
    return { employee: await this.read(employeeId, actor), link: invitationLink(this.deps.publicOrigin, token), expiresAt };
  }

  /** A guarded status move: only from `from`, in one statement, so concurrent moves cannot both win. */
  private async moveStatus(id: string, from: EmployeeStatus, to: EmployeeStatus, why: string): Promise<boolean> {
    const em = await this.deps.db.em();
    const n = await em.nativeUpdate(Employee, { id, status: from }, { status: to, statusNote: why, statusChangedAt: new Date() });
    return n === 1;
  }

  private async load(id: string, forUpdate = false): Promise<Employee> {
    const em = await this.deps.db.em();
    const employee = await em.findOne(Employee, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!employee) throw notFound('Employee');
    return employee;
  }

  private async read(id: string, actor: Actor): Promise<EmployeeType> {
    const [employee] = await this.rows(actor, { kind: 'id', id });
    if (!employee) throw notFound('Employee');
    return employee;
  }

  /** Employees with health and, for readers of balances, their value now: one statement. */
  private async rows(actor: Actor, selection: EmployeeSelection): Promise<EmployeeType[]> {
    const valuedIn = valuedInFor(actor, this.deps.referenceCurrency);
    const rows = await this.deps.db.readRows<EmployeeRow>(employeesRead(selection, valuedIn), this.audit.alongside);
    return rows.map((row) => toEmployeeType(row, valueOfRow(row, valuedIn)));
  }
}
