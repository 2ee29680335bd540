import { describe, expect, it } from 'vitest';
import type { Trade, Transaction } from 'ccxt';
import { toDecimal } from '../decimal';
import { balanceLines, tradeRecord, transferRecord } from '../ccxt-normalise';
import { advance, parseCursor, serialiseCursor } from '../activity-cursor';

describe('normalising ccxt structures', () => {
  it('should refuse a float amount rather than round it', () => {
    expect(toDecimal('0.10000000', 'x')).toBe('0.10000000');
    expect(() => toDecimal(0.1, 'x')).toThrow(/not a decimal/);
    expect(() => toDecimal('1e-8', 'x')).toThrow();
    expect(() => toDecimal('NaN', 'x')).toThrow();
  });

  it('should keep non-zero balances only and derive free from total and used', () => {
    const balances = {
      info: {},
      free: {},
      used: {},
      total: {},
      BTC: { free: undefined, used: '0.1', total: '0.5' },
      ETH: { free: '0', used: '0', total: '0.000' },
    };
    expect(balanceLines(balances as never)).toEqual([{ asset: 'BTC', free: '0.4', used: '0.1', total: '0.5' }]);
  });

  it('should keep a trade id as the venue wrote it and refuse a trade without one', () => {
    const trade = {
      id: '98765432109876543219',
      order: '1',
      symbol: 'BTC/USDT',
      side: 'buy',
      amount: '0.1',
      price: '30000',
      cost: '3000',
      timestamp: 1,
      fee: { currency: 'BTC', cost: '0.0001' },
    };
    expect(tradeRecord(trade as unknown as Trade).venueId).toBe('98765432109876543219');
    expect(() => tradeRecord({ ...trade, id: undefined } as unknown as Trade)).toThrow(/trade id/);
    expect(() => tradeRecord({ ...trade, id: 9.007199254740993e18 } as unknown as Trade)).toThrow(/trade id/);
  });

  it('should identify a transfer without an id by its txid (KuCoin deposits)', () => {
    const tx = { txid: '0xabc', currency: 'BTC', amount: '1', timestamp: 1, status: 'ok', type: 'deposit' };
    expect(transferRecord(tx as unknown as Transaction, 'deposit').venueId).toBe('txid:0xabc');
    expect(() => transferRecord({ ...tx, txid: undefined } as unknown as Transaction, 'deposit')).toThrow(/neither id nor txid/);
  });

  it('should round-trip the cursor, never move it back, and refuse a corrupt one', () => {
    const cursor = { v: 1 as const, trades: 5, tradesBySymbol: { 'BTC/USDT': 7 }, held: ['BTC'], quietAt: 9 };
    expect(parseCursor(serialiseCursor(cursor))).toEqual(cursor);
    // A cursor stored before the held assets were kept reads as holding none.
    expect(parseCursor('{"v":1,"trades":5,"tradesBySymbol":{}}')).toEqual({ v: 1, trades: 5, tradesBySymbol: {}, held: [] });
    expect(advance(10, [3, 4])).toBe(10);
    expect(advance(undefined, [3, 4])).toBe(4);
    expect(() => parseCursor('{"v":2}')).toThrow();
    expect(() => parseCursor('{"v":1,"trades":-1}')).toThrow();
  });
});
