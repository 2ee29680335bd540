import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { staleText } from './staleness';

const FETCHED = '2026-12-03T08:00:00.000Z';
const FAILING = '2026-12-03T08:30:00.000Z';

describe('staleText', () => {
  it('should say nothing while the connection polls fine', () => {
    expect(staleText({ status: 'active', failingSince: null }, FETCHED)).toBeNull();
  });

  it('should say since when it fails when polls are failing', () => {
    expect(staleText({ status: 'active', failingSince: FAILING }, FETCHED)).toBe(`Stale since ${formatDateTime(FAILING)}`);
    expect(staleText({ status: 'broken', failingSince: FAILING }, FETCHED)).toBe(`Stale since ${formatDateTime(FAILING)}`);
  });

  it('should fall back to when the balance was read when a suspended connection has no failing date', () => {
    expect(staleText({ status: 'suspended', failingSince: null }, FETCHED)).toBe(`Stale since ${formatDateTime(FETCHED)}`);
  });

  it('should say nothing when the connection is not known to the reader', () => {
    expect(staleText(undefined, FETCHED)).toBeNull();
  });
});
