import { describe, expect, it } from 'vitest';
import {
  actionOptions,
  auditExportUrl,
  emptyAuditFilterForm,
  looksLikeActorId,
  toAuditFilter,
  validateAuditFilter,
} from './auditFilter';

describe('toAuditFilter', () => {
  it('should send no fields when the form is empty', () => {
    expect(toAuditFilter(emptyAuditFilterForm)).toEqual({});
  });

  it('should trim text fields and drop blank ones', () => {
    expect(toAuditFilter({ ...emptyAuditFilterForm, actorId: '  u-1 ', action: '   ', resourceType: 'users' })).toEqual({
      actorId: 'u-1',
      resourceType: 'users',
    });
  });

  it('should convert local date-times to ISO instants', () => {
    const filter = toAuditFilter({ ...emptyAuditFilterForm, from: '2030-01-02T03:04' });
    expect(filter.from).toBe(new Date(2030, 0, 2, 3, 4).toISOString());
  });

  it('should pass the outcome through when one is chosen', () => {
    expect(toAuditFilter({ ...emptyAuditFilterForm, outcome: 'denied' })).toEqual({ outcome: 'denied' });
  });
});

describe('validateAuditFilter', () => {
  it('should refuse a range whose start is after its end', () => {
    expect(validateAuditFilter({ ...emptyAuditFilterForm, from: '2030-01-02T00:00', to: '2030-01-01T00:00' })).toMatch(/after/);
  });

  it('should accept an open-ended range', () => {
    expect(validateAuditFilter({ ...emptyAuditFilterForm, from: '2030-01-02T00:00' })).toBeNull();
  });
});

describe('auditExportUrl', () => {
  it('should be the bare endpoint when there is no filter', () => {
    expect(auditExportUrl({})).toBe('/api/v1/audit');
  });

  it('should carry every filter the list applies into the export parameters', () => {
    const url = auditExportUrl({
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-31T00:00:00.000Z',
      actorId: 'u 1',
      resourceType: 'users',
      action: 'mutation.*',
      outcome: 'allowed',
      writesOnly: true,
    });
    const params = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/v1/audit?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-31T00:00:00.000Z',
      actor: 'u 1',
      resource: 'users',
      action: 'mutation.*',
      outcome: 'allowed',
      writesOnly: 'true',
    });
  });

  it('should refuse an action with a * anywhere but at its end, and send writesOnly only when on', () => {
    expect(validateAuditFilter({ ...emptyAuditFilterForm, action: 'mutation.*' })).toBeNull();
    expect(validateAuditFilter({ ...emptyAuditFilterForm, action: '*.createUser' })).toMatch(/prefix ending in \*/);
    expect(toAuditFilter({ ...emptyAuditFilterForm, writesOnly: false })).toEqual({});
    expect(toAuditFilter({ ...emptyAuditFilterForm, writesOnly: true })).toEqual({ writesOnly: true });
  });
});

describe('actionOptions', () => {
  it('should offer a prefix for each family of actions before the actions themselves', () => {
    expect(actionOptions(['audit.export_csv', 'mutation.createUser', 'query.users'])).toEqual([
      'audit.*',
      'mutation.*',
      'query.*',
      'audit.export_csv',
      'mutation.createUser',
      'query.users',
    ]);
    expect(actionOptions([])).toEqual([]);
  });

  it('should give prefixes only in the form the filter accepts', () => {
    for (const option of actionOptions(['query.auditEntries', 'graphql.rejected'])) {
      expect(validateAuditFilter({ ...emptyAuditFilterForm, action: option })).toBeNull();
    }
  });
});

describe('looksLikeActorId', () => {
  it('should take a UUID as an id and a name or an email as text to look up', () => {
    expect(looksLikeActorId(' 3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70 ')).toBe(true);
    expect(looksLikeActorId('Ada Admin')).toBe(false);
    expect(looksLikeActorId('ada@acme.test')).toBe(false);
  });

  it('should never send the shown label of a picked actor', () => {
    expect(toAuditFilter({ ...emptyAuditFilterForm, actorId: 'u-1', actorLabel: 'Ada Admin <ada@acme.test>' })).toEqual({
      actorId: 'u-1',
    });
  });
});
