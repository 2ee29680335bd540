import { describe, expect, it } from 'vitest';
import { type AuditRow, actorText, auditEntryFields, type NameOf, noNames, resourceText } from './auditEntryFields';

const entry: AuditRow = {
  id: 'org:7',
  seq: 7,
  at: '2030-01-02T03:04:05.000Z',
  actorType: 'user',
  actorId: 'u-1',
  actorRole: 'Admin',
  systemSource: null,
  action: 'mutation.createUser',
  resourceType: 'user',
  resourceId: 'u-2',
  dealId: null,
  ipAddress: '127.0.0.1',
  outcome: 'allowed',
  details: { justification: 'Ticket OPS-1' },
  justification: 'Ticket OPS-1',
  hash: 'ab'.repeat(32),
};

const known: Record<string, string> = { 'user:u-1': 'Ada Admin', 'user:u-2': 'Carla Compliance' };
const names: NameOf = (type, id) => known[`${type}:${id}`] ?? null;
const labels = (row: AuditRow, nameOf: NameOf = noNames) => auditEntryFields(row, nameOf, (iso) => iso).map((f) => f.label);

describe('auditEntryFields', () => {
  it('should leave out the fields that do not apply to an entry', () => {
    const system: AuditRow = {
      ...entry,
      actorType: 'system',
      actorId: null,
      actorRole: null,
      systemSource: 'chainer',
      resourceType: null,
      resourceId: null,
      ipAddress: null,
      details: {},
      justification: null,
    };
    expect(labels(system)).toEqual(['Time', 'Action', 'Outcome', 'Actor', 'Entry hash']);
  });

  it('should treat blank strings and empty details as not applying', () => {
    expect(labels({ ...entry, dealId: '  ', ipAddress: '', details: null })).not.toEqual(
      expect.arrayContaining(['Deal', 'IP address', 'Details']),
    );
  });

  it('should show every field an entry has, details as JSON', () => {
    const fields = auditEntryFields({ ...entry, dealId: 'd-9' }, noNames, (iso) => iso);
    expect(fields.map((f) => f.label)).toEqual([
      'Time',
      'Action',
      'Outcome',
      'Justification',
      'Actor',
      'Actor role',
      'Resource',
      'Deal',
      'IP address',
      'Entry hash',
      'Details',
    ]);
    expect(fields.find((f) => f.label === 'Details')).toMatchObject({ kind: 'json', value: expect.stringContaining('OPS-1') });
    expect(fields.find((f) => f.label === 'Justification')).toMatchObject({ kind: 'text', value: 'Ticket OPS-1' });
  });

  it('should show names with their ids apart when the names are known', () => {
    const fields = auditEntryFields(entry, names, (iso) => iso);
    const value = (label: string) => fields.find((f) => f.label === label)?.value;
    expect(value('Actor')).toBe('Ada Admin');
    expect(value('Actor ID')).toBe('u-1');
    expect(value('Resource')).toBe('user · Carla Compliance');
    expect(value('Resource ID')).toBe('u-2');
  });

  it('should call an API key actor role its key name', () => {
    expect(labels({ ...entry, actorType: 'api_key', actorId: 'k-1', actorRole: 'Payments partner' })).toContain('API key name');
  });
});

describe('actorText and resourceText', () => {
  it('should fall back to the type and id when no name is known', () => {
    expect(actorText(entry, noNames)).toBe('user · u-1');
    expect(resourceText(entry, noNames)).toBe('user · u-2');
  });

  it('should name the system source of a system actor and a resource type alone', () => {
    expect(actorText({ ...entry, actorType: 'system', actorId: null, systemSource: 'scheduler' }, noNames)).toBe(
      'system · scheduler',
    );
    expect(resourceText({ ...entry, resourceId: null }, noNames)).toBe('user');
    expect(resourceText({ ...entry, resourceType: null, resourceId: null }, noNames)).toBeNull();
  });
});
