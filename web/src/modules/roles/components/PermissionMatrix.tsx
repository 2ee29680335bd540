import { Checkbox, Group, Table, Text } from '@mantine/core';
import { groupPermissions, humanizeResource } from '../lib/groupPermissions';

type PermissionMatrixProps = {
  catalog: readonly string[];
  selected: readonly string[];
  onChange?: (next: string[]) => void;
  readOnly?: boolean;
};

export function PermissionMatrix({ catalog, selected, onChange, readOnly }: PermissionMatrixProps) {
  const rows = groupPermissions(catalog);
  const toggle = (permission: string, on: boolean) => {
    if (!onChange) return;
    const next = new Set(selected);
    if (on) next.add(permission);
    else next.delete(permission);
    onChange(catalog.filter((p) => next.has(p)));
  };
  const box = (permission: string | null, label: string) =>
    permission ? (
      <Checkbox
        size="xs"
        aria-label={permission}
        label={label}
        checked={selected.includes(permission)}
        disabled={readOnly}
        onChange={(e) => toggle(permission, e.currentTarget.checked)}
        data-testid={`perm-${permission}`}
      />
    ) : (
      <Text fz="xs" c="dimmed">
        —
      </Text>
    );

  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="permission-matrix">
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
