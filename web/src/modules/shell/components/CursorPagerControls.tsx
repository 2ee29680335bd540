import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

type CursorPagerControlsProps = {
  page: number;
  shown: number;
  hasNextPage: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

export function CursorPagerControls({ page, shown, hasNextPage, loading, onPrevious, onNext }: CursorPagerControlsProps) {
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
          onClick={onPrevious}
        >
          Previous
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          rightSection={<IconChevronRight size={14} />}
          disabled={!hasNextPage || loading}
          onClick={onNext}
          data-testid="pager-next"
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
