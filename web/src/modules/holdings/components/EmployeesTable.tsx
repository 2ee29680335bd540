import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EmployeeFieldsFragment } from '@/generated/graphql';
import { formatTotalValue, useReferenceCurrency } from '@/modules/feeds';
import { EmployeeHealthBadge } from './EmployeeHealthBadge';
import { EmployeeStatusBadge } from './EmployeeStatusBadge';
import { InvitationExpiryText } from './InvitationExpiryText';

/** The roster: a name opens the employee's page. Who and where they stand come first, so a phone shows both. */
export function EmployeesTable({ employees }: { employees: readonly EmployeeFieldsFragment[] }) {
  const currency = useReferenceCurrency();
  return (
    // Fixed column widths keep the columns put across pages; narrow screens scroll inside the card.
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
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <EmployeeStatusBadge status={employee.status} />
                  {employee.status === 'invited' && <InvitationExpiryText expiresAt={employee.invitationExpiresAt} />}
                </Stack>
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
                {/* Priced holdings only; unpriced assets are counted beside the sum, never added as 0. */}
                <Text
                  fz="sm"
                  ff="monospace"
                  c={employee.totalValue === null ? 'dimmed' : undefined}
                  data-testid="employee-total-value"
                >
                  {currency === null
                    ? '…'
                    : formatTotalValue(employee.totalValue ?? null, employee.unpricedAssets ?? null, currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
