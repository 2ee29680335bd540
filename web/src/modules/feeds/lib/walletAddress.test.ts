import { describe, expect, it } from 'vitest';
import { shortAddress, unitsText, walletAddressProblem } from './walletAddress';

describe('walletAddressProblem', () => {
  it('should accept a 0x address of 40 hex digits in any case', () => {
    expect(walletAddressProblem('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBeNull();
    expect(walletAddressProblem('  0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ')).toBeNull();
  });

  it.each([
    ['', /Paste/],
    ['vitalik.eth', /ENS/],
    ['5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', /starts with 0x/],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea', /38/],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg', /0–9 and a–f/],
    ['0x0000000000000000000000000000000000000000', /zero address/],
  ])('should refuse %j', (input, message) => {
    expect(walletAddressProblem(input)).toMatch(message);
  });
});

describe('shortAddress', () => {
  it('should keep the first six and last four characters', () => {
    expect(shortAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe('0x5aAe…eAed');
  });
});

describe('unitsText', () => {
  it.each([
    ['1500000', 6, '1.5'],
    ['700', 6, '0.0007'],
    ['0', 18, '0'],
    ['1000000000000000000', 18, '1'],
    ['42', 0, '42'],
    ['-2500', 3, '-2.5'],
  ])('should write %s with %d decimals as %s', (amount, decimals, text) => {
    expect(unitsText(amount, decimals)).toBe(text);
  });

  it('should leave anything that is not an integer as it is', () => {
    expect(unitsText('1.5', 6)).toBe('1.5');
  });
});
