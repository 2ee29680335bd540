import { describe, expect, it } from 'vitest';
import { canonicalDecimal } from '../decimal-text';
import { parseJsonKeepingNumbers } from '../lossless-json';

describe('canonicalDecimal', () => {
  it('should give the plain canonical form of a JSON number’s text when it is one', () => {
    const cases: [string, string][] = [
      ['0', '0'],
      ['-0', '0'],
      ['0.000', '0'],
      ['007.50', '7.5'],
      ['1234.567890123456789012', '1234.567890123456789012'],
      ['1.50e2', '150'],
      ['1e-7', '0.0000001'],
      ['-3.1e-2', '-0.031'],
      ['12E+3', '12000'],
      ['123456789012345678901234567890', '123456789012345678901234567890'],
    ];
    for (const [input, expected] of cases) expect(canonicalDecimal(input), input).toBe(expected);
  });

  it('should refuse anything that is not a number, or one too far from the point, when asked', () => {
    for (const bad of ['', 'NaN', 'Infinity', '1,5', '0x10', '1e999', '1e-61', ' 1', '1.', '.5', '+1', '1e']) {
      expect(canonicalDecimal(bad), bad).toBeUndefined();
    }
  });
});

describe('parseJsonKeepingNumbers', () => {
  it('should keep each number’s own text and leave strings alone when parsing', () => {
    expect(parseJsonKeepingNumbers('[{"a":0.12345678901234567890,"b":"-1e5 [\\"x\\"] 3","c":[-1e-7,true,null]}]')).toEqual([
      { a: { $n: '0.12345678901234567890' }, b: '-1e5 ["x"] 3', c: [{ $n: '-1e-7' }, true, null] },
    ]);
  });

  it('should refuse what is not JSON when parsing', () => {
    for (const bad of ['12abc', '[01]', '{"a":1', '<html>', '[1,]']) expect(() => parseJsonKeepingNumbers(bad), bad).toThrow();
  });
});
