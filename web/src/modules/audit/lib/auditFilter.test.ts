import { describe, expect, it } from 'vitest';
import { auditExportUrl, emptyAuditFilterForm, toAuditFilter, validateAuditFilter } from './auditFilter';

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

  it('should map the filter to the export parameters from, to, actor and resource', () => {
    const url = auditExportUrl({
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-31T00:00:00.000Z',
      actorId: 'u 1',
      resourceType: 'users',
      action: 'user.created',
      outcome: 'allowed',
    });
    const params = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/v1/audit?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      from: '2030-01-01T00:00:00.000Z',
      to: '2030-01-31T00:00:00.000Z',
      actor: 'u 1',
      resource: 'users',
    });
  });
});
