import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PermissionMatrix } from './PermissionMatrix';

const catalog = ['users:read', 'users:write', 'api_keys:read', 'api_keys:write'];

function render(selected: string[], readOnly = false): string {
  return renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(PermissionMatrix, { catalog, selected, onChange: () => undefined, readOnly }),
    ),
  );
}

/** The <input> of one permission's checkbox. */
function input(html: string, permission: string): string {
  const match = html.match(new RegExp(`<input[^>]*data-testid="perm-${permission}"[^>]*>`));
  if (!match) throw new Error(`no checkbox for ${permission}`);
  return match[0];
}

describe('PermissionMatrix', () => {
  it('should lock read, ticked, while write is ticked', () => {
    const html = render(['users:read', 'users:write']);
    expect(input(html, 'users:read')).toMatch(/checked=""/);
    expect(input(html, 'users:read')).toMatch(/disabled=""/);
    expect(input(html, 'users:write')).not.toMatch(/disabled=""/);
  });

  it('should leave read free when write is not ticked', () => {
    const html = render(['users:read']);
    expect(input(html, 'users:read')).not.toMatch(/disabled=""/);
  });

  it('should label resources in sentence case with acronyms kept', () => {
    expect(render([])).toContain('API keys');
  });
});
