import { Contract, FetchRequest, JsonRpcProvider, Network, getAddress, id, zeroPadValue } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES } from '../demo-accounts';
import {
  ChainModel,
  DEMO_BLOCK_MS,
  DEMO_CHAIN_ID,
  DEMO_COUNTERPARTY,
  DEMO_GENESIS_MS,
  DEMO_TOKEN,
  startSimulatedChain,
  type SimulatedChain,
} from '../simulated-chain';

// The demo chain must be a chain ethers can read (the real chain reader uses JsonRpcProvider with
// batches) and a consistent one: parents link, balances are what the transfers add up to, and a
// restart (a new model) sees the very same blocks.

const TRANSFER = id('Transfer(address,address,uint256)');
const wallets = DEMO_EMPLOYEES.map((e) => e.wallet);
const ada = getAddress(DEMO_EMPLOYEES[0]!.wallet.address);

describe('the demo chain model', () => {
  const at = (block: number) => () => DEMO_GENESIS_MS + block * DEMO_BLOCK_MS + 1;

  it('should advance one block per block time and give every block the same hash in every run', () => {
    const model = new ChainModel(wallets, at(1000));
    expect(model.head()).toBe(1000);
    expect(new ChainModel(wallets, at(1001)).head()).toBe(1001);
    expect(new ChainModel(wallets, at(5000)).blockHash(999)).toBe(model.blockHash(999));
    expect(model.block(1000)!.parentHash).toBe(model.block(999)!.hash);
    expect(model.block(1001)).toBeNull();
  });

  it("should hold, at each block, what the wallet's transfers up to it add up to", () => {
    const model = new ChainModel(wallets, at(600));
    for (const w of wallets) {
      const address = getAddress(w.address);
      let sum = w.baseUnits;
      let transfers = 0;
      const topic = zeroPadValue(address, 32).toLowerCase();
      for (const log of model.logs(0, 600)) {
        const [, from, to] = log.topics.map((t) => t.toLowerCase());
        if (to === topic) sum += BigInt(log.data);
        else if (from === topic) sum -= BigInt(log.data);
        else continue;
        transfers += 1;
      }
      expect(transfers).toBeGreaterThan(20);
      expect(model.tokenBalance(address, 600)).toBe(sum);
      expect(sum).toBeGreaterThanOrEqual(w.baseUnits);
    }
  });
});

describe('the demo chain over JSON-RPC, as ethers reads it', () => {
  let chain: SimulatedChain;
  let provider: JsonRpcProvider;

  beforeAll(async () => {
    chain = await startSimulatedChain(wallets);
    const network = Network.from(DEMO_CHAIN_ID);
    provider = new JsonRpcProvider(new FetchRequest(chain.url), network, {
      staticNetwork: network,
      batchMaxCount: 20,
      cacheTimeout: -1,
    });
  });
  afterAll(async () => {
    provider.destroy();
    await chain.close();
  });

  it('should answer its chain id, a head near now and blocks that link to their parents', async () => {
    expect(Number(await provider.send('eth_chainId', []))).toBe(DEMO_CHAIN_ID);
    const head = await provider.getBlockNumber();
    expect(head).toBe(chain.model.head());
    const [block, parent] = await Promise.all([provider.getBlock(head - 1), provider.getBlock(head - 2)]);
    expect(block!.parentHash).toBe(parent!.hash);
    expect(block!.timestamp * 1000).toBeLessThanOrEqual(Date.now());
    expect(await provider.getBlock(head + 1000)).toBeNull();
  });

  it("should read the demo token's balance and metadata with eth_call, and a native balance", async () => {
    const token = new Contract(
      DEMO_TOKEN.address,
      [
        'function balanceOf(address) view returns (uint256)',
        'function decimals() view returns (uint8)',
        'function symbol() view returns (string)',
      ],
      provider,
    );
    const head = await provider.getBlockNumber();
    expect(await token.getFunction('balanceOf')(ada, { blockTag: head })).toBe(chain.model.tokenBalance(ada, head));
    expect(await token.getFunction('decimals')()).toBe(6n);
    expect(await token.getFunction('symbol')()).toBe('DEMOUSD');
    expect(await provider.getBalance(ada, head)).toBe(DEMO_EMPLOYEES[0]!.wallet.nativeWei);
    expect(await provider.call({ to: DEMO_COUNTERPARTY, data: '0x70a08231' })).toBe('0x');
  });

  it('should filter transfer logs by token and by the indexed from and to addresses', async () => {
    const head = await provider.getBlockNumber();
    const range = { address: [DEMO_TOKEN.address], fromBlock: head - 500, toBlock: head };
    const incoming = await provider.getLogs({ ...range, topics: [TRANSFER, null, zeroPadValue(ada, 32)] });
    const outgoing = await provider.getLogs({ ...range, topics: [TRANSFER, zeroPadValue(ada, 32)] });
    expect(incoming.length).toBeGreaterThan(5);
    expect(outgoing.length).toBeGreaterThan(5);
    expect(incoming.every((l) => getAddress(`0x${l.topics[2]!.slice(26)}`) === ada)).toBe(true);
    expect(outgoing.every((l) => getAddress(`0x${l.topics[1]!.slice(26)}`) === ada)).toBe(true);
    const block = await provider.getBlock(incoming[0]!.blockNumber);
    expect(incoming[0]!.blockHash).toBe(block!.hash);
    expect(await provider.getLogs({ ...range, address: [DEMO_COUNTERPARTY] })).toEqual([]);
  });
});
