import { Badge, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { ConnectionFieldsFragment } from '@/generated/graphql';
import { ConnectionStatusBadge } from './ConnectionStatusBadge';
import { KeyExpiryBadge } from './KeyExpiryBadge';
import { PollFacts } from './PollFacts';
import { PollHistory } from './PollHistory';

type ConnectionSummaryProps = { connection: ConnectionFieldsFragment; venueName: string; now: number };

/** One connection: its health at a glance, what failed and since when, and its poll history on demand. */
export function ConnectionSummary({ connection, venueName, now }: ConnectionSummaryProps) {
  const [historyOpen, setHistoryOpen] = useState(false);
  const c = connection;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="connection" data-venue={c.venue} data-status={c.status}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Text fw={600} fz="sm">
              {venueName}
            </Text>
            {c.label && (
              <Text fz="sm" c="dimmed" truncate="end" maw={220} title={c.label}>
                {c.label}
              </Text>
            )}
            <Text fz="xs" c="dimmed" ff="monospace" title="The key's last four characters">
              key {c.keyFingerprint}
            </Text>
            {c.sandbox && (
              <Badge size="xs" variant="outline" color="gray">
                Testnet
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="wrap">
            <KeyExpiryBadge keyExpiresAt={c.keyExpiresAt} now={now} />
            <ConnectionStatusBadge status={c.status} />
          </Group>
        </Group>
        <PollFacts feed={c} now={now} />
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconHistory size={14} />}
            onClick={() => setHistoryOpen((open) => !open)}
            data-testid="toggle-poll-history"
          >
            {historyOpen ? 'Hide poll history' : 'Poll history'}
          </Button>
        </Group>
        <Collapse expanded={historyOpen}>{historyOpen && <PollHistory connectionId={c.id} />}</Collapse>
      </Stack>
    </Paper>
  );
}
