import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { parseInput } from '@/core/graphql/validate';
import { passwordSchema } from '@/core/identity';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import { hashPassword } from '@/lib/crypto/passwords';
import { inScopedTransaction } from '@/lib/db/request-db';
import { sqlState, UNIQUE_VIOLATION } from '@/lib/db/pg-errors';
import { AppError, conflict } from '@/lib/errors/app-error';
import { InvitationStateEnum, type AcceptedInvitationType, type InvitationPreviewType } from './employee.types';
import { INVITATION_TOKEN_PATTERN, invitationTokenHash } from './invitation-token';

const token = z.string().regex(INVITATION_TOKEN_PATTERN, 'is not an invitation link');
const acceptInput = z.object({ token, password: passwordSchema });

type InvitationRow = {
  invitation_id: string;
  org_id: string;
  employee_id: string;
  employee_status: string;
  employee_name: string;
  email: string;
  organization_name: string;
  organization: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
};

const invalidLink = () => new AppError('NOT_FOUND', 'This invitation link is not valid. Ask your administrator for a new one.');

const REFUSALS: Record<Exclude<InvitationStateEnum, InvitationStateEnum.valid>, string> = {
  [InvitationStateEnum.used]: 'This invitation has already been used. Sign in instead, or ask your administrator for help.',
  [InvitationStateEnum.revoked]: 'This invitation link was replaced by a newer one. Use the latest link you were sent.',
  [InvitationStateEnum.expired]: 'This invitation link has expired. Ask your administrator to send a new one.',
};

/**
 * Opening and accepting an invitation link, before there is a user: the lookups run as
 * vigil_system, found only by the SHA-256 of the link's 32 random bytes. Accepting makes the
 * employee's account (the organization's Employee role, bound to the employee row) exactly once:
 * the invitation row is locked, so of any number of concurrent acceptances one wins.
 */
export class InvitationAcceptance {
  constructor(
    private readonly orm: MikroORM,
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async preview(input: string): Promise<InvitationPreviewType> {
    const hash = invitationTokenHash(parseInput(token, input));
    const row = await this.system((em) => findInvitation(em, hash, false));
    if (!row) throw invalidLink();
    this.audit.note({ orgId: row.org_id, resourceType: 'employee', resourceId: row.employee_id });
    const state = stateOf(row);
    // Who the link is for is shown only while it works: an old link tells its holder nothing more.
    const valid = state === InvitationStateEnum.valid;
    return {
      state,
      organizationName: row.organization_name,
      organization: row.organization,
      employeeName: valid ? row.employee_name : null,
      email: valid ? row.email : null,
      expiresAt: row.expires_at,
    };
  }

  async accept(input: unknown): Promise<AcceptedInvitationType> {
    const data = parseInput(acceptInput, input);
    const hash = invitationTokenHash(data.token);
    // A link that cannot work is refused before the password is hashed (the expensive part).
    const seen = await this.system((em) => findInvitation(em, hash, false));
    if (!seen) throw invalidLink();
    this.audit.note({ orgId: seen.org_id, resourceType: 'employee', resourceId: seen.employee_id });
    refuseUnlessValid(seen);
    const passwordHash = await hashPassword(data.password);
    const userId = await this.system(async (em) => {
      const row = await findInvitation(em, hash, true);
      if (!row) throw invalidLink();
      refuseUnlessValid(row);
      return createAccount(em, row, passwordHash);
    });
    this.audit.note({ details: { accepted: true, userId } });
    return { organization: seen.organization, email: seen.email };
  }

  private system<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return inScopedTransaction(this.orm, { role: 'vigil_system', source: 'invitation' }, fn);
  }
}

function stateOf(row: InvitationRow): InvitationStateEnum {
  if (row.used_at) return InvitationStateEnum.used;
  // Re-sent, or the employee was offboarded before accepting: either way this link is dead.
  if (row.revoked_at || row.employee_status !== 'invited') return InvitationStateEnum.revoked;
  if (row.expires_at.getTime() <= Date.now()) return InvitationStateEnum.expired;
  return InvitationStateEnum.valid;
}

function refuseUnlessValid(row: InvitationRow) {
  const state = stateOf(row);
  if (state !== InvitationStateEnum.valid) throw conflict(REFUSALS[state]);
}

async function findInvitation(em: EntityManager, hash: Buffer, lock: boolean): Promise<InvitationRow | undefined> {
  const rows = await em.execute<InvitationRow[]>(
    `SELECT i.id AS invitation_id, i.org_id, i.employee_id, e.status AS employee_status, e.name AS employee_name, e.email,
            o.name AS organization_name, o.slug AS organization, i.expires_at, i.used_at, i.revoked_at
       FROM employee_invitations i
       JOIN employees e ON e.id = i.employee_id AND e.org_id = i.org_id
       JOIN organizations o ON o.id = i.org_id
      WHERE i.token_hash = ?${lock ? ' FOR UPDATE OF i, e' : ''}`,
    [hash],
  );
  const row = rows[0];
  return row && { ...row, expires_at: new Date(row.expires_at) };
}

async function createAccount(em: EntityManager, row: InvitationRow, passwordHash: string): Promise<string> {
  let created: { id: string }[];
  try {
    created = await em.execute<{ id: string }[]>(
      `INSERT INTO users (org_id, email, name, password_hash, role_id)
       SELECT ?, ?, ?, ?, r.id FROM roles r WHERE r.org_id = ? AND r.built_in AND r.name = 'Employee'
       RETURNING id`,
      [row.org_id, row.email, row.employee_name, passwordHash, row.org_id],
    );
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION)
      throw conflict('An account with this email already exists in the organization. Ask your administrator to link it.');
    throw err;
  }
  const userId = created[0]?.id;
  if (!userId) throw new Error(`organization ${row.org_id} has no Employee role`);
  await em.execute('UPDATE employee_invitations SET used_at = now() WHERE id = ?', [row.invitation_id]);
  await em.execute(
    `UPDATE employees SET user_id = ?, status = 'active', status_changed_at = now(), updated_at = now()
      WHERE id = ? AND status = 'invited'`,
    [userId, row.employee_id],
  );
  return userId;
}
