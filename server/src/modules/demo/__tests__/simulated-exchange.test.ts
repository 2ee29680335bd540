import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES } from '../demo-accounts';
import { startSimulatedExchange, type RunningExchange } from '../simulated-exchange';

// The simulated Binance checks what Binance checks, so the real adapter's signing is exercised:
// a wrong signature, an unknown key, a stale timestamp and a revoked key are refused with
// Binance's codes; a demo key is read-only.

const [ada, alan] = DEMO_EMPLOYEES.map((e) => e.account);

describe('the simulated exchange (Binance)', () => {
  let venue: RunningExchange;
  beforeAll(async () => {
    venue = await startSimulatedExchange([ada!, alan!]);
  });
  afterAll(() => venue.close());

  const signed = async (path: string, opts: { key?: string; secret?: string; timestamp?: number; extra?: string } = {}) => {
    const query = `${opts.extra ?? ''}timestamp=${opts.timestamp ?? Date.now()}&recvWindow=10000`;
    const signature = createHmac('sha256', opts.secret ?? ada!.secret)
      .update(query)
      .digest('hex');
    const res = await fetch(`${venue.url}${path}?${query}&signature=${signature}`, {
      headers: { 'x-mbx-apikey': opts.key ?? ada!.apiKey },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('should answer a demo key read-only at the permission endpoint', async () => {
    const { status, body } = await signed('/sapi/v1/account/apiRestrictions');
    expect(status).toBe(200);
    expect(body.enableReading).toBe(true);
    const granted = Object.entries(body).filter(([k, v]) => (k.startsWith('enable') || k.startsWith('permits')) && v === true);
    expect(granted.map(([k]) => k)).toEqual(['enableReading']);
  });

  it('should serve the balances of the key that signed, and only its own', async () => {
    const mine = await signed('/api/v3/account');
    const theirs = await signed('/api/v3/account', { key: alan!.apiKey, secret: alan!.secret });
    const assets = (b: Record<string, unknown>) =>
      (b.balances as { asset: string; free: string }[]).map((x) => `${x.asset}:${x.free}`);
    expect(assets(mine.body)).toEqual(Object.entries(ada!.balances).map(([a, v]) => `${a}:${v}`));
    expect(assets(theirs.body)).toEqual(Object.entries(alan!.balances).map(([a, v]) => `${a}:${v}`));
  });

  it('should refuse a bad signature, an unknown key and a stale timestamp with Binance codes', async () => {
    expect(await signed('/api/v3/account', { secret: alan!.secret })).toMatchObject({ status: 400, body: { code: -1022 } });
    expect(await signed('/api/v3/account', { key: 'NOT-A-DEMO-KEY-000000' })).toMatchObject({
      status: 401,
      body: { code: -2015 },
    });
    expect(await signed('/api/v3/account', { timestamp: Date.now() - 60_000 })).toMatchObject({
      status: 400,
      body: { code: -1021 },
    });
    const unsigned = await fetch(`${venue.url}/api/v3/account`);
    expect(unsigned.status).toBe(401);
  });

  it('should list trades, deposits and withdrawals from a start time, with the same ids each time', async () => {
    const since = Date.now() - 6 * 3_600_000;
    const first = await signed('/api/v3/myTrades', { extra: `symbol=BTCUSDT&startTime=${since}&` });
    const again = await signed('/api/v3/myTrades', { extra: `symbol=BTCUSDT&startTime=${since}&` });
    const trades = first.body as unknown as { id: number; time: number; symbol: string; qty: string; price: string }[];
    expect(trades.length).toBeGreaterThan(10);
    expect(trades.every((t) => t.time >= since && t.time <= Date.now() && t.symbol === 'BTCUSDT')).toBe(true);
    expect(trades.every((t) => /^\d+\.\d{8}$/.test(t.qty) && /^\d+\.\d{2}$/.test(t.price))).toBe(true);
    expect((again.body as unknown as { id: number }[]).map((t) => t.id)).toEqual(trades.map((t) => t.id));
    const deposits = await signed('/sapi/v1/capital/deposit/hisrec', { extra: `startTime=${Date.now() - 3 * 86_400_000}&` });
    expect((deposits.body as unknown as unknown[]).length).toBeGreaterThan(3);
    expect(await signed('/api/v3/myTrades', { extra: 'symbol=DOGEUSDT&' })).toMatchObject({ status: 400, body: { code: -1121 } });
  });

  it('should answer -2015 to every signed call of a key once it is revoked, and keep serving the others', async () => {
    venue.exchange.revoke(ada!.apiKey);
    expect(await signed('/sapi/v1/account/apiRestrictions')).toMatchObject({ status: 401, body: { code: -2015 } });
    expect(await signed('/api/v3/account')).toMatchObject({ status: 401, body: { code: -2015 } });
    expect((await signed('/api/v3/account', { key: alan!.apiKey, secret: alan!.secret })).status).toBe(200);
  });
});
