import { describe, expect, it } from 'vitest';
import { tradeFilterProblem, tradeFilterVariables } from './tradeFilters';

describe('tradeFilterVariables', () => {
  it('should send no filter for empty fields', () => {
    expect(tradeFilterVariables({ symbol: '  ', side: null, fromDate: '', toDate: '' })).toEqual({
      symbol: null,
      side: null,
      from: null,
      to: null,
    });
  });

  it('should upper-case the symbol and make the end date inclusive of its whole day', () => {
    const vars = tradeFilterVariables({ symbol: ' btc/usdt ', side: 'buy', fromDate: '2026-12-01', toDate: '2026-12-03' });
    expect(vars.symbol).toBe('BTC/USDT');
    expect(vars.side).toBe('buy');
    expect(vars.from).toBe(new Date(2026, 11, 1).toISOString());
    expect(vars.to).toBe(new Date(2026, 11, 4).toISOString());
  });
});

describe('tradeFilterProblem', () => {
  it('should refuse a range that ends before it starts', () => {
    expect(tradeFilterProblem({ symbol: '', side: null, fromDate: '2026-12-03', toDate: '2026-12-01' })).toMatch(/after the end/);
    expect(tradeFilterProblem({ symbol: '', side: null, fromDate: '2026-12-01', toDate: '2026-12-01' })).toBeNull();
  });
});
