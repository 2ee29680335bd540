import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';

/**
 * A route's page loaded when it is first opened, not with the console's first script: the
 * sign-in page then ships without the audit log, the employee pages and their charts. `load`
 * imports the page's own file (Vite makes it a chunk); `name` is its named export.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page: ComponentType = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense
      fallback={
        <Center py="xl" data-testid="page-loading">
          <Loader size="sm" aria-label="Loading page" />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
}
