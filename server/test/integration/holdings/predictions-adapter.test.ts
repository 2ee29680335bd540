import { Wallet as EthersWallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolymarketVenue, PredictionVenueError, PredictionVenueRateLimited } from '@/modules/holdings/predictions';
import { startPolymarketDouble, type PolymarketDouble } from '../../doubles/polymarket/polymarket-double';
import { conditionId, RATES } from '../../doubles/polymarket/sample-positions';

// Issue 10, item 6: the Polymarket adapter against its HTTP double, without Vigil around it:
// timeouts, what it refuses to ask, answers it refuses, Retry-After and the position cap.
// The end-to-end path (polling, snapshots, access) is predictions.test.ts.

describe('the Polymarket adapter on its own', () => {
  let venue: PolymarketDouble;
  beforeAll(async () => {
    venue = await startPolymarketDouble();
  });
  afterAll(() => venue?.stop());

  it('should give up on a venue that never answers after its timeout', async () => {
    const address = EthersWallet.createRandom().address;
    venue.answer(address, { kind: 'hang' });
    const adapter = new PolymarketVenue({ baseUrl: venue.url, timeoutMs: 300 });
    const started = Date.now();
    await expect(adapter.positions(address)).rejects.toThrow(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('should refuse to ask about anything but an address, before any request', async () => {
    const adapter = new PolymarketVenue({ baseUrl: venue.url });
    const before = venue.requests.length;
    for (const bad of ['grace@example.test', '0x123', `0x${'a'.repeat(40)}&user=other`]) {
      await expect(adapter.positions(bad)).rejects.toBeInstanceOf(PredictionVenueError);
    }
    expect(venue.requests.length).toBe(before);
  });

  it('should refuse an answer about another address, and a position listed twice across pages', async () => {
    const address = EthersWallet.createRandom().address;
    const other = EthersWallet.createRandom().address.toLowerCase();
    venue.answer(address, {
      kind: 'raw',
      body: `[{"proxyWallet":"${other}","asset":"1","conditionId":"${conditionId(1)}","title":"t","outcome":"Yes","size":1,"avgPrice":0.5,"currentValue":0.5,"curPrice":0.5}]`,
    });
    await expect(new PolymarketVenue({ baseUrl: venue.url }).positions(address)).rejects.toThrow(/another address/);
    venue.answer(address, { kind: 'positions', positions: [RATES, RATES] });
    await expect(new PolymarketVenue({ baseUrl: venue.url }).positions(address)).rejects.toThrow(/changed while/);
  });

  it('should ask no more until the time a 429’s Retry-After names has passed', async () => {
    const address = EthersWallet.createRandom().address;
    venue.answer(address, { kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const adapter = new PolymarketVenue({ baseUrl: venue.url });
    await expect(adapter.positions(address)).rejects.toBeInstanceOf(PredictionVenueRateLimited);
    venue.answer(address, { kind: 'positions', positions: [RATES] });
    const before = venue.requests.length;
    await expect(adapter.positions(address)).rejects.toThrow(/asked us to wait until/);
    await expect(adapter.positions(EthersWallet.createRandom().address)).rejects.toThrow(/asked us to wait until/);
    expect(venue.requests.length).toBe(before);
    // Another process (a fresh adapter) has not been told to wait.
    expect(await new PolymarketVenue({ baseUrl: venue.url }).positions(address)).toHaveLength(1);
  });

  it('should refuse a wallet with more positions than it stores, rather than store a part', async () => {
    const address = EthersWallet.createRandom().address;
    venue.answer(address, {
      kind: 'positions',
      positions: Array.from({ length: 7 }, (_, i) => ({ ...RATES, asset: String(i + 1) })),
    });
    const adapter = new PolymarketVenue({ baseUrl: venue.url, pageSize: 2, maxPositions: 5 });
    await expect(adapter.positions(address)).rejects.toThrow(/more than 5 positions/);
  });
});
