import { Badge } from '@mantine/core';
import type { AuditOutcome } from '@/generated/graphql';

const COLORS: Record<AuditOutcome, string> = { allowed: 'teal', denied: 'orange', error: 'red' };

export function AuditOutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return (
    <Badge size="sm" variant="light" color={COLORS[outcome]} style={{ overflow: 'visible' }} data-testid="audit-outcome">
      {outcome}
    </Badge>
  );
}
