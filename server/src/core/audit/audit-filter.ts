import { AUDIT_OUTCOMES, type AuditOutcome } from './audit-outcomes';

/** `from` is inclusive, `to` exclusive. Without orgId the scope's org (app_org_id()) is used. */
export type AuditFilter = {
  orgId?: string | null;
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  resourceType?: string | null;
  action?: string | null;
  outcome?: AuditOutcome | null;
  /** Leaves out reads (`query.*`): writes, exports, refusals and system events remain. */
  writesOnly?: boolean | null;
  /** Only Admin writes: the entries that carry a written justification. */
  adminWritesOnly?: boolean | null;
};

/** `mutation.*`: every action with that prefix. A `*` anywhere but at the end is refused. */
export const ACTION_FILTER = /^[A-Za-z0-9_.:-]{1,100}\*?$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The WHERE conditions for a filter. `bind` turns a value into SQL: a placeholder for a
 * parameterized query, or an escaped literal for COPY (which takes no parameters). Values are
 * validated first, so a literal can only ever be a uuid, an ISO timestamp or an escaped string.
 */
export function auditFilterSql(filter: AuditFilter, bind: (value: string) => string): string[] {
  const where: string[] = [];
  if (filter.orgId) {
    if (!UUID.test(filter.orgId)) throw new Error('audit filter: orgId must be a UUID');
    where.push(`org_id = ${bind(filter.orgId)}::uuid`);
  } else {
    where.push('org_id = app_org_id()');
  }
  const time = (d: Date) => {
    if (Number.isNaN(d.getTime())) throw new Error('audit filter: invalid date');
    return bind(d.toISOString());
  };
  if (filter.from) where.push(`at >= ${time(filter.from)}::timestamptz`);
  if (filter.to) where.push(`at < ${time(filter.to)}::timestamptz`);
  if (filter.actorId) where.push(`actor_id = ${bind(filter.actorId)}`);
  if (filter.resourceType) where.push(`resource_type = ${bind(filter.resourceType)}`);
  if (filter.action) {
    if (!ACTION_FILTER.test(filter.action)) throw new Error('audit filter: bad action');
    where.push(
      filter.action.endsWith('*')
        ? `starts_with(action, ${bind(filter.action.slice(0, -1))})`
        : `action = ${bind(filter.action)}`,
    );
  }
  if (filter.writesOnly) where.push(`NOT starts_with(action, 'query.')`);
  if (filter.adminWritesOnly) where.push(`details->>'justification' IS NOT NULL`);
  if (filter.outcome) {
    if (!AUDIT_OUTCOMES.includes(filter.outcome)) throw new Error('audit filter: bad outcome');
    where.push(`outcome = ${bind(filter.outcome)}`);
  }
  return where;
}
