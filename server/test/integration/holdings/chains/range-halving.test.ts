import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RangeRefusedError } from '@/modules/holdings/chains/adapters/chain-reader.port';
import { cursorOf, startChainKit, tableCounts, transfersOf, type ChainKit } from './chain-test-kit';

// The node (behind a proxy that answers wide eth_getLogs ranges as Infura does: "query returned
// more than 10000 results") refuses ranges wider than it likes; the ingest halves until it is
// answered, and reads every block exactly once.
describe('chain ingest: log ranges the node refuses', () => {
  let kit: ChainKit;

  beforeAll(async () => {
    kit = await startChainKit();
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
  });

  it('should halve a refused range until the node answers, and read every block once', async () => {
    const { target } = await kit.walletOf(1);
    const startBlock = (await kit.head()) + 1;
    const sent: number[] = [];
    for (let i = 1; i <= 6; i++) {
      sent.push(await kit.sendToken(kit.treasury, target.address, BigInt(i)));
      await kit.mine(9);
    }
    await kit.mine(4); // 64 blocks in all: halved to 32, 16, then 8
    const head = await kit.head();
    kit.proxy.maxLogRange = 8;
    const asked = kit.proxy.logRanges.length;
    try {
      const result = await kit.service(kit.chain({ startBlock, maxBlockRange: 64 })).ingest(target);
      expect(result).toMatchObject({ transfersNew: 6, read: { fromBlock: startBlock, toBlock: head } });
      expect(result.ranges).toMatchObject({ refusals: 3, narrowestWidth: 8 });
    } finally {
      kit.proxy.maxLogRange = Infinity;
    }
    const ranges = kit.proxy.logRanges.slice(asked);
    // 64 refused, then 32, then 16; every answered range is at most 8 blocks wide.
    const refused = ranges.filter((r) => r.refused).map((r) => r.toBlock - r.fromBlock + 1);
    expect(refused.sort((x, y) => y - x)).toEqual([64, 64, 32, 32, 16, 16]); // in and out queries each
    const answered = ranges.filter((r) => !r.refused);
    expect(answered.every((r) => r.toBlock - r.fromBlock + 1 <= 8)).toBe(true);
    // The in and out queries ask the same ranges: once each, covering the blocks without gap or overlap.
    const distinct = [...new Map(answered.map((r) => [`${r.fromBlock}-${r.toBlock}`, r])).values()].sort(
      (x, y) => x.fromBlock - y.fromBlock,
    );
    expect(answered).toHaveLength(distinct.length * 2);
    expect(distinct[0]!.fromBlock).toBe(startBlock);
    expect(distinct.at(-1)!.toBlock).toBe(head);
    distinct.slice(1).forEach((r, i) => expect(r.fromBlock).toBe(distinct[i]!.toBlock + 1));
    expect((await transfersOf(kit, target.walletId)).map((t) => Number(t.block_number))).toEqual(sent);
  });

  it('should write nothing and keep the cursor when the node refuses even a single block', async () => {
    const { target } = await kit.walletOf(2);
    const service = kit.service(kit.chain({ maxBlockRange: 16 }));
    await kit.sendToken(kit.treasury, target.address, 1n);
    await service.ingest(target);
    const cursor = await cursorOf(kit, target.walletId);
    await kit.sendToken(kit.treasury, target.address, 2n);
    const before = await tableCounts(kit);

    kit.proxy.maxLogRange = 0;
    try {
      await expect(service.ingest(target)).rejects.toBeInstanceOf(RangeRefusedError);
    } finally {
      kit.proxy.maxLogRange = Infinity;
    }
    expect(await cursorOf(kit, target.walletId)).toBe(cursor);
    expect((await tableCounts(kit)).transfers).toBe(before.transfers);
    expect((await tableCounts(kit)).snapshots).toBe(before.snapshots);

    expect(await service.ingest(target)).toMatchObject({ transfersNew: 1 });
    expect((await transfersOf(kit, target.walletId)).map((t) => t.amount)).toEqual(['1', '2']);
  });

  it('should read a long history over several runs when it is longer than one run may read', async () => {
    const { target } = await kit.walletOf(3);
    const startBlock = (await kit.head()) + 1;
    for (let i = 1; i <= 4; i++) {
      await kit.sendToken(kit.treasury, target.address, BigInt(i));
      await kit.mine(6);
    }
    const head = await kit.head();
    const service = kit.service(kit.chain({ startBlock }), { maxBlocksPerRun: 10 });
    const runs = [];
    for (let run = await service.ingest(target); ; run = await service.ingest(target)) {
      runs.push(run);
      if (run.caughtUp) break;
      expect(runs.length).toBeLessThan(10);
    }
    expect(runs.map((r) => r.read)).toEqual([
      { fromBlock: startBlock, toBlock: startBlock + 9 },
      { fromBlock: startBlock + 10, toBlock: startBlock + 19 },
      { fromBlock: startBlock + 20, toBlock: head },
    ]);
    expect(runs.reduce((n, r) => n + r.transfersNew, 0)).toBe(4);
    expect((await transfersOf(kit, target.walletId)).map((t) => t.amount)).toEqual(['1', '2', '3', '4']);
  });
});
