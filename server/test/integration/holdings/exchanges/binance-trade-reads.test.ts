import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeDouble, type ExchangeDouble } from '../../../doubles/exchanges/exchange-double';
import { sampleCredentials, sampleKey, SAMPLE_TIME } from '../../../doubles/exchanges/sample-accounts';
import type { DoubleTrade } from '../../../doubles/exchanges/double-types';
import { adapterFor } from '@/modules/holdings/exchanges/exchange-venues';
import type { ActivityCursor, ExchangeAdapter, PollOutcome } from '@/modules/holdings/exchanges/exchange-adapter';

// Binance reads trade history one market at a time (each call weighs 20 of an IP's 6,000 a
// minute). Which markets a poll asks, through real ccxt against the Binance double: none while the
// venue says the account has not changed since a poll that found nothing new; and, once it has,
// the markets of what is held now, what was held at the last poll (a position sold off entirely)
// and what moved in or out since (bought after a deposit and sold between two polls).

describe('Binance trade reads, market by market', () => {
  let double: ExchangeDouble;
  let adapter: ExchangeAdapter;

  beforeAll(async () => {
    double = await startExchangeDouble('binance');
    adapter = adapterFor('binance', { baseUrls: { binance: double.url }, enableRateLimit: false });
  });
  afterAll(async () => double.close());

  /** Polls the key, carrying the cursor as the poller stores it; the markets the poll asked for trades. */
  function pollerFor(credentials: { apiKey: string; secret: string }) {
    let cursor: ActivityCursor | undefined;
    return async (): Promise<{ outcome: Extract<PollOutcome, { status: 'ok' }>; tradeMarkets: string[] }> => {
      const before = double.requests.length;
      const outcome = await adapter.poll(credentials, cursor);
      if (outcome.status !== 'ok') throw new Error(`poll failed: ${JSON.stringify(outcome)}`);
      cursor = outcome.activity.cursor;
      const tradeMarkets = double.requests
        .slice(before)
        .filter((r) => r.path === '/api/v3/myTrades')
        .map((r) => new URL(r.pathWithQuery, 'http://double.invalid').searchParams.get('symbol') ?? '?');
      return { outcome, tradeMarkets };
    };
  }

  const sale = (id: string, symbol: string, amount: string): DoubleTrade => ({
    id,
    orderId: `order-${id}`,
    symbol,
    side: 'sell',
    amount,
    price: '3000',
    fee: '0.1',
    feeAsset: 'USDT',
    timestamp: Date.now(),
  });

  it('should stop asking market by market while the account stays unchanged, and ask again once it changes', async () => {
    const credentials = sampleCredentials('binance', 'quiet');
    double.addKey(sampleKey('binance', credentials, 'read_only'));
    const poll = pollerFor(credentials);

    const first = await poll();
    expect(first.tradeMarkets).toEqual(['BTCUSDT']);
    expect(first.outcome.activity.trades.map((t) => t.venueId)).toEqual(['28457']);
    // Nothing new since the first poll: asked once more, and that answer makes the account quiet.
    expect((await poll()).tradeMarkets).toEqual(['BTCUSDT']);
    for (let i = 0; i < 3; i++) {
      const quiet = await poll();
      expect(quiet.tradeMarkets).toEqual([]);
      expect(quiet.outcome.activity.trades).toEqual([]);
    }

    const key = double.key(credentials.apiKey);
    key.trades!.push(sale('28458', 'BTC/USDT', '0.1'));
    key.balances = { BTC: '0.40000000', USDT: '4234.46' };
    const changed = await poll();
    expect(changed.tradeMarkets).toEqual(['BTCUSDT']);
    expect(changed.outcome.activity.trades.map((t) => t.venueId)).toContain('28458');
    expect((await poll()).tradeMarkets).toEqual(['BTCUSDT']);
    expect((await poll()).tradeMarkets).toEqual([]);
  });

  it('should still ask for the market of an asset sold off entirely since the last poll', async () => {
    const credentials = sampleCredentials('binance', 'soldoff');
    double.addKey({
      ...credentials,
      permissions: 'read_only',
      balances: { ETH: '2.00000000', USDT: '100' },
      trades: [],
      deposits: [
        {
          id: '9001',
          txid: '0xeth01',
          asset: 'ETH',
          amount: '2',
          fee: '0',
          address: '0xabc',
          network: 'ETH',
          timestamp: SAMPLE_TIME,
        },
      ],
      withdrawals: [],
    });
    const poll = pollerFor(credentials);
    expect((await poll()).tradeMarkets).toEqual(['ETHUSDT']);

    const key = double.key(credentials.apiKey);
    key.trades!.push(sale('77001', 'ETH/USDT', '2'));
    key.balances = { USDT: '6099.9' };
    const after = await poll();
    // ETH is held no more and was never traded before: only the last poll's holdings name its market.
    expect(after.tradeMarkets).toEqual(['ETHUSDT']);
    expect(after.outcome.activity.trades.map((t) => [t.venueId, t.side, t.amount])).toEqual([['77001', 'sell', '2']]);
  });

  it('should ask for the market of an asset deposited and sold between two polls', async () => {
    const credentials = sampleCredentials('binance', 'inandout');
    double.addKey({
      ...credentials,
      permissions: 'read_only',
      balances: { USDT: '100' },
      trades: [],
      deposits: [],
      withdrawals: [],
    });
    const poll = pollerFor(credentials);
    expect((await poll()).tradeMarkets).toEqual([]);

    const key = double.key(credentials.apiKey);
    key.deposits!.push({
      id: '9101',
      txid: '0xeth02',
      asset: 'ETH',
      amount: '1',
      fee: '0',
      address: '0xabc',
      network: 'ETH',
      timestamp: Date.now() - 1000,
    });
    key.trades!.push(sale('77101', 'ETH/USDT', '1'));
    key.balances = { USDT: '3099.9' };
    const after = await poll();
    expect(after.outcome.activity.deposits.map((d) => d.asset)).toEqual(['ETH']);
    expect(after.tradeMarkets).toEqual(['ETHUSDT']);
    expect(after.outcome.activity.trades.map((t) => t.venueId)).toEqual(['77101']);
  });
});
