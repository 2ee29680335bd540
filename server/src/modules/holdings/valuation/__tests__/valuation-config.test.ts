import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import { pricingSourceFor, priceSchedules } from '../price-handlers';

describe('valuation settings', () => {
  it('should value in USD from Kraken when nothing is set', () => {
    const env = parseEnv({});
    expect(env.PRICING_VENUE).toBe('kraken');
    expect(env.REFERENCE_CURRENCY).toBe('USD');
    expect(priceSchedules(env)).toEqual([expect.objectContaining({ everyMs: 300_000 })]);
  });

  it('should refuse a reference currency that is not a code in capitals, or an unknown venue', () => {
    expect(() => parseEnv({ REFERENCE_CURRENCY: 'usd' })).toThrow(/REFERENCE_CURRENCY/);
    expect(() => parseEnv({ REFERENCE_CURRENCY: 'US D' })).toThrow(/REFERENCE_CURRENCY/);
    expect(() => parseEnv({ PRICING_VENUE: 'nasdaq' })).toThrow(/PRICING_VENUE/);
  });

  it('should schedule no refresh and build no source when valuation is off', () => {
    const env = parseEnv({ PRICING_VENUE: 'none' });
    expect(priceSchedules(env)).toEqual([]);
    expect(pricingSourceFor(env)).toBeNull();
  });

  it('should never reach a real venue under test: a source only through a configured base URL', () => {
    expect(pricingSourceFor(parseEnv({ NODE_ENV: 'test' }))).toBeNull();
    const viaDouble = pricingSourceFor(parseEnv({ NODE_ENV: 'test', EXCHANGE_API_BASE_KRAKEN: 'http://127.0.0.1:9' }));
    expect(viaDouble?.venue).toBe('kraken');
  });
});
