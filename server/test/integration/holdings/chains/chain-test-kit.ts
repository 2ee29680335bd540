import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Contract, ContractFactory, JsonRpcProvider, Wallet, type JsonRpcSigner } from 'ethers';
import pg from 'pg';
import { createOrm } from '@/lib/db/orm';
import { EthersChainReader } from '@/modules/holdings/chains/adapters/ethers-chain-reader';
import { chainSchema, type ChainConfig } from '@/config/chains';
import { ormIngestDb, pgIngestDb, type IngestDb } from '@/modules/holdings/chains/ingest-db';
import { WalletIngestService, type WalletIngestOptions } from '@/modules/holdings/chains/wallet-ingest.service';
import type { WalletTarget } from '@/modules/holdings/chains/wallet-target';
import { startHardhatNode, type HardhatNode } from '../../../doubles/hardhat/hardhat-node';
import { startJsonRpcProxy, type JsonRpcProxy } from '../../../doubles/hardhat/json-rpc-proxy';
import { MINIMAL_ERC20_ABI, MINIMAL_ERC20_BYTECODE } from '../../../doubles/hardhat/minimal-erc20';
import { createTestDatabase, type TestDatabase } from '../../../helpers/test-database';

// Everything a chain-ingest test file needs, all real: a hardhat node (with the proxy a hosted
// RPC provider would be), a freshly migrated PostgreSQL database reached as the worker reaches it
// (vigil_app, acting as vigil_system), and a deployed ERC-20 whose whole supply the node's first
// account holds.

export type ChainKit = {
  node: HardhatNode;
  proxy: JsonRpcProxy;
  db: TestDatabase;
  orm: MikroORM;
  ingestDb: IngestDb;
  /** The same database through a plain pg pool (the other IngestDb adapter). */
  pgDb: IngestDb;
  /** Superuser connection for looking at what was written (bypasses RLS). */
  admin: pg.Client;
  /** Talks to the node directly, so the proxy records only what the ingest sends. */
  provider: JsonRpcProvider;
  token: Contract;
  tokenAddress: string;
  treasury: JsonRpcSigner;
  chain(overrides?: Partial<ChainConfig>): ChainConfig;
  service(chain: ChainConfig, options?: WalletIngestOptions, db?: IngestDb): WalletIngestService;
  /** A funded, unlocked account of the node (1..19) as a watched wallet of a new org. */
  walletOf(account: number): Promise<{ target: WalletTarget; signer: JsonRpcSigner }>;
  /** Sends `amount` token units from `from` to `to`; the block it landed in. */
  sendToken(from: JsonRpcSigner, to: string, amount: bigint): Promise<number>;
  /** Mines empty blocks. */
  mine(blocks: number): Promise<void>;
  head(): Promise<number>;
  close(): Promise<void>;
};

export const TOKEN_SUPPLY = 1_000_000_000_000n;

export async function startChainKit(): Promise<ChainKit> {
  const [node, db] = await Promise.all([startHardhatNode(), createTestDatabase()]);
  const proxy = await startJsonRpcProxy(node.url);
  const orm = await createOrm({ url: db.appUrl, poolMax: 6 });
  const pool = new pg.Pool({ connectionString: db.appUrl, max: 4 });
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const provider = new JsonRpcProvider(node.url, 31337, { staticNetwork: true, cacheTimeout: -1 });
  const treasury = await provider.getSigner(0);
  const deployed = await new ContractFactory(MINIMAL_ERC20_ABI, MINIMAL_ERC20_BYTECODE, treasury).deploy(TOKEN_SUPPLY);
  await deployed.waitForDeployment();
  const tokenAddress = await deployed.getAddress();
  const token = new Contract(tokenAddress, MINIMAL_ERC20_ABI, provider);
  const readers: EthersChainReader[] = [];

  const kit: ChainKit = {
    node,
    proxy,
    db,
    orm,
    ingestDb: ormIngestDb(orm),
    pgDb: pgIngestDb(pool),
    admin,
    provider,
    token,
    tokenAddress,
    treasury,
    chain: (overrides = {}) =>
      chainSchema.parse({
        name: 'hardhat',
        chainId: 31337,
        rpcUrls: [proxy.url],
        confirmations: 0,
        tokens: [{ symbol: 'MIN', address: tokenAddress, decimals: 6 }],
        ...overrides,
      }),
    service(chain, options, ingestDb = kit.ingestDb) {
      const reader = new EthersChainReader({ chainId: chain.chainId, rpcUrls: chain.rpcUrls });
      readers.push(reader);
      return new WalletIngestService(ingestDb, reader, chain, options);
    },
    async walletOf(account) {
      const signer = await provider.getSigner(account);
      const address = await signer.getAddress();
      return { target: { ...(await insertWatchedWallet(admin, { address })), address }, signer };
    },
    async sendToken(from, to, amount) {
      const tx = (await (token.connect(from) as Contract).getFunction('transfer')(to, amount)) as {
        wait(): Promise<{ blockNumber: number } | null>;
      };
      return (await tx.wait())!.blockNumber;
    },
    // One evm_mine per block: hardhat_mine's reserved blocks do not name their real parent hash.
    async mine(blocks) {
      for (let i = 0; i < blocks; i++) await node.rpc('evm_mine');
    },
    head: async () => Number(await node.rpc<string>('eth_blockNumber')),
    async close() {
      for (const r of readers) r.close();
      provider.destroy();
      await admin.end().catch(() => undefined);
      await orm.close(true).catch(() => undefined);
      await pool.end().catch(() => undefined);
      await proxy.stop();
      await node.stop();
      await db.drop();
    },
  };
  return kit;
}

/**
 * A watched wallet as the product has it (migration 0021 makes every ingest row name one): an
 * organization, an active employee of it and an active `wallets` row, inserted as the superuser.
 * `orgId` adds the wallet to an existing organization instead of a new one.
 */
export async function insertWatchedWallet(
  admin: pg.Client,
  wallet: { address: string; chainId?: number; orgId?: string },
): Promise<{ orgId: string; walletId: string }> {
  const tag = randomBytes(4).toString('hex');
  const orgId =
    wallet.orgId ??
    (
      await admin.query<{ id: string }>(`INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id`, [
        `Chain org ${tag}`,
        `chain-org-${tag}`,
      ])
    ).rows[0]!.id;
  const employee = await admin.query<{ id: string }>(
    `INSERT INTO employees (org_id, name, email, status) VALUES ($1, 'Watched Employee', $2, 'active') RETURNING id`,
    [orgId, `watched-${tag}@example.test`],
  );
  const row = await admin.query<{ id: string }>(
    `INSERT INTO wallets (org_id, employee_id, chain_id, address) VALUES ($1, $2, $3, $4) RETURNING id`,
    [orgId, employee.rows[0]!.id, wallet.chainId ?? 31337, wallet.address],
  );
  return { orgId, walletId: row.rows[0]!.id };
}

/** A fresh random address nobody holds a key of: a receiver that only ever receives. */
export const freshAddress = () => Wallet.createRandom().address;

export type TransferRow = {
  tx_hash: string;
  log_index: number;
  block_number: string;
  direction: string;
  amount: string;
  from_address: string;
  to_address: string;
};

export async function transfersOf(kit: ChainKit, walletId: string): Promise<TransferRow[]> {
  const { rows } = await kit.admin.query<TransferRow>(
    `SELECT tx_hash, log_index, block_number::text, direction, amount::text, from_address, to_address
     FROM wallet_transfers t WHERE t.wallet_id = $1 ORDER BY t.block_number, t.log_index`,
    [walletId],
  );
  return rows;
}

export async function cursorOf(kit: ChainKit, walletId: string): Promise<number | null> {
  const { rows } = await kit.admin.query<{ last_block: string }>(
    'SELECT last_block::text FROM wallet_cursors WHERE wallet_id = $1',
    [walletId],
  );
  return rows[0] ? Number(rows[0].last_block) : null;
}

/** Latest balance snapshot per asset of a wallet: asset → raw amount. */
export async function latestBalances(kit: ChainKit, walletId: string): Promise<Record<string, string>> {
  const { rows } = await kit.admin.query<{ asset: string; amount: string }>(
    `SELECT DISTINCT ON (asset) asset, amount::text FROM wallet_balance_snapshots
     WHERE wallet_id = $1 ORDER BY asset, block_number DESC`,
    [walletId],
  );
  return Object.fromEntries(rows.map((r) => [r.asset, r.amount]));
}

/** Row counts of every table the ingest writes, for "nothing changed" checks. */
export async function tableCounts(kit: ChainKit): Promise<Record<string, number>> {
  const { rows } = await kit.admin.query<Record<string, number>>(`SELECT
    (SELECT count(*) FROM wallet_transfers)::int AS transfers,
    (SELECT count(*) FROM wallet_balance_snapshots)::int AS snapshots,
    (SELECT count(*) FROM wallet_cursors)::int AS cursors,
    (SELECT count(*) FROM chain_block_hashes)::int AS hashes`);
  return rows[0]!;
}
