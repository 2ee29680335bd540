import { describe, expect, it } from 'vitest';
import { findBadText, textProblem } from '../input-text';

describe('input text', () => {
  it('should accept ordinary text, control characters other than NUL, and surrogate pairs', () => {
    for (const s of ['', 'plain', 'tab\there\r\nline', 'émoji 😀', '\u{10FFFF}']) expect(textProblem(s, 100)).toBeUndefined();
  });

  it('should name NUL, a lone surrogate of either half, and a string over the limit', () => {
    expect(textProblem('a\u0000', 100)).toBe('nul');
    expect(textProblem('a\ud800', 100)).toBe('lone_surrogate');
    expect(textProblem('\udc00a', 100)).toBe('lone_surrogate');
    expect(textProblem('x'.repeat(101), 100)).toBe('too_long');
  });

  it('should find a bad string anywhere in a JSON value, with its path, without echoing a bad key', () => {
    expect(findBadText({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] }, 100, '$')).toEqual({ path: '$.a[2].c', problem: 'nul' });
    expect(findBadText({ ['k\u0000']: 1 }, 100, '$')).toEqual({ path: '$.*', problem: 'nul' });
    expect(findBadText({ a: 'ok', b: [true, null, 3] }, 100)).toBeUndefined();
  });

  it('should walk a nesting deeper than the call stack when a client sends one', () => {
    let deep: unknown = 'a\ud800';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findBadText(deep, 100)?.problem).toBe('lone_surrogate');
  });
});
