import { z } from 'zod';
import type { Actor } from '@/core/actor';
import type { ObjectAccess } from '@/core/access/require-access';
import { decodeCursor, encodeCursor } from '@/core/graphql/cursor';
import { pageSize, parseInput, uuid } from '@/core/graphql/validate';
import { discardAudit, type FieldAudit } from '@/core/request/audit-note';
import type { RequestDb } from '@/lib/db/request-db';
import { notFound } from '@/lib/errors/app-error';
import {
  visibleWalletSql,
  walletBalancesSql,
  walletHealthSql,
  walletPollRunsSql,
  walletTransfersPageSql,
  type TransferCursor,
} from './wallet.queries';
import type { WalletBalanceType, WalletHealthType, WalletPollRunType, WalletTransferType } from './wallet.types';
import type { WalletStatus } from './wallet.entity';
import { readableEmployee } from '../activity/readable-employee';
import type { ChainConfig, TokenConfig } from '@/config/chains';
import { feedHealthOf, pollRunOf } from '../polling/feed-rows';

type Row = Record<string, unknown>;

const transfersInput = z.object({ employeeId: uuid, first: pageSize, after: z.string().max(1000).nullish() });
const blockNumber = z.string().regex(/^\d{1,20}$/, 'is not a cursor of this list');

/**
 * What wallet polls stored, for the employee page and the feed-health page. Every read goes
 * through the shield's permission, the access check on the employee it names (one the reader may
 * not see is "not found"), and RLS.
 */
export class WalletReadsService {
  constructor(
    /** referenceCurrency: REFERENCE_CURRENCY, what balance values are in; chains: CHAINS, for token symbols. */
    private readonly deps: { db: RequestDb; access: ObjectAccess; referenceCurrency: string; chains: readonly ChainConfig[] },
    private readonly audit: FieldAudit = discardAudit,
  ) {}

  async balances(actor: Actor, employeeId: string): Promise<WalletBalanceType[]> {
    const id = await readableEmployee(this.deps.access, this.audit, actor, employeeId, 'balances:read', 'balance');
    const rows = await this.deps.db.readRows<Row>(walletBalancesSql(id, this.deps.referenceCurrency), this.audit.alongside);
    return rows.map((r) => ({
      walletId: r.wallet_id as string,
      chainId: Number(r.chain_id),
      address: r.address as string,
      asset: r.asset as string,
      symbol: r.symbol as string,
      decimals: Number(r.decimals),
      amount: r.amount as string,
      blockNumber: r.block_number as string,
      at: r.at as string,
      value: (r.value as string | null) ?? null,
      priced: r.priced === true,
      priceAt: (r.price_at as string | null) ?? null,
    }));
  }

  async transfers(actor: Actor, input: unknown) {
    const f = parseInput(transfersInput, input);
    // Input first (a bad cursor is BAD_USER_INPUT whoever asks), then access.
    const after = f.after ? parseTransferCursor(f.after) : undefined;
    const id = await readableEmployee(this.deps.access, this.audit, actor, f.employeeId, 'transactions:read', 'transaction');
    const rows = await this.deps.db.readRows<Row>(walletTransfersPageSql(id, f.first + 1, after), this.audit.alongside);
    const tokenOf = configuredTokens(this.deps.chains);
    const nodes = rows.slice(0, f.first).map((r) => toTransfer(r, tokenOf));
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > f.first,
        endCursor: last ? encodeCursor([last.blockNumber, last.logIndex, last.id]) : null,
      },
    };
  }

  /** A wallet's latest polls, newest first; a wallet the reader may not see is "not found". */
  async pollRuns(actor: Actor, walletId: string, first: number): Promise<WalletPollRunType[]> {
    await this.deps.access.require(actor, 'connections:read');
    const id = parseInput(uuid, walletId);
    const limit = parseInput(pageSize, first);
    this.audit.note({ resourceType: 'connection', resourceId: id, details: { wallet: true } });
    const [visible] = await this.deps.db.readRows<Row>(visibleWalletSql(id));
    if (!visible) throw notFound('Wallet');
    const rows = await this.deps.db.readRows<Row>(walletPollRunsSql(id, limit), this.audit.alongside);
    return rows.map(pollRunOf);
  }

  async health(actor: Actor): Promise<WalletHealthType[]> {
    await this.deps.access.require(actor, 'connections:read');
    this.audit.note({ resourceType: 'connection' });
    const rows = await this.deps.db.readRows<Row>(walletHealthSql(), this.audit.alongside);
    return rows.map((r) => ({
      ...feedHealthOf(r),
      walletId: r.id as string,
      chainId: Number(r.chain_id),
      address: r.address as string,
      status: r.status as WalletStatus,
      lastPollAt: (r.last_poll_at as string | null) ?? null,
    }));
  }
}

/** A cursor this list handed out, or BAD_USER_INPUT: each part is checked before it reaches SQL. */
function parseTransferCursor(cursor: string): TransferCursor {
  const [block, logIndex, id] = decodeCursor(cursor, ['string', 'number', 'string']) as [string, number, string];
  return [
    parseInput(blockNumber, block),
    parseInput(
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
      logIndex,
    ),
    parseInput(uuid, id),
  ];
}

/** A lookup of the configured tokens by (chain id, address), addresses compared in lower case. */
function configuredTokens(chains: readonly ChainConfig[]) {
  const byKey = new Map(chains.flatMap((c) => c.tokens.map((t) => [`${c.chainId}:${t.address.toLowerCase()}`, t] as const)));
  return (chainId: number, address: string): TokenConfig | undefined => byKey.get(`${chainId}:${address.toLowerCase()}`);
}

const toTransfer = (r: Row, tokenOf: ReturnType<typeof configuredTokens>): WalletTransferType => ({
  id: r.id as string,
  walletId: r.wallet_id as string,
  chainId: Number(r.chain_id),
  walletAddress: r.wallet_address as string,
  txHash: r.tx_hash as string,
  logIndex: Number(r.log_index),
  blockNumber: r.block_number as string,
  blockTime: r.block_time as string,
  tokenAddress: r.token_address as string,
  fromAddress: r.from_address as string,
  toAddress: r.to_address as string,
  direction: r.direction as string,
  amount: r.amount as string,
  symbol: tokenOf(Number(r.chain_id), r.token_address as string)?.symbol ?? null,
  decimals: tokenOf(Number(r.chain_id), r.token_address as string)?.decimals ?? null,
});
