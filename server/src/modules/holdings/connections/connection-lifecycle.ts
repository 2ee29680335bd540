import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { conflict, forbidden, notFound } from '@/lib/errors/app-error';
import { ownEmployeeRead } from '../employees/employee.queries';
import type { EmployeeRow } from '../employees/employee.types';
import type { ConnectionOnboarding, OnboardedConnection } from './connection-onboarding';
import { ExchangeConnection } from './exchange-connection.entity';

// One statement: only a connection not yet removed is removed, so of any number of concurrent
// removals (or a removal and a rotation) exactly one changes the row. The key is erased in the
// same statement; the row and what was polled with it stay as history. A user session may run
// it (migration 0025's trigger lets vigil_user erase a key, never write one).
const RETIRE = `UPDATE exchange_connections
    SET status = 'removed', api_key_enc = NULL, secret_enc = NULL, passphrase_enc = NULL,
        removed_at = now(), replaced_by = ?, next_poll_at = NULL, updated_at = now()
  WHERE id = ? AND status <> 'removed'
  RETURNING id`;

const ALREADY_REMOVED = 'This connection is already removed';

export type RotatedConnection = OnboardedConnection & { replaced: ExchangeConnection };

/**
 * Removing and rotating exchange keys. An employee removes or rotates its own connections; a
 * reviewer (connections:write with employees:read: Compliance) may remove any in its org, never
 * rotate one (only the employee holds the fresh key). A connection the actor may not touch is
 * "not found", whatever RLS would show. A removed connection is never polled again (the
 * scheduler claims active and scope_unverified rows only) and its key is erased at once.
 */
export class ConnectionLifecycle {
  constructor(
    private readonly deps: { db: RequestDb; access: ObjectAccess; onboarding: ConnectionOnboarding },
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async remove(actor: Actor, connectionId: string): Promise<ExchangeConnection> {
    await this.deps.access.require(actor, 'connections:write');
    const id = parseInput(uuid, connectionId);
    this.audit.note({ resourceType: 'connection', resourceId: id });
    const reviewer = actor.permissions.has('employees:read');
    const owner = reviewer ? null : await this.ownEmployee();
    const em = await this.deps.db.em();
    const connection = await this.find(em, id, owner?.id ?? null, reviewer);
    this.audit.note({
      details: { employeeId: connection.employeeId, venue: connection.venue, by: reviewer ? 'reviewer' : 'employee' },
    });
    if (connection.status === 'removed') throw conflict(ALREADY_REMOVED);
    if (!(await retire(em, id, null))) throw conflict(ALREADY_REMOVED);
    return em.findOneOrFail(ExchangeConnection, { id }, { refresh: true });
  }

  /**
   * A fresh key for the same venue replaces the connection: the fresh key is proved read-only
   * and read like any new key (nothing is stored when it is refused), then stored and the old
   * one retired in one transaction.
   */
  async rotate(actor: Actor, connectionId: string, input: unknown, transport: { secure: boolean }): Promise<RotatedConnection> {
    await this.deps.access.require(actor, 'connections:write');
    if (actor.kind !== 'user') throw forbidden('Only an employee rotates its own exchange keys');
    const owner = await this.ownEmployee();
    if (!owner) throw forbidden('Only an employee rotates its own exchange keys');
    const id = parseInput(uuid, connectionId);
    this.audit.note({ resourceType: 'connection', resourceId: id });
    const em = await this.deps.db.em();
    const old = await this.find(em, id, owner.id, false);
    if (old.status === 'removed') throw conflict(ALREADY_REMOVED);
    // What the employee left out is kept from the old connection; the venue always is.
    const given = Object.entries(typeof input === 'object' && input !== null ? input : {}).filter(([, v]) => v != null);
    const fields = Object.fromEntries(given) as Record<string, unknown>;
    const onboarded = await this.deps.onboarding.onboard(
      actor,
      { label: old.label, sandbox: old.sandbox, ...fields, venue: old.venue },
      transport,
      {
        retire: async (tx, freshId) => {
          if (!(await retire(tx, id, freshId))) throw conflict(`${ALREADY_REMOVED}; the new key was not stored`);
        },
      },
    );
    // The entry names the retired connection; the fresh one is in its details.
    this.audit.note({ resourceId: id, details: { replacedBy: onboarded.connection.id } });
    const replaced = await em.findOneOrFail(ExchangeConnection, { id }, { refresh: true });
    return { ...onboarded, replaced };
  }

  private async find(em: EntityManager, id: string, ownerId: string | null, reviewer: boolean): Promise<ExchangeConnection> {
    if (!reviewer && !ownerId) throw notFound('Connection');
    const connection = await em.findOne(ExchangeConnection, reviewer ? { id } : { id, employeeId: ownerId! });
    if (!connection) throw notFound('Connection');
    return connection;
  }

  private async ownEmployee(): Promise<EmployeeRow | null> {
    const [row] = await this.deps.db.readRows<EmployeeRow>(ownEmployeeRead());
    return row ?? null;
  }
}

async function retire(em: EntityManager, id: string, replacedBy: string | null): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(RETIRE, [replacedBy, id]);
  return rows.length === 1;
}
