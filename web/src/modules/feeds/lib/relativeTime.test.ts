import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('relativeTime', () => {
  it('should say "now" within a few seconds', () => {
    expect(relativeTime(at(2_000), NOW)).toBe('now');
  });

  it('should say "in …" for the future and "… ago" for the past', () => {
    expect(relativeTime(at(90_000), NOW)).toBe('in 2 minutes');
    expect(relativeTime(at(-3 * 3_600_000), NOW)).toBe('3 hours ago');
    expect(relativeTime(at(-1_000 * 20), NOW)).toBe('20 seconds ago');
  });
});
