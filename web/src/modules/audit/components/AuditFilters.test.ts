import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyAuditFilterForm } from '../lib/auditFilter';
import { AUDIT_FILTER_COLUMNS, AuditFilters } from './AuditFilters';

const render = () => {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  const filters = createElement(AuditFilters, {
    value: emptyAuditFilterForm,
    onApply: () => undefined,
    onExport: () => undefined,
    exporting: false,
  });
  return renderToStaticMarkup(createElement(MantineProvider, null, createElement(ApolloProvider, { client, children: filters })));
};

const FIELDS = ['filter-from', 'filter-to', 'filter-actor', 'filter-resource', 'filter-action', 'filter-outcome'];

describe('AuditFilters', () => {
  it('should lay the six filters out in whole rows at every width, none left alone on a line (1366 px: two rows of three)', () => {
    const html = render();
    const grid = html.indexOf('data-testid="audit-filter-fields"');
    const switches = html.indexOf('data-testid="filter-writes-only"');
    expect(grid).toBeGreaterThan(-1);
    for (const field of FIELDS) {
      const at = html.indexOf(`data-testid="${field}"`);
      expect(at, field).toBeGreaterThan(grid);
      expect(at, field).toBeLessThan(switches);
    }
    for (const columns of Object.values(AUDIT_FILTER_COLUMNS)) expect(FIELDS.length % columns).toBe(0);
  });

  it('should keep the filters in reading order, "when" then "who" then "what", with the write switches after them', () => {
    const html = render();
    const order = [...FIELDS, 'filter-writes-only', 'filter-admin-writes-only'].map((id) => html.indexOf(`data-testid="${id}"`));
    expect(order.every((at) => at > -1)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('should size no filter by its own flex rule when the grid decides the columns', () => {
    expect(render()).not.toMatch(/style="[^"]*flex:\s*\d/);
  });
});
