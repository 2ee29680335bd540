import { describe, expect, it } from 'vitest';
import { keyExpiry } from './keyExpiry';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const inMs = (ms: number) => new Date(NOW + ms).toISOString();
const DAY = 86_400_000;

describe('keyExpiry', () => {
  it('should show nothing when the venue reported no expiry', () => {
    expect(keyExpiry(null, NOW)).toBeNull();
  });

  it('should count down in days, gray when far off', () => {
    expect(keyExpiry(inMs(40 * DAY), NOW)).toEqual({ text: 'Key expires in 40 days', color: 'gray' });
  });

  it('should turn orange inside two weeks', () => {
    expect(keyExpiry(inMs(13 * DAY), NOW)).toEqual({ text: 'Key expires in 13 days', color: 'orange' });
  });

  it('should count in hours under two days so "1 day" never hides that it dies tonight', () => {
    expect(keyExpiry(inMs(30 * 3_600_000), NOW)?.text).toBe('Key expires in 30 hours');
    expect(keyExpiry(inMs(90_000), NOW)?.text).toBe('Key expires in 2 minutes');
  });

  it('should say red that the key expired when the date is past', () => {
    expect(keyExpiry(inMs(-3 * DAY), NOW)).toEqual({ text: 'Key expired 3 days ago', color: 'red' });
  });

  it('should show nothing for a date it cannot read', () => {
    expect(keyExpiry('not a date', NOW)).toBeNull();
  });
});
