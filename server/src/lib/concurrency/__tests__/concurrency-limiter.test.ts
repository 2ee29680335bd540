import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../concurrency-limiter';

const limits = (org: string, user: string) => [
  { key: 'all', max: 3 },
  { key: `org:${org}`, max: 2 },
  { key: `user:${user}`, max: 1 },
];

describe('concurrency limiter', () => {
  it('should refuse the first key at its limit and hold nothing for the refusal', () => {
    const slots = new ConcurrencyLimiter();
    expect(slots.tryAcquire(limits('a', 'u1')).ok).toBe(true);
    expect(slots.tryAcquire(limits('a', 'u1'))).toEqual({ ok: false, full: 'user:u1' });
    expect(slots.tryAcquire(limits('a', 'u2')).ok).toBe(true);
    expect(slots.tryAcquire(limits('a', 'u3'))).toEqual({ ok: false, full: 'org:a' });
    expect(slots.count('all')).toBe(2);
    expect(slots.tryAcquire(limits('b', 'u4')).ok).toBe(true);
    expect(slots.tryAcquire(limits('c', 'u5'))).toEqual({ ok: false, full: 'all' });
    expect([slots.count('all'), slots.count('org:c'), slots.count('user:u5')]).toEqual([3, 0, 0]);
  });

  it('should free every key once when a grant is released, however often release is called', () => {
    const slots = new ConcurrencyLimiter();
    const grant = slots.tryAcquire(limits('a', 'u1'));
    if (!grant.ok) throw new Error('refused');
    grant.release();
    grant.release();
    expect([slots.count('all'), slots.count('org:a'), slots.count('user:u1')]).toEqual([0, 0, 0]);
    expect(slots.tryAcquire(limits('a', 'u1')).ok).toBe(true);
  });
});
