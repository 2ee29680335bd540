import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconEye } from '@tabler/icons-react';
import type { AlertFieldsFragment } from '@/generated/graphql';
import { ExplainedActionIcon } from '@/ui/components/ExplainedActionIcon';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { alertActionBlockedReason, type AlertAction } from '../lib/alertQueue';
import { AlertSeverityBadge } from './AlertSeverityBadge';
import { AlertStatusBadge } from './AlertStatusBadge';

type AlertsTableProps = {
  alerts: readonly AlertFieldsFragment[];
  canWrite: boolean;
  onOpen: (alert: AlertFieldsFragment) => void;
  onAction: (alert: AlertFieldsFragment, action: AlertAction) => void;
};

/** The queue: one row per alert, newest first, with its two forward actions. */
export function AlertsTable({ alerts, canWrite, onOpen, onAction }: AlertsTableProps) {
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid="alerts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>Severity</Table.Th>
            <Table.Th>Alert</Table.Th>
            <Table.Th w={240}>About</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th w={190}>Opened</Table.Th>
            <Table.Th w={84} aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((alert) => (
            <Table.Tr key={alert.id} data-testid="alert-row">
              <Table.Td>
                <AlertSeverityBadge severity={alert.severity} />
              </Table.Td>
              <Table.Td>
                {/* The button is the box that wraps and clamps: a button sizes to its text, so text cut
                    inside it spilled over the next column ("About"). Three lines hold a title’s subject
                    (employee, venue, key label) at desktop widths; a longer one ends in an ellipsis. */}
                <Anchor
                  component="button"
                  type="button"
                  fz="sm"
                  fw={500}
                  maw="100%"
                  ta="left"
                  lineClamp={3}
                  onClick={() => onOpen(alert)}
                  title={alert.description ? `${alert.title}: ${alert.description}` : alert.title}
                  data-testid="alert-title"
                >
                  {alert.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2} title={alert.subject.label}>
                  {alert.subject.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <AlertStatusBadge status={alert.status} />
              </Table.Td>
              <Table.Td>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(alert.openedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ExplainedActionIcon
                    label="Acknowledge"
                    disabledReason={alertActionBlockedReason('acknowledge', alert.status, canWrite)}
                    onClick={() => onAction(alert, 'acknowledge')}
                    testId="alert-acknowledge"
                  >
                    <IconEye size={16} />
                  </ExplainedActionIcon>
                  <ExplainedActionIcon
                    label="Resolve…"
                    color="teal"
                    disabledReason={alertActionBlockedReason('resolve', alert.status, canWrite)}
                    onClick={() => onAction(alert, 'resolve')}
                    testId="alert-resolve"
                  >
                    <IconCircleCheck size={16} />
                  </ExplainedActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
