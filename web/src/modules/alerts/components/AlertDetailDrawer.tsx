import { Drawer, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import type { AlertFieldsFragment } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { EVENT_VERB } from '../lib/alertQueue';
import { AlertSeverityBadge } from './AlertSeverityBadge';
import { AlertStatusBadge } from './AlertStatusBadge';
import { alertDetailValue } from '../lib/alertDetailValue';

/** One alert in full: what the rule recorded, and who moved it when, with their notes. */
export function AlertDetailDrawer({ alert, onClose }: { alert: AlertFieldsFragment | null; onClose: () => void }) {
  return (
    <Drawer opened={alert !== null} onClose={onClose} position="right" size="lg" title={alert?.title} data-testid="alert-detail">
      {alert && (
        <Stack gap="md">
          <Group gap="xs">
            <AlertSeverityBadge severity={alert.severity} />
            <AlertStatusBadge status={alert.status} />
            <Text fz="xs" c="dimmed">
              {alert.kind}
            </Text>
          </Group>
          <Text fz="sm">{alert.description}</Text>
          <Text fz="sm">
            <Text span fw={500}>
              About:{' '}
            </Text>
            {alert.subject.label}{' '}
            <Text span fz="xs" c="dimmed">
              ({alert.subject.type})
            </Text>
          </Text>
          {alert.details.length > 0 && (
            <Table withTableBorder fz="sm" data-testid="alert-details">
              <Table.Tbody>
                {alert.details.map((d) => (
                  <Table.Tr key={d.key}>
                    <Table.Th w={140}>{d.key}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-word' }} title={d.value}>
                      {alertDetailValue(d.value)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text fz="sm" fw={500}>
            History
          </Text>
          <Timeline bulletSize={14} lineWidth={2} data-testid="alert-history">
            {alert.events.map((e) => (
              <Timeline.Item key={e.status} title={`${EVENT_VERB[e.status]} by ${e.actorLabel}`}>
                <Text fz="xs" c="dimmed">
                  {formatDateTime(e.at)}
                </Text>
                {e.note && (
                  <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {e.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
}
