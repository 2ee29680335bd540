import { describe, expect, it } from 'vitest';
import { actorLines, actorText, attemptedEmail, type AuditRow, auditEntryFields, resourceText } from './auditEntryFields';

const entry: AuditRow = {
  id: 'org:7',
  seq: 7,
  at: '2030-01-02T03:04:05.000Z',
  actorType: 'user',
  actorId: 'u-1',
  actorName: null,
  actorEmail: null,
  actorRole: 'Admin',
  systemSource: null,
  action: 'mutation.createUser',
  resourceType: 'user',
  resourceId: 'u-2',
  resourceName: null,
  dealId: null,
  ipAddress: '127.0.0.1',
  outcome: 'allowed',
  details: { justification: 'Ticket OPS-1' },
  justification: 'Ticket OPS-1',
  hash: 'ab'.repeat(32),
};

// As the server answers for a reader of the entry's organization.
const named: AuditRow = { ...entry, actorName: 'Ada Admin', actorEmail: 'ada@acme.test', resourceName: 'Carla Compliance' };
const labels = (row: AuditRow) => auditEntryFields(row, (iso) => iso).map((f) => f.label);

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
    expect(labels({ ...entry, dealId: '  ', ipAddress: '', details: null, actorName: ' ' })).not.toEqual(
      expect.arrayContaining(['Deal', 'IP address', 'Details', 'Actor ID']),
    );
  });

  it('should show every field an entry has, details as JSON', () => {
    const fields = auditEntryFields({ ...entry, dealId: 'd-9' }, (iso) => iso);
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

  it('should show the names the server resolved, with the email and the ids apart', () => {
    const fields = auditEntryFields(named, (iso) => iso);
    const value = (label: string) => fields.find((f) => f.label === label)?.value;
    expect(value('Actor')).toBe('Ada Admin');
    expect(value('Actor email')).toBe('ada@acme.test');
    expect(value('Actor ID')).toBe('u-1');
    expect(value('Resource')).toBe('user · Carla Compliance');
    expect(value('Resource ID')).toBe('u-2');
  });

  it('should call an API key actor role its key name when the key is not named otherwise', () => {
    expect(labels({ ...entry, actorType: 'api_key', actorId: 'k-1', actorRole: 'Payments partner' })).toContain('API key name');
    const keyed = auditEntryFields(
      { ...entry, actorType: 'api_key', actorId: 'k-1', actorRole: 'Payments partner', actorName: 'Payments partner' },
      (iso) => iso,
    );
    expect(keyed.find((f) => f.label === 'Actor')?.value).toBe('Payments partner');
    expect(keyed.map((f) => f.label)).not.toContain('API key name');
  });
});

describe('actorText, actorLines and resourceText', () => {
  it('should fall back to the type and id when no name is known', () => {
    expect(actorText(entry)).toBe('user · u-1');
    expect(resourceText(entry)).toBe('user · u-2');
    expect(actorLines(entry)).toEqual({ primary: 'user · u-1', secondary: null, title: 'user · u-1' });
  });

  it('should read "Name <email>" and keep the id for the tooltip when the name is known', () => {
    expect(actorText(named)).toBe('Ada Admin <ada@acme.test>');
    expect(resourceText(named)).toBe('user · Carla Compliance');
    expect(actorLines(named)).toEqual({
      primary: 'Ada Admin',
      secondary: 'ada@acme.test',
      title: 'Ada Admin <ada@acme.test> · id u-1',
    });
  });

  it('should name the system source of a system actor and a resource type alone', () => {
    expect(actorText({ ...entry, actorType: 'system', actorId: null, systemSource: 'scheduler' })).toBe('system · scheduler');
    expect(resourceText({ ...entry, resourceId: null })).toBe('user');
    expect(resourceText({ ...entry, resourceType: null, resourceId: null })).toBeNull();
  });
});

describe('attemptedEmail', () => {
  // A sign-in for an email the organization has no account for, as the server records it.
  const deniedLogin: AuditRow = {
    ...entry,
    actorType: 'anonymous',
    actorId: null,
    actorRole: null,
    action: 'mutation.login',
    resourceId: null,
    outcome: 'denied',
    details: { email: 'nobody-here@acme.test', error: { code: 'UNAUTHENTICATED' } },
    justification: null,
  };

  it('should show the email a denied sign-in tried in the actor cell when the entry has no actor', () => {
    expect(attemptedEmail(deniedLogin)).toBe('nobody-here@acme.test');
    expect(actorLines(deniedLogin)).toEqual({
      primary: 'anonymous',
      secondary: 'tried nobody-here@acme.test',
      title: 'anonymous · tried nobody-here@acme.test',
    });
  });

  it('should not take an email from the details when the entry has an actor', () => {
    const withActor = { ...named, details: { email: 'someone-else@acme.test' } };
    expect(attemptedEmail(withActor)).toBeNull();
    expect(actorLines(withActor).secondary).toBe('ada@acme.test');
  });

  it('should leave the actor cell as it was when the details hold no email', () => {
    for (const details of [{}, null, ['x'], { email: 42 }, { email: '  ' }]) {
      expect(actorLines({ ...deniedLogin, details })).toEqual({ primary: 'anonymous', secondary: null, title: 'anonymous' });
    }
  });
});
