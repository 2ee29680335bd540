import { describe, expect, it } from 'vitest';
import { ProgressiveDelay } from '../progressive-delay';

// The in-memory form (embedded mode); the Redis form is attacked in
// test/integration/identity/attempt-limits.test.ts.
describe('progressive delay without Redis', () => {
  const make = (clock: { now: number }) =>
    new ProgressiveDelay(
      {
        name: 't',
        keyPrefix: 'p:',
        freeFailures: 3,
        baseDelayMs: 1000,
        maxDelayMs: 4000,
        windowSeconds: 60,
        knownSourceSeconds: 60,
      },
      () => clock.now,
    );

  it('should let the free failures through, then double the wait up to the cap, never refusing for longer', async () => {
    const clock = { now: 1_000_000 };
    const delay = make(clock);
    for (let i = 0; i < 3; i++) expect(await delay.take('a')).toBe(0);
    expect(await delay.take('a')).toBe(1000);
    clock.now += 1000;
    expect(await delay.take('a')).toBe(0);
    expect(await delay.take('a')).toBe(2000);
    clock.now += 2000;
    expect(await delay.take('a')).toBe(0);
    expect(await delay.take('a')).toBe(4000);
    clock.now += 4000;
    expect(await delay.take('a')).toBe(0);
    expect(await delay.take('a')).toBe(4000);
    expect(await delay.take('b')).toBe(0);
  });

  it('should start again after a success and know the source it came from', async () => {
    const clock = { now: 1_000_000 };
    const delay = make(clock);
    for (let i = 0; i < 4; i++) await delay.take('a');
    expect(await delay.isKnown('a', '192.0.2.1')).toBe(false);
    await delay.succeeded('a', '192.0.2.1');
    expect(await delay.isKnown('a', '192.0.2.1')).toBe(true);
    expect(await delay.take('a')).toBe(0);
    clock.now += 61_000;
    expect(await delay.isKnown('a', '192.0.2.1')).toBe(false);
  });
});
