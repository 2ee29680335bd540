import { describe, expect, it } from 'vitest';
import { alertActionBlockedReason, alertFilterOf, bySeverity, NOTE_MAX_LENGTH, noteProblem } from './alertQueue';

describe('alertFilterOf', () => {
  it('should ask for open and acknowledged alerts when the view is the working queue', () => {
    expect(alertFilterOf('unresolved', [])).toEqual({ status: ['OPEN', 'ACKNOWLEDGED'] });
  });

  it('should ask for no status and the chosen severities when the view is all', () => {
    expect(alertFilterOf('all', ['CRITICAL', 'HIGH'])).toEqual({ severity: ['CRITICAL', 'HIGH'] });
  });

  it('should ask for one status when one is picked', () => {
    expect(alertFilterOf('resolved', [])).toEqual({ status: ['RESOLVED'] });
  });
});

describe('alertActionBlockedReason', () => {
  it('should block both actions with the missing permission named when the role cannot write', () => {
    expect(alertActionBlockedReason('acknowledge', 'OPEN', false)).toMatch(/alerts:write/);
    expect(alertActionBlockedReason('resolve', 'OPEN', false)).toMatch(/alerts:write/);
  });

  it('should allow acknowledging only an open alert', () => {
    expect(alertActionBlockedReason('acknowledge', 'OPEN', true)).toBeNull();
    expect(alertActionBlockedReason('acknowledge', 'ACKNOWLEDGED', true)).toMatch(/Already/);
    expect(alertActionBlockedReason('acknowledge', 'RESOLVED', true)).toMatch(/never reopen/);
  });

  it('should allow resolving an open or acknowledged alert, never a resolved one', () => {
    expect(alertActionBlockedReason('resolve', 'OPEN', true)).toBeNull();
    expect(alertActionBlockedReason('resolve', 'ACKNOWLEDGED', true)).toBeNull();
    expect(alertActionBlockedReason('resolve', 'RESOLVED', true)).toMatch(/resolved/);
  });
});

describe('noteProblem', () => {
  it('should require a resolution note but not an acknowledgement note', () => {
    expect(noteProblem('   ', true)).toMatch(/Say how/);
    expect(noteProblem('   ', false)).toBeNull();
  });

  it('should refuse a note longer than the server accepts, or one holding NUL', () => {
    expect(noteProblem('x'.repeat(NOTE_MAX_LENGTH + 1), true)).toMatch(/At most/);
    expect(noteProblem('x'.repeat(NOTE_MAX_LENGTH), true)).toBeNull();
    expect(noteProblem('a\u0000b', false)).toMatch(/not text/);
  });

  it('should accept a note with surrounding whitespace', () => {
    expect(noteProblem('  Rotated the key.  ', true)).toBeNull();
  });
});

describe('bySeverity', () => {
  it('should put the most severe first and keep the order within a severity', () => {
    const items = [
      { severity: 'LOW' as const, n: 1 },
      { severity: 'CRITICAL' as const, n: 2 },
      { severity: 'LOW' as const, n: 3 },
      { severity: 'HIGH' as const, n: 4 },
    ];
    expect(bySeverity(items).map((i) => i.n)).toEqual([2, 4, 1, 3]);
  });
});
