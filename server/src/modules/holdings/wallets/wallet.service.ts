import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import type { ChainConfig } from '@/config/chains';
import { parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { badInput, conflict, forbidden, notFound } from '@/lib/errors/app-error';
import { parseWalletAddress } from '../chains';
import { ownEmployeeRead } from '../employees/employee.queries';
import type { EmployeeRow } from '../employees/employee.types';
import { Wallet } from './wallet.entity';

// A label is for people: printable, short. Control characters (NUL and the like) are refused.
const addInput = z.object({
  chainId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  address: z.string().max(200),
  label: z
    .string()
    .trim()
    .max(80)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
    .nullish(),
});

// The partial unique index of 0018: one active row per (org, chain, address). A concurrent add of
// the same address waits for the first and then inserts nothing.
const INSERT_WALLET = `INSERT INTO wallets (org_id, employee_id, chain_id, address, label)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (org_id, chain_id, address) WHERE status = 'active' DO NOTHING
  RETURNING id`;

/**
 * Wallets: an employee adds and removes its own (connections:write, bound to an employee row; RLS
 * lets a user session insert only for app_employee_id()); Compliance and Admin read anyone's, an
 * Employee its own. A removed wallet is no longer polled; its transfers and snapshots are kept.
 */
export class WalletService {
  constructor(
    private readonly deps: { db: RequestDb; access: ObjectAccess; chains: readonly ChainConfig[] },
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  chains(): readonly ChainConfig[] {
    return this.deps.chains;
  }

  async add(actor: Actor, input: unknown): Promise<Wallet> {
    await this.deps.access.require(actor, 'connections:write');
    if (actor.kind !== 'user') throw forbidden('Only an employee adds its own wallets');
    // Who first: a reviewer holding connections:write is refused whatever it sent.
    const employee = await this.ownEmployee('adds');
    const data = parseInput(addInput, input);
    const chain = this.deps.chains.find((c) => c.chainId === data.chainId);
    if (!chain) {
      const known = this.deps.chains.map((c) => `${c.name} (${c.chainId})`).join(', ') || 'none';
      throw badInput(`chainId: ${data.chainId} is not a configured chain; configured: ${known}`, { field: 'chainId' });
    }
    const address = parseWalletAddress(data.address);
    this.audit.note({ resourceType: 'connection', details: { chainId: chain.chainId, address } });
    const em = await this.deps.db.em();
    const [row] = await em.execute<{ id: string }[]>(INSERT_WALLET, [
      actor.orgId,
      employee.id,
      chain.chainId,
      address,
      data.label ?? '',
    ]);
    if (!row) throw conflict(`This address is already watched on ${chain.name} in your organization`);
    this.audit.note({ resourceId: row.id });
    return em.findOneOrFail(Wallet, { id: row.id });
  }

  async remove(actor: Actor, walletId: string): Promise<Wallet> {
    await this.deps.access.require(actor, 'connections:write');
    if (actor.kind !== 'user') throw forbidden('Only an employee removes its own wallets');
    const id = parseInput(uuid, walletId);
    this.audit.note({ resourceType: 'connection', resourceId: id });
    const employee = await this.ownEmployee('removes');
    const em = await this.deps.db.em();
    // Another employee's wallet is "not found" to this one, whatever RLS would show.
    const wallet = await em.findOne(Wallet, { id, employeeId: employee.id });
    if (!wallet) throw notFound('Wallet');
    if (wallet.status === 'active') {
      wallet.status = 'removed';
      await em.flush();
    }
    this.audit.note({ details: { chainId: Number(wallet.chainId), address: wallet.address } });
    return wallet;
  }

  async list(actor: Actor, employeeId: string | null | undefined): Promise<Wallet[]> {
    await this.deps.access.require(actor, 'connections:read');
    const id = employeeId == null ? await this.ownEmployeeId() : parseInput(uuid, employeeId);
    this.audit.note({ resourceType: 'connection', details: { employeeId: id ?? undefined } });
    // An Employee names only itself; anyone else's wallets are "not found" to it (an empty list).
    if (employeeId != null && !actor.permissions.has('employees:read') && id !== (await this.ownEmployeeId())) return [];
    if (!id) return [];
    const em = await this.deps.db.em();
    return em.find(Wallet, { employeeId: id, status: 'active' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  private async ownEmployeeId(): Promise<string | null> {
    const [row] = await this.deps.db.readRows<EmployeeRow>(ownEmployeeRead(), this.audit.alongside);
    return row?.id ?? null;
  }

  private async ownEmployee(verb: 'adds' | 'removes'): Promise<EmployeeRow> {
    const [row] = await this.deps.db.readRows<EmployeeRow>(ownEmployeeRead());
    if (!row) throw forbidden(`Only an employee ${verb} its own wallets`);
    if (row.status !== 'active' && row.status !== 'needs_reonboarding')
      throw conflict(`An employee whose status is ${row.status.replace('_', ' ')} cannot change wallets`);
    return row;
  }
}
