import { describe, expect, it } from 'vitest';
import { pricingSymbols, tickerPrice } from '../pricing-symbols';

const MARKETS = {
  'BTC/USD': { spot: true, active: true },
  'USDT/USD': { spot: true, active: true },
  'ETH/USD': { spot: true, active: false },
  'SOL/USD': { spot: false, active: true },
  'DOT/EUR': { spot: true, active: true },
};

describe('pricingSymbols', () => {
  it('should ask each held asset’s own <ASSET>/<QUOTE> spot market once, stablecoins included', () => {
    expect(pricingSymbols(['USDT', 'BTC', 'BTC'], 'USD', MARKETS)).toEqual([
      { asset: 'BTC', symbol: 'BTC/USD' },
      { asset: 'USDT', symbol: 'USDT/USD' },
    ]);
  });

  it('should leave out the reference currency, inactive or non-spot markets and other quotes when they are held', () => {
    expect(pricingSymbols(['USD', 'ETH', 'SOL', 'DOT', 'DOGE'], 'USD', MARKETS)).toEqual([]);
  });

  it('should ask nothing when the venue has no markets loaded', () => {
    expect(pricingSymbols(['BTC'], 'USD', undefined)).toEqual([]);
  });
});

describe('tickerPrice', () => {
  it('should take the last trade, else the close, as the decimal string the venue wrote', () => {
    expect(tickerPrice({ last: '30000.10', close: '1' })).toBe('30000.10');
    expect(tickerPrice({ last: undefined, close: '0.9998' })).toBe('0.9998');
  });

  it('should give no price when the ticker has none or a zero, negative or float one', () => {
    expect(tickerPrice(undefined)).toBeUndefined();
    expect(tickerPrice({})).toBeUndefined();
    expect(tickerPrice({ last: '0' })).toBeUndefined();
    expect(tickerPrice({ last: '0.000' })).toBeUndefined();
    expect(tickerPrice({ last: '-1' })).toBeUndefined();
    expect(tickerPrice({ last: 30000.1 })).toBeUndefined();
    expect(tickerPrice({ last: '1e5' })).toBeUndefined();
  });
});
