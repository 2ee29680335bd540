import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';
import type { PreparedStatement } from '@/lib/db/prepared-statement';
import type { AlertSeverity, AlertStatus } from './alert-model';

// The only SQL strings of the alerts module. Reads run under the caller's RLS scope (alerts:read
// in the caller's org); every interpolated value is quoted or validated before it gets here.

/** A row as the reads below return it; events and details come as JSON text. */
export type AlertRow = {
  id: string;
  kind: string;
  severity: AlertSeverity;
  status: AlertStatus;
  subject_type: string;
  subject_id: string;
  subject_label: string;
  employee_id: string | null;
  title: string;
  description: string;
  details: string;
  opened_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
  events: string;
};

const ALERT_COLUMNS = `a.id, a.kind, a.severity, a.status, a.subject_type, a.subject_id, a.subject_label, a.employee_id,
  a.title, a.description, a.details::text AS details, ${isoTimestampSql('a.opened_at')} AS opened_at,
  ${isoTimestampSql('a.acknowledged_at')} AS acknowledged_at, ${isoTimestampSql('a.resolved_at')} AS resolved_at,
  a.resolution_note,
  (SELECT coalesce(json_agg(json_build_object('status', e.status, 'actorType', e.actor_type, 'actorLabel', e.actor_label,
     'note', e.note, 'at', ${isoTimestampSql('e.at')}) ORDER BY e.id), '[]')::text
   FROM alert_events e WHERE e.alert_id = a.id) AS events`;

export type AlertListFilter = {
  status?: readonly AlertStatus[];
  severity?: readonly AlertSeverity[];
  kind?: readonly string[];
};

// Values of these lists are validated words ([a-z0-9_]), so an array literal needs no quoting.
const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

/** One page of the org's alerts, newest first, by (opened_at, id); a prepared statement per filter combination. */
export function listAlertsRead(opts: { limit: number; after?: [string, string]; filter: AlertListFilter }): PreparedStatement {
  const where = ['a.org_id = app_org_id()'];
  const types = ['int'];
  const params: (string | number)[] = [Math.trunc(opts.limit)];
  const param = (type: string, value: string | number) => {
    types.push(type);
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const name = ['vigil_alerts_page'];
  if (opts.after) {
    where.push(`(a.opened_at, a.id) < (${param('timestamptz', opts.after[0])}, ${param('uuid', opts.after[1])})`);
    name.push('after');
  }
  for (const column of ['status', 'severity', 'kind'] as const) {
    const values = opts.filter[column];
    if (!values?.length) continue;
    where.push(`a.${column} = ANY(${param('text[]', arrayLiteral(values))})`);
    name.push(column);
  }
  return {
    name: name.join('_'),
    types,
    sql: `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE ${where.join(' AND ')} ORDER BY a.opened_at DESC, a.id DESC LIMIT $1`,
    params,
  };
}

export const alertByIdSql = (id: string) => `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ${pg.escapeLiteral(id)}::uuid`;

export const visibleAlertIdsSql = (ids: readonly string[]) =>
  `SELECT id FROM alerts WHERE id = ANY(ARRAY[${ids.map((id) => pg.escapeLiteral(id)).join(', ')}]::uuid[])`;

export const alertStatusSql = 'SELECT status FROM alerts WHERE id = ?::uuid';

/** Who makes a transition, as its event row names them. */
export type TransitionActor = { type: 'user' | 'api_key' | 'system'; id: string | null; fallbackLabel: string };

/**
 * A transition as one statement: the UPDATE moves the alert only from a status it may leave (a
 * concurrent transition that committed first makes it match nothing), and the event row is
 * written only when it did. A person is named by their own user row (RLS lets everyone read it).
 */
export function transitionSql(
  to: 'acknowledged' | 'resolved',
  from: readonly AlertStatus[],
): { sql: string; bind: (id: string, actor: TransitionActor, note: string | null) => unknown[] } {
  const marks =
    to === 'acknowledged'
      ? 'acknowledged_at = now(), acknowledged_by = ?::uuid'
      : 'resolved_at = now(), resolved_by = ?::uuid, resolution_note = ?';
  const sql = `WITH moved AS (
      UPDATE alerts SET status = '${to}', ${marks}
       WHERE id = ?::uuid AND status = ANY('${arrayLiteral(from)}'::text[])
      RETURNING org_id, id)
    INSERT INTO alert_events (org_id, alert_id, status, actor_type, actor_id, actor_label, note)
    SELECT org_id, id, '${to}', ?, ?::uuid, coalesce((SELECT u.name FROM users u WHERE u.id = ?::uuid), ?), ?
      FROM moved
    RETURNING alert_id`;
  return {
    sql,
    bind: (id, actor, note) => [
      actor.id,
      ...(to === 'resolved' ? [note] : []),
      id,
      actor.type,
      actor.id,
      actor.type === 'user' ? actor.id : null,
      actor.fallbackLabel,
      note,
    ],
  };
}

export const openAlertSql =
  'SELECT alert_id, created FROM alerts_open(?::uuid, ?, ?, ?, ?::uuid, ?, ?::uuid, ?, ?, ?::jsonb, ?, ?)';
