import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../lib/auditEntryFields';
import { AuditEntryDetail } from './AuditEntryDetail';

// Rendered to HTML on the server side of React: what the detail shows, without a browser.
function render(entry: AuditRow): string {
  return renderToStaticMarkup(createElement(MantineProvider, null, createElement(AuditEntryDetail, { entry })));
}

const shownLabels = (html: string) => [...html.matchAll(/data-label="([^"]+)"/g)].map((m) => m[1]);

const systemEntry: AuditRow = {
  id: 'org:3',
  seq: 3,
  at: '2030-01-02T03:04:05.000Z',
  actorType: 'system',
  actorId: null,
  actorName: null,
  actorEmail: null,
  actorRole: null,
  systemSource: 'verify-chains',
  action: 'job.verifyChains',
  resourceType: null,
  resourceId: null,
  resourceName: null,
  dealId: null,
  ipAddress: null,
  outcome: 'allowed',
  details: {},
  justification: null,
  hash: 'cd'.repeat(32),
};

describe('AuditEntryDetail', () => {
  it('should render no field, label or dash for what does not apply to the entry', () => {
    const html = render(systemEntry);
    expect(shownLabels(html)).toEqual(['Time', 'Action', 'Outcome', 'Actor', 'Entry hash']);
    expect(html).not.toContain('—');
    expect(html).not.toMatch(/IP address|Deal|Details|Resource/);
    expect(html).toContain('system · verify-chains');
  });

  it('should show a person by name and email with their id apart, and the resource by its name', () => {
    const html = render({
      ...systemEntry,
      actorType: 'user',
      actorId: 'u-1',
      actorName: 'Ada Admin',
      actorEmail: 'ada@acme.test',
      systemSource: null,
      resourceType: 'role',
      resourceId: 'r-1',
      resourceName: 'Auditor',
    });
    expect(shownLabels(html)).toEqual(expect.arrayContaining(['Actor', 'Actor email', 'Actor ID', 'Resource', 'Resource ID']));
    expect(html).toContain('Ada Admin');
    expect(html).toContain('ada@acme.test');
    expect(html).toContain('role · Auditor');
  });

  it('should render the details as JSON when the entry has some', () => {
    const html = render({ ...systemEntry, details: { walked: 12 } });
    expect(shownLabels(html)).toContain('Details');
    expect(html).toContain('&quot;walked&quot;: 12');
  });
});
