import { describe, expect, it } from 'vitest';
import { nextPollText } from './nextPoll';

const NOW = Date.parse('2026-12-03T09:00:00Z');

describe('nextPollText', () => {
  it('should count down to the next poll of a polled connection', () => {
    expect(nextPollText('active', '2026-12-03T09:00:40Z', NOW)).toBe('in 40 seconds');
  });

  it('should say "due now" rather than "… ago" when the poll is overdue', () => {
    expect(nextPollText('active', '2026-12-03T08:59:50Z', NOW)).toBe('due now');
  });

  it('should say no poll is coming when the connection is broken, whatever date is stored', () => {
    expect(nextPollText('broken', '2026-12-03T08:59:50Z', NOW)).toBe('not polled while broken');
    expect(nextPollText('suspended', null, NOW)).toBe('not polled while suspended');
  });

  it('should say it is being scheduled when a polled connection has no date yet', () => {
    expect(nextPollText('scope_unverified', null, NOW)).toBe('being scheduled');
  });
});
