import { describe, expect, it } from 'vitest';
import { formatMoney, formatTotalValue, roundToCents } from './holdingValue';

describe('roundToCents', () => {
  it('should round half up on the digits when there are more than two decimals', () => {
    expect(roundToCents('20752.02502')).toBe('20752.03');
    expect(roundToCents('0.005')).toBe('0.01');
    expect(roundToCents('0.004999')).toBe('0.00');
    expect(roundToCents('15000.05')).toBe('15000.05');
  });

  it('should keep precision a float would lose when the number is large', () => {
    expect(roundToCents('12345678901234567.895')).toBe('12345678901234567.90');
  });

  it('should pad whole numbers and keep the sign when the value is negative', () => {
    expect(roundToCents('31000')).toBe('31000.00');
    expect(roundToCents('-1.239')).toBe('-1.24');
    expect(roundToCents('-0.001')).toBe('0.00');
  });
});

describe('formatMoney', () => {
  it('should group thousands with the currency symbol when the currency has one', () => {
    expect(formatMoney('20752.02502', 'USD')).toBe('$20,752.03');
    expect(formatMoney('0', 'USD')).toBe('$0.00');
  });

  it('should fall back to the code when the currency has no symbol or is unknown', () => {
    expect(formatMoney('1234.5', 'XYZ')).toBe('1,234.50 XYZ');
    expect(formatMoney('1234.5', '')).toBe('1,234.50');
  });
});

describe('formatTotalValue', () => {
  it('should add the unpriced count to the sum when some assets have no price', () => {
    expect(formatTotalValue('12340', 2, 'USD')).toBe('$12,340.00 + 2 unpriced');
  });

  it('should show only the count, never $0.00, when nothing held is priced', () => {
    expect(formatTotalValue(null, 3, 'USD')).toBe('3 unpriced');
  });

  it('should show a dash when nothing is held or balances are not readable', () => {
    expect(formatTotalValue(null, 0, 'USD')).toBe('—');
    expect(formatTotalValue(null, null, 'USD')).toBe('—');
  });

  it('should show the sum alone when every asset is priced', () => {
    expect(formatTotalValue('250.55', 0, 'USD')).toBe('$250.55');
  });
});
