import { Badge } from '@mantine/core';

/** A trade's side, a transfer's kind or direction: a small badge, never cut to an ellipsis by a narrow cell. */
export function ActivityBadge({ label, color }: { label: string; color: string }) {
  return (
    <Badge size="xs" variant="light" color={color} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {label}
    </Badge>
  );
}
