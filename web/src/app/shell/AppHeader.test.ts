import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { AppShell, MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ViewerFieldsFragment } from '@/generated/graphql';
import { ViewerContext } from '@/modules/auth';
import { AppHeader } from './AppHeader';

const viewer: ViewerFieldsFragment = {
  permissions: ['users:read'],
  aal: 1,
  mfaVerifiedAt: null,
  sessionExpiresAt: '2030-01-02T03:04:05.000Z',
  passwordChangeRequired: false,
  recoveryCodesRemaining: 0,
  organization: { id: 'o-1', name: 'Acme Oversight', slug: 'acme' },
  user: {
    id: 'u-1',
    email: 'ada.admin@acme.test',
    name: 'Ada Admin',
    mfaEnabled: false,
    disabled: false,
    role: { id: 'r-1', name: 'Admin' },
  },
};

const render = (who: ViewerFieldsFragment) => {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  const header = createElement(AppHeader, { navOpened: false, onToggleNav: () => undefined });
  const page = createElement(ViewerContext.Provider, { value: who }, createElement(AppShell, { header: { height: 52 } }, header));
  const routed = createElement(MemoryRouter, null, page);
  return renderToStaticMarkup(createElement(MantineProvider, null, createElement(ApolloProvider, { client, children: routed })));
};

/** The opening tag of the element with this test id. */
const tagOf = (html: string, testId: string) => new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';

const NO_SHRINK = /flex-shrink:\s*0/;
const verified = { ...viewer, aal: 2 };
const mfaEnrolled = { ...viewer, user: { ...viewer.user, mfaEnabled: true } };

describe('AppHeader', () => {
  it('should keep the session badge and the user menu at full size when the header is narrow (390 px)', () => {
    for (const who of [viewer, verified, mfaEnrolled]) expect(tagOf(render(who), 'header-controls')).toMatch(NO_SHRINK);
    expect(tagOf(render(verified), 'aal-badge')).toMatch(NO_SHRINK);
    expect(tagOf(render(mfaEnrolled), 'verify-mfa-button')).toMatch(NO_SHRINK);
    // "MFA not set up" is a badge inside the button that opens Account: the button is the flex item.
    expect(render(viewer)).toMatch(/<button[^>]*style="[^"]*flex-shrink:\s*0[^"]*"[^>]*><[^>]*data-testid="aal-badge"/);
  });

  it('should show the name and role in the bar only from 768 px, leaving the badge its room on a phone', () => {
    const html = render(viewer);
    expect(tagOf(html, 'user-menu-name')).toContain('mantine-visible-from-sm');
    expect(tagOf(html, 'user-menu')).toContain('aria-label="Ada Admin (Admin): account menu"');
  });
});
