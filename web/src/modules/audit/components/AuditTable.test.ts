import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../lib/auditEntryFields';
import { AuditTable } from './AuditTable';

const render = (entries: AuditRow[]) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(AuditTable, { entries, onOpen: () => undefined })));

const entry: AuditRow = {
  id: 'org:9',
  seq: 9,
  at: '2030-01-02T03:04:05.000Z',
  actorType: 'user',
  actorId: '3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70',
  actorName: 'Ada Admin',
  actorEmail: 'ada@acme.test',
  actorRole: 'Admin',
  systemSource: null,
  action: 'mutation.updateRole',
  resourceType: 'role',
  resourceId: 'r-1',
  resourceName: 'Auditor',
  dealId: null,
  ipAddress: '127.0.0.1',
  outcome: 'allowed',
  details: {},
  justification: null,
  hash: 'ef'.repeat(32),
};

describe('AuditTable', () => {
  it('should show the actor as name above email, with the id in the tooltip, and the resource by name', () => {
    const html = render([entry]);
    const actor = /<div title="([^"]*)" data-testid="audit-actor">(.*?)<\/div><\/td>/.exec(html);
    expect(actor?.[1]).toBe('Ada Admin &lt;ada@acme.test&gt; · id 3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70');
    expect(actor?.[2]).toMatch(/Ada Admin.*ada@acme\.test/);
    expect(html).toContain('role · Auditor');
  });

  it('should fall back to the kind and id when the server knows no name', () => {
    const html = render([{ ...entry, actorName: null, actorEmail: null, resourceName: null }]);
    expect(html).toContain('user · 3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70');
    expect(html).toContain('role · r-1');
  });
});

describe('AuditTable resource column', () => {
  const tagOf = (html: string, text: string) => new RegExp(`<p[^>]*>${text}</p>`).exec(html)?.[0] ?? '';

  it('should show a resource name in full, wrapping rather than cut off, when the column is narrow', () => {
    const long = 'user · Bob Backup With A Rather Long Name';
    const html = render([{ ...entry, resourceType: 'user', resourceName: 'Bob Backup With A Rather Long Name' }]);
    const cell = tagOf(html, long);
    expect(cell).toContain('data-testid="audit-resource"');
    expect(cell).not.toContain('data-truncate');
    expect(cell).toContain(`title="${long}"`);
  });

  it('should cut a bare id short with the whole of it on hover when the resource has no name', () => {
    const id = '8c8f5e2a-1111-4222-8333-944445555666';
    const html = render([{ ...entry, resourceType: 'session', resourceId: id, resourceName: null }]);
    const cell = tagOf(html, `session · ${id}`);
    expect(cell).toContain('data-truncate="end"');
    expect(cell).toContain(`title="session · ${id}"`);
  });
});

describe('AuditTable actor column', () => {
  it('should show the email a denied sign-in tried, muted, when the entry has no actor', () => {
    const html = render([
      {
        ...entry,
        actorType: 'anonymous',
        actorId: null,
        actorName: null,
        actorEmail: null,
        actorRole: null,
        action: 'mutation.login',
        resourceType: 'user',
        resourceId: null,
        resourceName: null,
        outcome: 'denied',
        details: { email: 'nobody-here@acme.test' },
      },
    ]);
    const actor = /<div title="([^"]*)" data-testid="audit-actor">(.*?)<\/div><\/td>/.exec(html);
    expect(actor?.[1]).toBe('anonymous · tried nobody-here@acme.test');
    expect(actor?.[2]).toMatch(/anonymous.*tried nobody-here@acme\.test/);
    expect(actor?.[2]).toMatch(/<p[^>]*color:var\(--mantine-color-dimmed\)[^>]*>tried nobody-here@acme\.test<\/p>/);
  });
});
