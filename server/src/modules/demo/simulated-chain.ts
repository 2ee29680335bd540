import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbiCoder, ZeroHash, getAddress, id, keccak256, solidityPacked, toQuantity, zeroPadValue } from 'ethers';
import type { ChainConfig } from '@/config/chains';

// Demo mode's EVM chain: a JSON-RPC server on loopback answering what ethers' JsonRpcProvider
// sends for the chain reader (eth_chainId, eth_blockNumber, eth_getBlockByNumber, eth_getBalance,
// eth_call for an ERC-20, eth_getLogs, batches of them). Every block is a pure function of its
// number and every number a function of the clock, so the chain advances while the demo runs and
// is the same chain after a restart: hashes kept by the ingest stay canonical, no false reorg.

export const DEMO_CHAIN_ID = 990_001;
export const DEMO_CHAIN_NAME = 'demo-chain';
/** A 20-byte address anyone reading it sees is made up: "de30" (demo) then a counter. */
export const DEMO_TOKEN = { symbol: 'DEMOUSD', address: getAddress('0xde30000000000000000000000000000000000001'), decimals: 6 };
/** Where the demo wallets' token transfers come from and go to. */
export const DEMO_COUNTERPARTY = getAddress('0xde300000000000000000000000000000000000ff');

export const DEMO_GENESIS_MS = Date.UTC(2026, 0, 1);
export const DEMO_BLOCK_MS = 5000;
/** Blocks between two transfers of one wallet: in, then out, then in... (two minutes). */
const CYCLE = 24;
/** Blocks of history a wallet added now has behind it (about six transfers each). */
const HISTORY_BLOCKS = CYCLE * 6;
const CONFIRMATIONS = 2;
const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
const abi = AbiCoder.defaultAbiCoder();

export type SimulatedWallet = { address: string; nativeWei: bigint; baseUnits: bigint; residue: number };

type Log = {
  address: string;
  blockHash: string;
  blockNumber: string;
  data: string;
  logIndex: string;
  removed: false;
  topics: string[];
  transactionHash: string;
  transactionIndex: string;
};

/** The chain's state: pure functions of block numbers; `now` moves the head. */
export class ChainModel {
  private readonly wallets: SimulatedWallet[];

  constructor(
    wallets: readonly SimulatedWallet[],
    private readonly now: () => number = Date.now,
  ) {
    this.wallets = wallets.map((w) => ({ ...w, address: getAddress(w.address) }));
  }

  head(): number {
    return Math.floor((this.now() - DEMO_GENESIS_MS) / DEMO_BLOCK_MS);
  }

  blockHash(n: number): string {
    if (n < 0) return ZeroHash;
    return keccak256(solidityPacked(['string', 'uint256', 'uint256'], ['vigil-demo-block', DEMO_CHAIN_ID, n]));
  }

  block(n: number) {
    if (n < 0 || n > this.head()) return null;
    return {
      number: toQuantity(n),
      hash: this.blockHash(n),
      parentHash: this.blockHash(n - 1),
      timestamp: toQuantity(Math.floor((DEMO_GENESIS_MS + n * DEMO_BLOCK_MS) / 1000)),
      nonce: '0x0000000000000000',
      difficulty: '0x0',
      gasLimit: toQuantity(30_000_000),
      gasUsed: '0x0',
      miner: DEMO_COUNTERPARTY,
      extraData: '0x',
      baseFeePerGas: toQuantity(1_000_000_000),
      transactions: [],
    };
  }

  /** Transfer amount of a wallet's pair `p` (an in and the out after it move the same amount). */
  private amountOf(pair: number): bigint {
    return BigInt(1500 + (pair % 5) * 250) * 10n ** BigInt(DEMO_TOKEN.decimals);
  }

  /** How many transfers of the wallet are at or before block n. */
  private countUpTo(w: SimulatedWallet, n: number): number {
    return n >= w.residue ? Math.floor((n - w.residue) / CYCLE) + 1 : 0;
  }

  tokenBalance(address: string, n: number): bigint {
    const w = this.walletOf(address);
    if (!w) return getAddress(address) === DEMO_COUNTERPARTY ? 10n ** 15n : 0n;
    const count = this.countUpTo(w, n);
    // An odd count ends on an "in" not yet spent.
    return w.baseUnits + (count % 2 === 1 ? this.amountOf(Math.floor((count - 1) / 2)) : 0n);
  }

  nativeBalance(address: string): bigint {
    return this.walletOf(address)?.nativeWei ?? 0n;
  }

  logs(fromBlock: number, toBlock: number): Log[] {
    const out: Log[] = [];
    const to = Math.min(toBlock, this.head());
    for (const w of this.wallets) {
      const first = fromBlock <= w.residue ? w.residue : w.residue + CYCLE * Math.ceil((fromBlock - w.residue) / CYCLE);
      for (let n = first; n <= to; n += CYCLE) out.push(this.transferLog(w, n));
    }
    return out.sort((a, b) => Number(a.blockNumber) - Number(b.blockNumber));
  }

  private transferLog(w: SimulatedWallet, n: number): Log {
    const k = (n - w.residue) / CYCLE;
    const incoming = k % 2 === 0;
    const [from, to] = incoming ? [DEMO_COUNTERPARTY, w.address] : [w.address, DEMO_COUNTERPARTY];
    return {
      address: DEMO_TOKEN.address,
      blockHash: this.blockHash(n),
      blockNumber: toQuantity(n),
      data: abi.encode(['uint256'], [this.amountOf(Math.floor(k / 2))]),
      logIndex: '0x0',
      removed: false,
      topics: [TRANSFER_TOPIC, zeroPadValue(from, 32), zeroPadValue(to, 32)],
      transactionHash: keccak256(solidityPacked(['string', 'uint256', 'address'], ['vigil-demo-tx', n, w.address])),
      transactionIndex: '0x0',
    };
  }

  private walletOf(address: string): SimulatedWallet | undefined {
    const wanted = getAddress(address);
    return this.wallets.find((w) => w.address === wanted);
  }
}

type RpcCall = { jsonrpc?: string; id?: unknown; method?: unknown; params?: unknown };
type RpcReply = { jsonrpc: '2.0'; id: unknown; result?: unknown; error?: { code: number; message: string } };

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const SELECTORS = {
  balanceOf: '0x70a08231',
  decimals: '0x313ce567',
  symbol: '0x95d89b41',
  name: '0x06fdde03',
  totalSupply: '0x18160ddd',
};

function blockNumberOf(tag: unknown, model: ChainModel): number {
  if (tag === undefined || tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized') return model.head();
  if (tag === 'earliest') return 0;
  if (typeof tag === 'string' && /^0x[0-9a-fA-F]+$/.test(tag)) return Number(BigInt(tag));
  throw new RpcError(-32602, 'invalid block tag');
}

function existingBlock(tag: unknown, model: ChainModel): number {
  const n = blockNumberOf(tag, model);
  if (n > model.head()) throw new RpcError(-32000, 'header not found');
  return n;
}

function topicMatches(filter: unknown, topic: string | undefined): boolean {
  if (filter === null || filter === undefined) return true;
  if (topic === undefined) return false;
  const wanted = Array.isArray(filter) ? filter : [filter];
  return wanted.some((t) => typeof t === 'string' && t.toLowerCase() === topic.toLowerCase());
}

function getLogs(model: ChainModel, filter: Record<string, unknown>): Log[] {
  const from = blockNumberOf(filter.fromBlock ?? 'latest', model);
  const to = blockNumberOf(filter.toBlock ?? 'latest', model);
  if (to - from > 10_000) throw new RpcError(-32005, 'query returned more than 10000 results');
  const addresses = filter.address === undefined ? undefined : [filter.address].flat().map((a) => String(a).toLowerCase());
  const topics = Array.isArray(filter.topics) ? (filter.topics as unknown[]) : [];
  return model
    .logs(from, to)
    .filter((log) => addresses === undefined || addresses.includes(log.address.toLowerCase()))
    .filter((log) => topics.every((t, i) => topicMatches(t, log.topics[i])));
}

function ethCall(model: ChainModel, tx: Record<string, unknown>, tag: unknown): string {
  const n = existingBlock(tag, model);
  if (typeof tx.to !== 'string' || tx.to.toLowerCase() !== DEMO_TOKEN.address.toLowerCase()) return '0x';
  const data = typeof tx.data === 'string' ? tx.data : typeof tx.input === 'string' ? tx.input : '0x';
  const selector = data.slice(0, 10).toLowerCase();
  switch (selector) {
    case SELECTORS.balanceOf: {
      const [owner] = abi.decode(['address'], `0x${data.slice(10)}`) as unknown as [string];
      return abi.encode(['uint256'], [model.tokenBalance(owner, n)]);
    }
    case SELECTORS.decimals:
      return abi.encode(['uint8'], [DEMO_TOKEN.decimals]);
    case SELECTORS.symbol:
      return abi.encode(['string'], [DEMO_TOKEN.symbol]);
    case SELECTORS.name:
      return abi.encode(['string'], ['Demo dollar (simulated)']);
    case SELECTORS.totalSupply:
      return abi.encode(['uint256'], [10n ** 18n]);
    default:
      throw new RpcError(3, 'execution reverted');
  }
}

function answer(model: ChainModel, method: string, params: unknown[]): unknown {
  switch (method) {
    case 'eth_chainId':
      return toQuantity(DEMO_CHAIN_ID);
    case 'net_version':
      return String(DEMO_CHAIN_ID);
    case 'web3_clientVersion':
      return 'vigil-demo-chain/1 (simulated)';
    case 'eth_blockNumber':
      return toQuantity(model.head());
    case 'eth_getBlockByNumber':
      return model.block(blockNumberOf(params[0], model));
    case 'eth_getBalance':
      existingBlock(params[1], model);
      return toQuantity(model.nativeBalance(String(params[0])));
    case 'eth_getCode':
      return String(params[0]).toLowerCase() === DEMO_TOKEN.address.toLowerCase() ? '0x6080604052' : '0x';
    case 'eth_call':
      return ethCall(model, (params[0] ?? {}) as Record<string, unknown>, params[1]);
    case 'eth_getLogs':
      return getLogs(model, (params[0] ?? {}) as Record<string, unknown>);
    default:
      throw new RpcError(-32601, `the method ${method} does not exist/is not available`);
  }
}

function reply(model: ChainModel, call: RpcCall): RpcReply {
  const base = { jsonrpc: '2.0' as const, id: call.id ?? null };
  try {
    if (typeof call.method !== 'string') throw new RpcError(-32600, 'invalid request');
    const params = Array.isArray(call.params) ? (call.params as unknown[]) : [];
    return { ...base, result: answer(model, call.method, params) };
  } catch (err) {
    if (err instanceof RpcError) return { ...base, error: { code: err.code, message: err.message } };
    return { ...base, error: { code: -32602, message: 'invalid params' } };
  }
}

export type SimulatedChain = { url: string; model: ChainModel; config(): ChainConfig; close(): Promise<void> };

/** Starts the chain's JSON-RPC server on 127.0.0.1, on a port of the system's choosing. */
export async function startSimulatedChain(wallets: readonly SimulatedWallet[]): Promise<SimulatedChain> {
  const model = new ChainModel(wallets);
  // Wallets added during this run read from a little before now: a few transfers of history.
  const startBlock = Math.max(0, model.head() - HISTORY_BLOCKS);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } }));
        return;
      }
      const out = Array.isArray(body) ? body.map((c) => reply(model, c as RpcCall)) : reply(model, body as RpcCall);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    model,
    config: () => ({
      name: DEMO_CHAIN_NAME,
      chainId: DEMO_CHAIN_ID,
      rpcUrls: [url],
      confirmations: CONFIRMATIONS,
      tokens: [DEMO_TOKEN],
      nativeSymbol: 'dETH',
      startBlock,
      maxBlockRange: 2000,
      reorgWindow: 64,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
