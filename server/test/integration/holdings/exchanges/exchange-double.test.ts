import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeDouble, type ExchangeDouble } from '../../../doubles/exchanges/exchange-double';
import { sampleCredentials, sampleKey } from '../../../doubles/exchanges/sample-accounts';
import { adapterFor } from '@/modules/holdings/exchanges/exchange-venues';

// The double's own guards, which the bench and the browser journey rely on.

describe('exchange double', () => {
  let venue: ExchangeDouble;
  const credentials = sampleCredentials('binance', 'double');

  const signedGet = (path: string, query: string, secret: string, apiKey = credentials.apiKey) => {
    const signature = createHmac('sha256', secret).update(query).digest('hex');
    return fetch(`${venue.url}${path}?${query}&signature=${signature}`, { headers: { 'X-MBX-APIKEY': apiKey } });
  };

  beforeAll(async () => {
    venue = await startExchangeDouble('binance');
    venue.addKey(sampleKey('binance', credentials, 'read_only'));
  });
  afterAll(async () => venue.close());

  it('should answer a correctly signed request and refuse a tampered one with -1022, an unknown key with -2015', async () => {
    const query = `timestamp=${Date.now()}&recvWindow=5000`;
    expect((await signedGet('/api/v3/account', query, credentials.secret)).status).toBe(200);
    const tampered = await signedGet('/api/v3/account', query, 'not-the-secret');
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toMatchObject({ code: -1022 });
    const unknown = await signedGet('/api/v3/account', query, credentials.secret, 'account-nobody');
    expect(await unknown.json()).toMatchObject({ code: -2015 });
  });

  it('should refuse a request outside its recvWindow with -1021', async () => {
    const stale = await signedGet('/api/v3/account', `timestamp=${Date.now() - 60_000}&recvWindow=5000`, credentials.secret);
    expect(await stale.json()).toMatchObject({ code: -1021 });
  });

  it('should enforce a per-key limit with Retry-After, and count requests sent during it', async () => {
    const limited = sampleCredentials('binance', 'limited');
    venue.addKey({
      ...sampleKey('binance', limited, 'read_only'),
      limit: { requests: 2, windowMs: 60_000, retryAfterSeconds: 9 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await signedGet('/api/v3/account', `timestamp=${Date.now()}&recvWindow=5000`, limited.secret, limited.apiKey);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(venue.stats.sentDuringRetryAfter).toBe(1);
  });

  it('should add the configured latency', async () => {
    venue.setLatency(120);
    const started = Date.now();
    await fetch(`${venue.url}/api/v3/time`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    venue.setLatency(undefined);
  });

  it('should answer an unknown path 404, as the venue would', async () => {
    expect((await fetch(`${venue.url}/api/v3/order`, { method: 'POST' })).status).toBe(404);
  });

  it('should let an adapter reuse markets across calls: the market list is read once per TTL', async () => {
    const adapter = adapterFor('binance', { baseUrls: { binance: venue.url }, enableRateLimit: false });
    const before = venue.requests.filter((r) => r.path === '/api/v3/exchangeInfo').length;
    await adapter.fetchBalances(credentials);
    await adapter.fetchBalances(credentials);
    await adapter.fetchActivitySince(credentials, undefined);
    expect(venue.requests.filter((r) => r.path === '/api/v3/exchangeInfo').length - before).toBe(1);
    const uncached = adapterFor('binance', { baseUrls: { binance: venue.url }, enableRateLimit: false, marketCacheMs: 0 });
    await uncached.fetchBalances(credentials);
    await uncached.fetchBalances(credentials);
    expect(venue.requests.filter((r) => r.path === '/api/v3/exchangeInfo').length - before).toBe(3);
  });
});
