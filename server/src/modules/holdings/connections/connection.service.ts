import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { ownEmployeeRead } from '../employees/employee.queries';
import type { EmployeeRow } from '../employees/employee.types';
import { ExchangeConnection } from './exchange-connection.entity';
import { toConnectionType, type ExchangeConnectionType } from './connection.types';

/**
 * Reading connections: Compliance and Admin read any employee's (connections:read with
 * employees:read); an Employee reads its own only (RLS shows it nothing else).
 */
export class ConnectionService {
  constructor(
    private readonly deps: { db: RequestDb; access: ObjectAccess },
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async list(actor: Actor, employeeId: string | null | undefined): Promise<ExchangeConnectionType[]> {
    await this.deps.access.require(actor, 'connections:read');
    const id = employeeId == null ? await this.ownEmployeeId() : parseInput(uuid, employeeId);
    this.audit.note({ resourceType: 'connection', details: { employeeId: id ?? undefined } });
    if (employeeId != null && !actor.permissions.has('employees:read')) {
      // An Employee names only itself; anyone else's connections are "not found" to it.
      if (id !== (await this.ownEmployeeId())) return [];
    }
    if (!id) return [];
    const em = await this.deps.db.em();
    const rows = await em.find(
      ExchangeConnection,
      { employeeId: id, status: { $ne: 'removed' } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return rows.map(toConnectionType);
  }

  private async ownEmployeeId(): Promise<string | null> {
    const [row] = await this.deps.db.readRows<EmployeeRow>(ownEmployeeRead(), this.audit.alongside);
    return row?.id ?? null;
  }
}
