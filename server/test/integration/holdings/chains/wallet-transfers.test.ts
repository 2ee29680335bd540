import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { ChainUnavailableError } from '@/modules/holdings/chains/adapters/chain-reader.port';
import { startJsonRpcProxy } from '../../../doubles/hardhat/json-rpc-proxy';
import { cursorOf, freshAddress, latestBalances, startChainKit, tableCounts, transfersOf, type ChainKit } from './chain-test-kit';

// Transfers in and out of a wallet, balances, the RPC URL fallback and what leaves Vigil, against
// a real hardhat node and a real database.
describe('chain ingest: transfers and balances', () => {
  let kit: ChainKit;

  beforeAll(async () => {
    kit = await startChainKit();
  }, 60_000);
  afterAll(async () => {
    await kit?.close();
  });

  it('should ingest transfers in, out and to itself exactly once when the ingest runs again and again', async () => {
    const { target, signer } = await kit.walletOf(1);
    const service = kit.service(kit.chain());
    const receiver = freshAddress();
    await kit.sendToken(kit.treasury, target.address, 500n);
    await kit.sendToken(signer, receiver, 120n);
    await kit.sendToken(signer, target.address, 7n);

    const first = await service.ingest(target);
    expect(first).toMatchObject({ transfersNew: 3, transfersSeen: 3, caughtUp: true, reorg: null });
    for (let i = 0; i < 3; i++) expect(await service.ingest(target)).toMatchObject({ transfersNew: 0 });

    const rows = await transfersOf(kit, target.walletId);
    expect(rows.map((r) => [r.direction, r.amount])).toEqual([
      ['in', '500'],
      ['out', '120'],
      ['self', '7'],
    ]);
    expect(rows[1]).toMatchObject({ from_address: target.address, to_address: receiver });

    await kit.sendToken(kit.treasury, target.address, 1n);
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 1 });
    expect(await service.ingest(target)).toMatchObject({ transfersNew: 0 });
    expect(await transfersOf(kit, target.walletId)).toHaveLength(4);
    expect(await cursorOf(kit, target.walletId)).toBe(await kit.head());
  });

  it('should store native and token balances exactly as of the block read, and no new snapshot when nothing changed', async () => {
    const { target, signer } = await kit.walletOf(2);
    const before = await kit.provider.getBalance(target.address);
    await kit.sendToken(kit.treasury, target.address, 1_000n);
    const tokenTx = await kit.sendToken(signer, freshAddress(), 250n);
    const ethTx = await signer.sendTransaction({ to: freshAddress(), value: parseEther('1.5') });
    const receipts = await Promise.all([
      kit.provider.getBlock(tokenTx, true).then((b) => kit.provider.getTransactionReceipt(b!.transactions[0]!)),
      ethTx.wait(),
    ]);
    const gas = receipts.reduce((sum, r) => sum + r!.gasUsed * r!.gasPrice, 0n);

    const service = kit.service(kit.chain());
    expect(await service.ingest(target)).toMatchObject({ snapshotsWritten: 2 });
    expect(await latestBalances(kit, target.walletId)).toEqual({
      native: (before - parseEther('1.5') - gas).toString(),
      [kit.tokenAddress]: '750',
    });
    await kit.mine(3);
    expect(await service.ingest(target)).toMatchObject({ snapshotsWritten: 0 });
    const { rows } = await kit.admin.query<{ symbol: string; decimals: number; block_number: string }>(
      'SELECT symbol, decimals, block_number::text FROM wallet_balance_snapshots WHERE wallet_id = $1 ORDER BY symbol',
      [target.walletId],
    );
    expect(rows).toEqual([
      { symbol: 'ETH', decimals: 18, block_number: String(ethTx.blockNumber ?? (await ethTx.wait())!.blockNumber) },
      { symbol: 'MIN', decimals: 6, block_number: rows[1]!.block_number },
    ]);
  });

  it('should count every transfer once when several workers read the same wallet at the same time', async () => {
    const { target } = await kit.walletOf(3);
    for (let i = 1; i <= 5; i++) await kit.sendToken(kit.treasury, target.address, BigInt(i));
    // Two workers through the ORM, two through a plain pg pool: both IngestDb adapters take the same locks.
    const results = await Promise.all(
      [kit.ingestDb, kit.pgDb, kit.ingestDb, kit.pgDb].map((db) => kit.service(kit.chain(), {}, db).ingest(target)),
    );
    expect(results.reduce((n, r) => n + r.transfersNew, 0)).toBe(5);
    // The cursor row is held for the whole run: one worker reads, the others find it moved.
    expect(results.filter((r) => r.read !== null)).toHaveLength(1);
    expect((await transfersOf(kit, target.walletId)).map((r) => r.amount)).toEqual(['1', '2', '3', '4', '5']);
    const { rows } = await kit.admin.query('SELECT 1 FROM wallet_balance_snapshots WHERE wallet_id = $1', [target.walletId]);
    expect(rows).toHaveLength(2);
  });

  it('should send the node nothing but addresses, block numbers and hashes: no org or wallet id, no header of ours', async () => {
    const { target } = await kit.walletOf(4);
    await kit.sendToken(kit.treasury, target.address, 9n);
    const seen = kit.proxy.requests.length;
    await kit.service(kit.chain()).ingest(target);
    const sent = kit.proxy.requests.slice(seen);
    expect(sent.length).toBeGreaterThan(0);
    const methods = new Set(
      sent.flatMap((r) => [JSON.parse(r.body) as { method: string } | { method: string }[]].flat().map((c) => c.method)),
    );
    expect(
      [...methods].every((m) =>
        ['eth_chainId', 'eth_blockNumber', 'eth_getBlockByNumber', 'eth_getLogs', 'eth_getBalance', 'eth_call'].includes(m),
      ),
    ).toBe(true);
    for (const r of sent) {
      const everything = `${r.url} ${JSON.stringify(r.headers)} ${r.body}`;
      expect(everything).not.toContain(target.orgId);
      expect(everything).not.toContain(target.walletId);
      expect(everything).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      expect(r.url).toBe('/rpc');
      expect(
        Object.keys(r.headers).filter(
          (h) => !['host', 'connection', 'content-type', 'content-length', 'accept', 'accept-encoding', 'user-agent'].includes(h),
        ),
      ).toEqual([]);
    }
  });

  it('should refuse a malformed address with BAD_USER_INPUT, asking the node nothing and writing nothing', async () => {
    const valid = (await kit.walletOf(5)).target;
    const lower = valid.address.toLowerCase();
    const wrongChecksum = `0x${[...lower.slice(2)].map((c, i) => (i % 2 && /[a-f]/.test(c) ? c.toUpperCase() : c)).join('')}`;
    const bad = [
      `${valid.address}\u0000`,
      `0x${'\u0000'.repeat(40)}`,
      `0x${'a'.repeat(10_000)}`,
      wrongChecksum,
      lower.slice(0, 41),
      ` ${valid.address}`,
      'vitalik.eth',
      '0x0000000000000000000000000000000000000000',
      'XE7338O073KYGTWWZN0F2WZ0R8PX5ZPPZS',
    ];
    const counts = await tableCounts(kit);
    const requests = kit.proxy.requests.length;
    const service = kit.service(kit.chain());
    for (const address of bad) {
      const err = await service.ingest({ ...valid, address }).catch((e: unknown) => e);
      expect(err, JSON.stringify(address.slice(0, 50))).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('BAD_USER_INPUT');
    }
    for (const ids of [{ orgId: 'x' }, { walletId: `${randomUUID()}'; DROP TABLE wallet_transfers; --` }]) {
      const err = await service.ingest({ ...valid, ...ids }).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('BAD_USER_INPUT');
    }
    expect(await tableCounts(kit)).toEqual(counts);
    expect(kit.proxy.requests.length).toBe(requests);
  });

  it('should store the address checksummed when it is given in lower case', async () => {
    const { target } = await kit.walletOf(6);
    await kit.service(kit.chain()).ingest({ ...target, address: target.address.toLowerCase() });
    const { rows } = await kit.admin.query('SELECT address FROM wallet_cursors WHERE wallet_id = $1', [target.walletId]);
    expect(rows).toEqual([{ address: target.address }]);
  });

  it('should refuse with CONFLICT a wallet id already read for another organization or address, changing nothing', async () => {
    const { target } = await kit.walletOf(7);
    await kit.sendToken(kit.treasury, target.address, 3n);
    const service = kit.service(kit.chain());
    await service.ingest(target);
    await kit.sendToken(kit.treasury, target.address, 4n);
    const counts = await tableCounts(kit);
    for (const other of [{ orgId: randomUUID() }, { address: (await kit.walletOf(8)).target.address }]) {
      const err = await service.ingest({ ...target, ...other }).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('CONFLICT');
    }
    expect((await tableCounts(kit)).transfers).toBe(counts.transfers);
    expect(await transfersOf(kit, target.walletId)).toHaveLength(1);
  });

  it('should try the RPC URLs in order, past one that is down and one that serves another chain', async () => {
    const dead = net.createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as net.AddressInfo).port}`;
    await new Promise((resolve) => dead.close(resolve));
    const otherChain = await startJsonRpcProxy(kit.node.url);
    otherChain.claimChainId = 1;
    try {
      const { target } = await kit.walletOf(9);
      await kit.sendToken(kit.treasury, target.address, 11n);
      const chain = kit.chain({ rpcUrls: [deadUrl, otherChain.url, kit.proxy.url] });
      expect(await kit.service(chain).ingest(target)).toMatchObject({ transfersNew: 1 });
      const askedOther = otherChain.requests.flatMap((r) =>
        [JSON.parse(r.body) as { method: string } | { method: string }[]].flat(),
      );
      expect(new Set(askedOther.map((c) => c.method))).toEqual(new Set(['eth_chainId']));

      // None answering: the run fails naming each URL's failure by position, never the URL
      // itself (a provider's URL holds its API key), and writes nothing.
      const counts = await tableCounts(kit);
      const err = await kit
        .service(kit.chain({ rpcUrls: [`${deadUrl}/v3/SECRET-KEY`, otherChain.url] }))
        .ingest(target)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChainUnavailableError);
      expect((err as Error).message).toMatch(/rpc #1: .*rpc #2: serves chain 1, not 31337/);
      expect((err as Error).message).not.toMatch(/SECRET-KEY|\/v3\/|http:/);
      expect(await tableCounts(kit)).toEqual(counts);
    } finally {
      await otherChain.stop();
    }
  });
});
