import { Box, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { groupPermissions, humanizeResource } from '../lib/groupPermissions';
import { togglePermission, writeHolding } from '../lib/permissionSelection';

type PermissionMatrixProps = {
  catalog: readonly string[];
  selected: readonly string[];
  onChange?: (next: string[]) => void;
  readOnly?: boolean;
};

export function PermissionMatrix({ catalog, selected, onChange, readOnly }: PermissionMatrixProps) {
  const rows = groupPermissions(catalog);

  const box = (permission: string | null, label: string) => {
    if (!permission) {
      return (
        <Text fz="xs" c="dimmed">
          —
        </Text>
      );
    }
    const heldBy = readOnly ? null : writeHolding(selected, permission);
    const checkbox = (
      <Checkbox
        size="xs"
        aria-label={permission}
        label={label}
        checked={selected.includes(permission)}
        disabled={readOnly || heldBy !== null}
        onChange={(e) => onChange?.(togglePermission(catalog, selected, permission, e.currentTarget.checked))}
        data-testid={`perm-${permission}`}
      />
    );
    if (!heldBy) return checkbox;
    // A disabled input gets no hover: the tooltip hangs on a wrapper.
    return (
      <Tooltip label="Write includes read: a role cannot change what it cannot see. Untick Write first." multiline w={260}>
        <Box component="span" style={{ display: 'inline-block' }}>
          {checkbox}
        </Box>
      </Tooltip>
    );
  };

  return (
    <Table withTableBorder layout="fixed" verticalSpacing={4} fz="sm" data-testid="permission-matrix">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Resource</Table.Th>
          <Table.Th w={90}>Read</Table.Th>
          <Table.Th w={90}>Write</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.resource}>
            <Table.Td>
              <Text fz="sm">{humanizeResource(row.resource)}</Text>
              {row.other.length > 0 && (
                <Group gap={8} mt={4}>
                  {row.other.map((p) => (
                    <span key={p}>{box(p, p.split(':').pop() ?? p)}</span>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td>{box(row.read, '')}</Table.Td>
            <Table.Td>{box(row.write, '')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
