import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AlertFieldsFragment } from '@/generated/graphql';
import { AlertsTable } from './AlertsTable';

const alert: AlertFieldsFragment = {
  id: 'a-1',
  kind: 'scope_widened',
  severity: 'CRITICAL',
  status: 'OPEN',
  title: 'Key scope widened: Erin Employee · Binance (main trading account)',
  description: 'The key can now trade.',
  openedAt: '2030-01-02T03:04:05.000Z',
  acknowledgedAt: null,
  resolvedAt: null,
  resolutionNote: null,
  subject: { type: 'connection', id: 'c-1', label: 'Erin Employee · Binance (main trading account)' },
  details: [],
  events: [],
};

const render = () =>
  renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(AlertsTable, { alerts: [alert], canWrite: true, onOpen: () => undefined, onAction: () => undefined }),
    ),
  );

describe('AlertsTable', () => {
  it('should wrap a long alert title to three lines inside its own column, then end it in an ellipsis', () => {
    const button = /<button[^>]*data-testid="alert-title"[^>]*>/.exec(render())?.[0] ?? '';
    // The button is the box that clamps: no wider than its cell, wrapping and cutting its own text.
    expect(button).toContain('data-line-clamp="true"');
    expect(button).toMatch(/--text-line-clamp:\s*3/);
    expect(button).toMatch(/max-width:100%/);
    expect(button).toContain(`title="${alert.title}: ${alert.description}"`);
  });
});
