import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type AuditRow, noNames } from '../lib/auditEntryFields';
import { AuditEntryDetail } from './AuditEntryDetail';

// Rendered to HTML on the server side of React: what the detail shows, without a browser.
function render(entry: AuditRow): string {
  return renderToStaticMarkup(createElement(MantineProvider, null, createElement(AuditEntryDetail, { entry, nameOf: noNames })));
}

const shownLabels = (html: string) => [...html.matchAll(/data-label="([^"]+)"/g)].map((m) => m[1]);

const systemEntry: AuditRow = {
  id: 'org:3',
  seq: 3,
  at: '2030-01-02T03:04:05.000Z',
  actorType: 'system',
  actorId: null,
  actorRole: null,
  systemSource: 'verify-chains',
  action: 'job.verifyChains',
  resourceType: null,
  resourceId: null,
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

  it('should render the details as JSON when the entry has some', () => {
    const html = render({ ...systemEntry, details: { walked: 12 } });
    expect(shownLabels(html)).toContain('Details');
    expect(html).toContain('&quot;walked&quot;: 12');
  });
});
