import { describe, expect, it } from 'vitest';
import { evaluateBinanceScope } from '../venues/binance.scope';

const readOnly = {
  ipRestrict: true,
  createTime: 1_700_000_000_000,
  enableReading: true,
  enableSpotAndMarginTrading: false,
  enableWithdrawals: false,
  enableInternalTransfer: false,
  enableMargin: false,
  enableFutures: false,
  permitsUniversalTransfer: false,
  enableVanillaOptions: false,
};

describe('evaluateBinanceScope', () => {
  it('should accept a key that can only read', () => {
    expect(evaluateBinanceScope(readOnly)).toMatchObject({ verdict: 'read_only', offending: [] });
  });

  it.each([
    'enableSpotAndMarginTrading',
    'enableWithdrawals',
    'enableInternalTransfer',
    'enableMargin',
    'enableFutures',
    'permitsUniversalTransfer',
    'enableVanillaOptions',
  ])('should name %s when it is on', (flag) => {
    expect(evaluateBinanceScope({ ...readOnly, [flag]: true })).toMatchObject({ verdict: 'too_broad', offending: [flag] });
  });

  it('should call an enable* flag Binance adds later too broad when it is on (any flag beyond reading grants something)', () => {
    expect(evaluateBinanceScope({ ...readOnly, enableCopyTrading: true })).toMatchObject({
      verdict: 'too_broad',
      offending: ['enableCopyTrading'],
    });
  });

  it.each(['enableReading', 'enableWithdrawals', 'permitsUniversalTransfer'])('should be unknown when %s is missing', (flag) => {
    const answer: Record<string, unknown> = { ...readOnly };
    delete answer[flag];
    expect(evaluateBinanceScope(answer).verdict).toBe('unknown');
  });

  it('should be unknown when a flag is not a boolean ("false" is not false)', () => {
    expect(evaluateBinanceScope({ ...readOnly, enableWithdrawals: 'false' }).verdict).toBe('unknown');
    expect(evaluateBinanceScope({ ...readOnly, enableFutures: null }).verdict).toBe('unknown');
  });

  it('should be unknown for a key that cannot read, and for answers that are not objects', () => {
    expect(evaluateBinanceScope({ ...readOnly, enableReading: false }).verdict).toBe('unknown');
    for (const answer of [null, undefined, [], 'ok', 42, [readOnly]])
      expect(evaluateBinanceScope(answer).verdict).toBe('unknown');
  });

  it('should read the trading-authority expiry and keep only whitelisted fields', () => {
    const result = evaluateBinanceScope({
      ...readOnly,
      tradingAuthorityExpirationTime: 1_900_000_000_000,
      apiKey: 'leak',
      secretKey: 'leak',
    });
    expect(result.expiresAt).toEqual(new Date(1_900_000_000_000));
    expect(JSON.stringify(result.venueAnswer)).not.toContain('leak');
  });
});
