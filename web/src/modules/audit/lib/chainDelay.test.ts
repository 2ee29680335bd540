import { describe, expect, it } from 'vitest';
import { chainDelayLevel, formatChainDelay } from './chainDelay';

describe('chainDelayLevel', () => {
  it('should not flag an ordinary delay of a few hundred milliseconds', () => {
    expect(chainDelayLevel(57)).toBe('normal');
    expect(chainDelayLevel(900)).toBe('normal');
    expect(chainDelayLevel(5_000)).toBe('normal');
  });

  it('should flag a delay over five seconds as slow', () => {
    expect(chainDelayLevel(5_001)).toBe('slow');
  });

  it('should say unknown when this server does not chain', () => {
    expect(chainDelayLevel(null)).toBe('unknown');
  });
});

describe('formatChainDelay', () => {
  it('should use milliseconds below a second and seconds above', () => {
    expect(formatChainDelay(56.6)).toBe('57 ms');
    expect(formatChainDelay(5_240)).toBe('5.2 s');
    expect(formatChainDelay(64_000)).toBe('64 s');
    expect(formatChainDelay(null)).toBe('—');
  });
});
