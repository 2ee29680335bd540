import { describe, expect, it } from 'vitest';
import { byAttentionNeeded, connectionStatusLook } from './connectionStatus';

describe('connectionStatusLook', () => {
  it.each([
    ['active', 'teal', 'Active'],
    ['broken', 'red', 'Broken'],
    ['suspended', 'orange', 'Suspended'],
    ['scope_unverified', 'orange', 'Scope unverified'],
    ['removed', 'gray', 'Removed'],
  ])('should show %s as %s "%s"', (status, color, label) => {
    expect(connectionStatusLook(status)).toMatchObject({ color, label });
  });

  it('should show a status it does not know in gray with its own words when the server adds one', () => {
    expect(connectionStatusLook('paused_by_venue')).toMatchObject({ color: 'gray', label: 'paused by venue' });
  });
});

describe('byAttentionNeeded', () => {
  it('should put broken first, then orange, then healthy, the longest failing first within a status', () => {
    const rows = [
      { id: 'ok', status: 'active', failingSince: null },
      { id: 'recent', status: 'broken', failingSince: '2026-12-03T08:00:00Z' },
      { id: 'old', status: 'broken', failingSince: '2026-12-01T08:00:00Z' },
      { id: 'wide', status: 'suspended', failingSince: null },
      { id: 'flaky', status: 'active', failingSince: '2026-12-03T07:00:00Z' },
    ];
    expect([...rows].sort(byAttentionNeeded).map((r) => r.id)).toEqual(['old', 'recent', 'wide', 'flaky', 'ok']);
  });
});
