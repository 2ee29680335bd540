import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { parseInput, uuid } from '@/core/graphql/validate';
import type { FieldAudit } from '@/core/request/audit-note';

/**
 * The employee a holdings read names, once the reader holds the read's permission and may see
 * that employee (else FORBIDDEN, or "not found" for an employee it may not see). Notes the
 * read's audit entry on the way.
 */
export async function readableEmployee(
  access: ObjectAccess,
  audit: FieldAudit,
  actor: Actor,
  employeeId: string,
  permission: 'balances:read' | 'transactions:read',
  resourceType: 'balance' | 'transaction',
): Promise<string> {
  await access.require(actor, permission);
  const id = parseInput(uuid, employeeId);
  audit.note({ resourceType, details: { employeeId: id } });
  await access.require(actor, 'employees:read', [id]);
  return id;
}
