import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { parseInput, pageSize, uuid } from '@/core/graphql/validate';
import type { RequestDb } from '@/lib/db/request-db';
import { badInput } from '@/lib/errors/app-error';
import { textProblem } from '@/lib/text/input-text';
import { ALERT_SEVERITIES, ALERT_STATUSES, NOTE_MAX_LENGTH, TRANSITIONS_INTO, type AlertStatus } from './alert-model';
import { alertAlreadyMoved, alertErrorOfDatabase, alertNotFound } from './alert.errors';
import {
  alertByIdSql,
  alertStatusSql,
  listAlertsRead,
  transitionSql,
  type AlertRow,
  type TransitionActor,
} from './alert.queries';
import { toAlertRuleType, toAlertType, type AlertConnection, type AlertRuleType, type AlertType } from './alert.types';
import { ALERT_RULES, isAlertKind } from './rules';

// Notes are people's words: trimmed, never empty when given, no NUL or lone surrogate (the edge
// refuses those too; this is the field's own limit).
const note = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(NOTE_MAX_LENGTH)
  .refine((s) => textProblem(s, NOTE_MAX_LENGTH) === undefined, 'must be plain text');

const filter = z
  .object({
    status: z.array(z.enum(ALERT_STATUSES)).max(ALERT_STATUSES.length).nullish(),
    severity: z.array(z.enum(ALERT_SEVERITIES)).max(ALERT_SEVERITIES.length).nullish(),
    kind: z.array(z.string().max(64).refine(isAlertKind, 'unknown alert kind')).max(ALERT_RULES.length).nullish(),
  })
  .nullish();

const listInput = z.object({ filter, first: pageSize, after: z.string().max(1000).nullish() });
const acknowledgeInput = z.object({ id: uuid, note: note.nullish() });
const resolveInput = z.object({ id: uuid, note });

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export type AlertServiceDeps = { db: RequestDb; access: ObjectAccess };

/**
 * The queue: reading alerts (alerts:read) and moving them forward (alerts:write). Access is
 * checked here, by the shield before it and by RLS under it; an alert the actor may not see is
 * "not found". Raising alerts is not here: other modules use `openAlert` (open-alert.ts).
 */
export class AlertService {
  private readonly db: RequestDb;
  private readonly access: ObjectAccess;

  constructor(
    deps: AlertServiceDeps,
    private readonly audit: FieldAudit = discardAudit,
  ) {
    ({ db: this.db, access: this.access } = deps);
  }

  async list(actor: Actor, input: { filter?: unknown; first: number; after?: string | null }): Promise<AlertConnection> {
    await this.access.require(actor, 'alerts:read');
    const data = parseInput(listInput, input);
    const cursor = data.after ? (decodeCursor(data.after, ['string', 'string']) as [string, string]) : undefined;
    if (cursor && !(ISO_MS.test(cursor[0]) && !Number.isNaN(Date.parse(cursor[0])) && uuid.safeParse(cursor[1]).success)) {
      throw badInput('Invalid cursor', { field: 'after' });
    }
    const f = { status: data.filter?.status ?? [], severity: data.filter?.severity ?? [], kind: data.filter?.kind ?? [] };
    this.audit.note({ resourceType: 'alert', details: { first: data.first, filter: f } });
    const rows = await this.db.readRows<AlertRow>(
      listAlertsRead({ limit: data.first + 1, after: cursor, filter: f }),
      this.audit.alongside,
    );
    const page = rows.slice(0, data.first);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toAlertType),
      pageInfo: { hasNextPage: rows.length > data.first, endCursor: last ? encodeCursor([last.opened_at, last.id]) : null },
    };
  }

  async get(actor: Actor, id: string): Promise<AlertType> {
    await this.access.require(actor, 'alerts:read');
    const alertId = parseInput(uuid, id);
    this.audit.note({ resourceType: 'alert', resourceId: alertId });
    await this.access.require(actor, 'alerts:read', [alertId]);
    return this.read(alertId);
  }

  /** The kinds of alert Vigil raises, from the rule registry. */
  async rules(actor: Actor): Promise<AlertRuleType[]> {
    await this.access.require(actor, 'alerts:read');
    this.audit.note({ resourceType: 'alert' });
    return ALERT_RULES.map(toAlertRuleType);
  }

  async acknowledge(actor: Actor, input: { id: string; note?: string | null }): Promise<AlertType> {
    await this.access.require(actor, 'alerts:write');
    const data = parseInput(acknowledgeInput, input);
    return this.move(actor, data.id, 'acknowledged', data.note ?? null);
  }

  async resolve(actor: Actor, input: { id: string; note: string }): Promise<AlertType> {
    await this.access.require(actor, 'alerts:write');
    const data = parseInput(resolveInput, input);
    return this.move(actor, data.id, 'resolved', data.note);
  }

  /**
   * One guarded statement moves the alert and writes its event, or matches nothing: of any
   * number of concurrent identical transitions exactly one moves it, and the others learn the
   * status it moved to (CONFLICT).
   */
  private async move(actor: Actor, id: string, to: 'acknowledged' | 'resolved', text: string | null): Promise<AlertType> {
    this.audit.note({ resourceType: 'alert', resourceId: id, details: text === null ? { to } : { to, note: text } });
    await this.access.require(actor, 'alerts:write', [id]);
    const em = await this.db.em();
    const statement = transitionSql(to, TRANSITIONS_INTO[to]);
    let moved: unknown[];
    try {
      moved = await em.execute(statement.sql, statement.bind(id, transitionActorOf(actor), text));
    } catch (err) {
      throw alertErrorOfDatabase(err) ?? err;
    }
    if (moved.length === 0) throw await this.whyNotMoved(em, id, to);
    return this.read(id);
  }

  private async whyNotMoved(em: EntityManager, id: string, to: 'acknowledged' | 'resolved') {
    const [row] = await em.execute<{ status: AlertStatus }[]>(alertStatusSql, [id]);
    return row ? alertAlreadyMoved(row.status, to === 'acknowledged' ? 'acknowledge' : 'resolve') : alertNotFound();
  }

  private async read(id: string): Promise<AlertType> {
    const [row] = await this.db.readRows<AlertRow>(alertByIdSql(id), this.audit.alongside);
    if (!row) throw alertNotFound();
    return toAlertType(row);
  }
}

/** How a transition's event names its actor. */
function transitionActorOf(actor: Actor): TransitionActor {
  switch (actor.kind) {
    case 'user':
      return { type: 'user', id: actor.userId, fallbackLabel: actor.roleName };
    case 'api_key':
      return { type: 'api_key', id: actor.keyId, fallbackLabel: actor.name };
    case 'system':
      return { type: 'system', id: null, fallbackLabel: actor.source };
  }
}
