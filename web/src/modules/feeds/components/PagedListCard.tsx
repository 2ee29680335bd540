import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CursorPager } from '@/ui/hooks/useCursorPager';
import { CursorPagerControls } from '@/ui/components/CursorPagerControls';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';

type Page = { nodes: readonly unknown[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

type PagedListCardProps = {
  title: string;
  description?: string;
  testId: string;
  filters?: ReactNode;
  /** What is wrong with the filters as typed (nothing is asked until it is mended). */
  filterProblem?: string | null;
  /** The page shown (the previous one while the next loads), or undefined before the first. */
  page: Page | undefined;
  error: Error | undefined;
  onRetry: () => void;
  loading: boolean;
  pager: CursorPager;
  /** What an empty page means: nothing yet, or nothing that matches the filters. */
  empty: string;
  children: ReactNode;
};

/**
 * A card holding one server-paged list of an employee's page: its title, its filters, then the
 * rows, a skeleton while the first page loads, an error with a retry, or what an empty list means.
 */
export function PagedListCard({
  title,
  description,
  testId,
  filters,
  filterProblem,
  page,
  error,
  onRetry,
  loading,
  pager,
  empty,
  children,
}: PagedListCardProps) {
  return (
    <Paper withBorder p="lg" data-testid={`${testId}-card`}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>{title}</Title>
          {description && (
            <Text fz="xs" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {filters}
        {filterProblem && (
          <Text fz="xs" c="red" data-testid={`${testId}-filter-problem`}>
            {filterProblem}
          </Text>
        )}
        {error && !page ? (
          <QueryErrorState error={error} onRetry={onRetry} />
        ) : !page ? (
          <TableSkeleton rows={3} />
        ) : page.nodes.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid={`${testId}-empty`}>
            {empty}
          </Text>
        ) : (
          <div>
            {children}
            <CursorPagerControls pager={pager} connection={page} loading={loading} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
