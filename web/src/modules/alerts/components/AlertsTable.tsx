import { Anchor, Box, Group, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconEye } from '@tabler/icons-react';
import type { AlertFieldsFragment } from '@/generated/graphql';
import { ExplainedActionIcon } from '@/ui/components/ExplainedActionIcon';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { alertActionBlockedReason, type AlertAction } from '../lib/alertQueue';
import { AlertSeverityBadge } from './AlertSeverityBadge';
import { AlertStatusBadge } from './AlertStatusBadge';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';

type AlertsTableProps = {
  alerts: readonly AlertFieldsFragment[];
  canWrite: boolean;
  onOpen: (alert: AlertFieldsFragment) => void;
  onAction: (alert: AlertFieldsFragment, action: AlertAction) => void;
};

/** The queue: one row per alert, newest first, with its two forward actions; on a phone, one card each. */
export function AlertsTable(props: AlertsTableProps) {
  const narrow = useStackedRows();
  return narrow ? <AlertCards {...props} /> : <AlertRows {...props} />;
}

type AlertProps = { alert: AlertFieldsFragment; onOpen: AlertsTableProps['onOpen'] };

function AlertTitle({ alert, onOpen }: AlertProps) {
  return (
    // The button is the box that wraps and clamps: a button sizes to its text, so text cut inside
    // it spilled over the next column ("About"). Three lines hold a title’s subject (employee,
    // venue, key label) at desktop widths; a longer one ends in an ellipsis.
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
  );
}

function AlertActions({
  alert,
  canWrite,
  onAction,
}: Pick<AlertsTableProps, 'canWrite' | 'onAction'> & { alert: AlertFieldsFragment }) {
  return (
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
  );
}

function AlertCards({ alerts, canWrite, onOpen, onAction }: AlertsTableProps) {
  return (
    <Stack gap={0} data-testid="alerts-table">
      {alerts.map((alert, index) => (
        <Box key={alert.id} p="sm" style={stackedRowDivider(index)} data-testid="alert-row">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6}>
              <AlertSeverityBadge severity={alert.severity} />
              <AlertStatusBadge status={alert.status} />
            </Group>
            <AlertActions alert={alert} canWrite={canWrite} onAction={onAction} />
          </Group>
          <Box mt={6}>
            <AlertTitle alert={alert} onOpen={onOpen} />
          </Box>
          <Text fz="xs" c="dimmed" mt={4}>
            {formatDateTime(alert.openedAt)}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

function AlertRows({ alerts, canWrite, onOpen, onAction }: AlertsTableProps) {
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
                <AlertTitle alert={alert} onOpen={onOpen} />
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
                <AlertActions alert={alert} canWrite={canWrite} onAction={onAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
