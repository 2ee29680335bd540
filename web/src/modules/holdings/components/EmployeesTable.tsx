import { Anchor, Box, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EmployeeFieldsFragment } from '@/generated/graphql';
import { formatTotalValue, useReferenceCurrency } from '@/modules/feeds';
import { EmployeeHealthBadge } from './EmployeeHealthBadge';
import { EmployeeStatusBadge } from './EmployeeStatusBadge';
import { InvitationExpiryText } from './InvitationExpiryText';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';

type Employee = EmployeeFieldsFragment;
/** The roster and the currency its values are in (null while it loads). */
type ListProps = { employees: readonly Employee[]; currency: string | null };

/**
 * The roster: a name opens the employee's page. On a phone each employee is a card showing who,
 * where they stand, their feeds' health and their value together, none of it off to the side.
 */
export function EmployeesTable({ employees }: { employees: readonly Employee[] }) {
  const stacked = useStackedRows();
  const currency = useReferenceCurrency();
  return stacked ? (
    <EmployeeCards employees={employees} currency={currency} />
  ) : (
    <EmployeeRows employees={employees} currency={currency} />
  );
}

function NameAndEmail({ employee }: { employee: Employee }) {
  return (
    <>
      <Anchor
        component={Link}
        to={`/employees/${employee.id}`}
        fz="sm"
        fw={500}
        display="block"
        truncate="end"
        title={employee.name}
        data-testid="employee-link"
      >
        {employee.name}
      </Anchor>
      <Text fz="xs" c="dimmed" truncate="end" title={employee.email}>
        {employee.email}
      </Text>
    </>
  );
}

function Standing({ employee, align = 'flex-start' }: { employee: Employee; align?: 'flex-start' | 'flex-end' }) {
  return (
    <Stack gap={2} align={align}>
      <EmployeeStatusBadge status={employee.status} />
      {employee.status === 'invited' && <InvitationExpiryText expiresAt={employee.invitationExpiresAt} />}
    </Stack>
  );
}

/** Priced holdings only; unpriced assets are counted beside the sum, never added as 0. */
function TotalValue({ employee, currency }: { employee: Employee; currency: string | null }) {
  return (
    <Text fz="sm" ff="monospace" c={employee.totalValue === null ? 'dimmed' : undefined} data-testid="employee-total-value">
      {currency === null ? '…' : formatTotalValue(employee.totalValue ?? null, employee.unpricedAssets ?? null, currency)}
    </Text>
  );
}

function EmployeeCards({ employees, currency }: ListProps) {
  return (
    <Stack gap={0} data-testid="employees-table">
      {employees.map((employee, index) => (
        <Box key={employee.id} p="sm" style={stackedRowDivider(index)} data-testid="employee-row">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Box miw={0}>
              <NameAndEmail employee={employee} />
              {employee.department && (
                <Text fz="xs" c="dimmed" truncate="end" title={employee.department}>
                  {employee.department}
                </Text>
              )}
            </Box>
            <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
              <Standing employee={employee} align="flex-end" />
              <EmployeeHealthBadge health={employee.health} connections={employee.connectionCount} />
            </Stack>
          </Group>
          <Group justify="space-between" mt={6} gap="xs">
            <Text fz={11} c="dimmed">
              Total value
            </Text>
            <TotalValue employee={employee} currency={currency} />
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

function EmployeeRows({ employees, currency }: ListProps) {
  return (
    // Fixed column widths keep the columns put across pages.
    <Table.ScrollContainer minWidth={960} type="native">
      <Table striped highlightOnHover layout="fixed" data-testid="employees-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Employee</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th w={140}>Feeds</Table.Th>
            <Table.Th w={190}>Department</Table.Th>
            <Table.Th w={260} ta="right">
              Total value
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {employees.map((employee) => (
            <Table.Tr key={employee.id} data-testid="employee-row">
              <Table.Td>
                <NameAndEmail employee={employee} />
              </Table.Td>
              <Table.Td>
                <Standing employee={employee} />
              </Table.Td>
              <Table.Td>
                <EmployeeHealthBadge health={employee.health} connections={employee.connectionCount} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" truncate="end" c={employee.department ? undefined : 'dimmed'} title={employee.department}>
                  {employee.department || '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <TotalValue employee={employee} currency={currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
