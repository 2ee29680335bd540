import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EthersChainReader } from '@/modules/holdings/chains/adapters/ethers-chain-reader';
import { ChainChangedDuringReadError, ReorgBeyondWindowError } from '@/modules/holdings/chains/chain-ingest.errors';
import { rollBackChainTo } from '@/modules/holdings/chains/chain-window';
import { cursorOf, latestBalances, startChainKit, tableCounts, transfersOf, type ChainKit } from './chain-test-kit';

// Reorgs made on a real hardhat node with evm_snapshot / evm_revert, and the confirmation depth.
describe('chain ingest: reorgs and confirmation depth', () => {
  let kit: ChainKit;

  beforeAll(async () => {
    kit = await startChainKit();
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
  });

  it('should not ingest a transfer until it is under the confirmation depth', async () => {
    const { target } = await kit.walletOf(1);
    const service = kit.service(kit.chain({ confirmations: 3 }));
    await kit.mine(5);
    const block = await kit.sendToken(kit.treasury, target.address, 42n);

    expect(await service.ingest(target)).toMatchObject({ transfersNew: 0 });
    expect(await cursorOf(kit, target.walletId)).toBe(block - 3);
    await kit.mine(2);
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 0 });
    expect(await cursorOf(kit, target.walletId)).toBe(block - 1);
    expect(await transfersOf(kit, target.walletId)).toEqual([]);

    await kit.mine(1);
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 1 });
    expect((await transfersOf(kit, target.walletId)).map((t) => [t.block_number, t.amount])).toEqual([[String(block), '42']]);
  });

  it('should remove the orphaned transfer, re-read the new branch and count nothing twice, for every wallet on the chain', async () => {
    const [a, b] = [await kit.walletOf(2), await kit.walletOf(3)];
    const chain = kit.chain({ confirmations: 1 });
    const [ingestA, ingestB] = [kit.service(chain), kit.service(chain)];
    await kit.sendToken(kit.treasury, a.target.address, 100n);
    await kit.sendToken(kit.treasury, b.target.address, 5n);
    await kit.mine(1);
    await ingestA.ingest(a.target);
    await ingestB.ingest(b.target);

    const forkPoint = await kit.head();
    const snapshot = await kit.node.rpc<string>('evm_snapshot');
    const orphanBlock = await kit.sendToken(kit.treasury, a.target.address, 666n);
    await kit.mine(2);
    expect(await ingestA.ingest(a.target)).toMatchObject({ transfersNew: 1 });
    await ingestB.ingest(b.target); // B's cursor passes the block that is about to be orphaned
    expect((await transfersOf(kit, a.target.walletId)).map((t) => t.amount)).toEqual(['100', '666']);
    expect((await latestBalances(kit, a.target.walletId))[kit.tokenAddress]).toBe('766');
    const orphanedHead = await kit.head();

    // Another branch from the fork point, longer than the orphaned one, with another transfer.
    expect(await kit.node.rpc('evm_revert', [snapshot])).toBe(true);
    const newBlock = await kit.sendToken(kit.treasury, a.target.address, 777n);
    expect(newBlock).toBe(orphanBlock);
    await kit.mine(orphanedHead - newBlock + 1);

    const afterFork = await ingestA.ingest(a.target);
    expect(afterFork.reorg).toMatchObject({ forkPoint, rolledBack: { transfers: 1, cursors: 2 } });
    expect(afterFork.transfersNew).toBe(1);
    const rows = await transfersOf(kit, a.target.walletId);
    expect(rows.map((t) => [t.block_number, t.amount])).toEqual([
      [expect.any(String), '100'],
      [String(newBlock), '777'],
    ]);
    expect((await latestBalances(kit, a.target.walletId))[kit.tokenAddress]).toBe('877');
    const { rows: orphanHashes } = await kit.admin.query(
      'SELECT 1 FROM wallet_transfers WHERE block_hash NOT IN (SELECT block_hash FROM chain_block_hashes) AND block_number > $1',
      [forkPoint],
    );
    expect(orphanHashes).toEqual([]);

    // Again and again: nothing new, nothing counted twice; B was moved back and re-read too.
    expect(await ingestA.ingest(a.target)).toMatchObject({ transfersNew: 0, reorg: null });
    expect(await ingestB.ingest(b.target)).toMatchObject({ transfersNew: 0, reorg: null });
    expect(await transfersOf(kit, a.target.walletId)).toHaveLength(2);
    expect((await transfersOf(kit, b.target.walletId)).map((t) => t.amount)).toEqual(['5']);
    expect(await cursorOf(kit, b.target.walletId)).toBe((await kit.head()) - 1);
  });

  it('should stop, writing nothing, when the reorg is deeper than the kept window, until an operator rolls the chain back', async () => {
    const { target } = await kit.walletOf(4);
    const chain = kit.chain({ confirmations: 0, reorgWindow: 4 });
    const service = kit.service(chain);
    await service.ingest(target);
    const forkPoint = await kit.head();
    const snapshot = await kit.node.rpc<string>('evm_snapshot');
    await kit.sendToken(kit.treasury, target.address, 13n);
    await kit.mine(8);
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 1 });
    await kit.node.rpc('evm_revert', [snapshot]);
    await kit.sendToken(kit.treasury, target.address, 14n);
    await kit.mine(10);

    const before = await tableCounts(kit);
    await expect(service.ingest(target)).rejects.toBeInstanceOf(ReorgBeyondWindowError);
    await expect(service.ingest(target)).rejects.toBeInstanceOf(ReorgBeyondWindowError);
    expect(await tableCounts(kit)).toEqual(before);
    expect((await transfersOf(kit, target.walletId)).map((t) => t.amount)).toEqual(['13']);

    const reader = new EthersChainReader({ chainId: chain.chainId, rpcUrls: chain.rpcUrls });
    try {
      expect(await rollBackChainTo(kit.ingestDb, reader, chain, forkPoint)).toMatchObject({ transfers: 1 });
    } finally {
      reader.close();
    }
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 1, reorg: null });
    expect((await transfersOf(kit, target.walletId)).map((t) => t.amount)).toEqual(['14']);
    expect((await latestBalances(kit, target.walletId))[kit.tokenAddress]).toBe('14');
  });

  it('should write nothing when the node gives a block its logs do not come from, and repair it on the next run', async () => {
    const { target } = await kit.walletOf(5);
    const service = kit.service(kit.chain());
    await service.ingest(target);
    const cursor = await cursorOf(kit, target.walletId);
    const block = await kit.sendToken(kit.treasury, target.address, 21n);
    const before = await tableCounts(kit);

    kit.proxy.forgeBlockHashOf = block;
    try {
      await expect(service.ingest(target)).rejects.toBeInstanceOf(ChainChangedDuringReadError);
    } finally {
      kit.proxy.forgeBlockHashOf = undefined;
    }
    expect(await cursorOf(kit, target.walletId)).toBe(cursor);
    const after = await tableCounts(kit);
    expect([after.transfers, after.snapshots]).toEqual([before.transfers, before.snapshots]);

    // The kept hash of that block was the forged one: the next run finds it orphaned and re-reads.
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 1, reorg: { forkPoint: block - 1 } });
    expect((await transfersOf(kit, target.walletId)).map((t) => t.amount)).toEqual(['21']);
  });
});
