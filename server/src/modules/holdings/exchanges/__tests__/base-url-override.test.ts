import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { apiUrlsOf, applyBaseUrlOverride, rewriteUrl } from '../base-url-override';

const VENUES = ['binance', 'coinbase', 'kraken', 'okx', 'bybit', 'kucoin', 'gemini'] as const;
const construct = (venue: (typeof VENUES)[number]) => new ccxt[venue]();

describe('base URL override', () => {
  it('should keep the path of a group and replace only its origin', () => {
    expect(rewriteUrl('https://api.binance.com/sapi/v1', 'http://127.0.0.1:9001')).toBe('http://127.0.0.1:9001/sapi/v1');
    expect(rewriteUrl('https://kucoin.com/_api', 'http://127.0.0.1:9001/')).toBe('http://127.0.0.1:9001/_api');
    expect(rewriteUrl('https://api.kraken.com', 'http://127.0.0.1:9001')).toBe('http://127.0.0.1:9001');
    expect(rewriteUrl('https://api.binance.com/api/v3', 'https://eu.example.com/binance')).toBe(
      'https://eu.example.com/binance/api/v3',
    );
  });

  it.each(VENUES)('should leave no %s URL group pointing at the venue', (venue) => {
    const exchange = construct(venue);
    const before = apiUrlsOf(exchange);
    applyBaseUrlOverride(exchange, 'http://127.0.0.1:9001');
    const after = apiUrlsOf(exchange);
    expect(after).toHaveLength(before.length);
    expect(after.filter((url) => !url.startsWith('http://127.0.0.1:9001'))).toEqual([]);
    // Paths survive: the groups still differ where they differed by path.
    expect(after.map((url) => url.slice('http://127.0.0.1:9001'.length))).toEqual(
      before.map((url) => new URL(url).pathname.replace(/^\/$/, '')),
    );
  });

  it('should fill the OKX and Bybit host templates before rewriting', () => {
    const okx = construct('okx');
    applyBaseUrlOverride(okx, 'http://127.0.0.1:9001');
    expect(apiUrlsOf(okx).some((url) => url.includes('{hostname}'))).toBe(false);
    expect(JSON.stringify(okx.urls.api)).not.toContain('{hostname}');
  });

  it('should rewrite the testnet groups when applied after setSandboxMode', () => {
    const binance = construct('binance');
    binance.setSandboxMode(true);
    applyBaseUrlOverride(binance, 'http://127.0.0.1:9001');
    expect(apiUrlsOf(binance).every((url) => url.startsWith('http://127.0.0.1:9001/'))).toBe(true);
  });

  it('should refuse a base that is not http(s) or carries a query', () => {
    const exchange = construct('kraken');
    expect(() => applyBaseUrlOverride(exchange, 'file:///etc/passwd')).toThrow();
    expect(() => applyBaseUrlOverride(exchange, 'http://127.0.0.1:9001/?x=1')).toThrow();
    expect(() => applyBaseUrlOverride(exchange, 'not a url')).toThrow();
  });
});
