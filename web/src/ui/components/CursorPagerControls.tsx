import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { CursorPager } from '../hooks/useCursorPager';

type CursorPagerControlsProps = {
  pager: CursorPager;
  /** The page being shown: its row count and where the next one starts. */
  connection: { nodes: readonly unknown[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
  loading?: boolean;
};

/** Previous / Next under a server-paged list, driven by useCursorPager. */
export function CursorPagerControls({ pager, connection, loading }: CursorPagerControlsProps) {
  const { page } = pager;
  const shown = connection.nodes.length;
  const { hasNextPage, endCursor } = connection.pageInfo;
  return (
    <Group justify="space-between" px="sm" py={8} data-testid="pager">
      <Text fz="xs" c="dimmed">
        Page {page} · {shown} {shown === 1 ? 'row' : 'rows'}
      </Text>
      <Group gap={6}>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconChevronLeft size={14} />}
          disabled={page <= 1 || loading}
          onClick={pager.previous}
        >
          Previous
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          rightSection={<IconChevronRight size={14} />}
          disabled={!hasNextPage || loading}
          onClick={() => pager.next(endCursor)}
          data-testid="pager-next"
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
