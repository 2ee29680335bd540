import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_API_BASE_ENV, exchangeBaseUrlsFromEnv } from '../exchange-api-base';

const schema = z.object(EXCHANGE_API_BASE_ENV);

describe('EXCHANGE_API_BASE_* settings', () => {
  it('should map the parsed settings to venue ids, leaving unset venues out', () => {
    const env = schema.parse({
      EXCHANGE_API_BASE_BINANCE: 'http://127.0.0.1:9001',
      EXCHANGE_API_BASE_OKX: 'https://eea.okx.com',
    });
    expect(exchangeBaseUrlsFromEnv(env)).toEqual({ binance: 'http://127.0.0.1:9001', okx: 'https://eea.okx.com' });
  });

  it('should have one setting per venue', () => {
    expect(Object.keys(EXCHANGE_API_BASE_ENV).sort()).toEqual(
      ['BINANCE', 'BYBIT', 'COINBASE', 'GEMINI', 'KRAKEN', 'KUCOIN', 'OKX'].map((v) => `EXCHANGE_API_BASE_${v}`),
    );
  });

  it.each(['ftp://127.0.0.1', 'javascript:alert(1)', '127.0.0.1:9001', ''])('should refuse %j', (value) => {
    expect(schema.safeParse({ EXCHANGE_API_BASE_KRAKEN: value }).success).toBe(false);
  });
});
