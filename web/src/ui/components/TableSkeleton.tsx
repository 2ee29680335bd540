import { Skeleton, Stack } from '@mantine/core';

export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Stack gap={8} p="sm" data-testid="table-loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={22} />
      ))}
    </Stack>
  );
}
