import { Table, Text } from '@mantine/core';
import type { AuditEntriesQuery } from '@/generated/graphql';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { AuditOutcomeBadge } from './AuditOutcomeBadge';

export type AuditRow = AuditEntriesQuery['auditEntries']['nodes'][number];

function actorLabel(entry: AuditRow): string {
  if (entry.actorType === 'system') return `system${entry.systemSource ? ` · ${entry.systemSource}` : ''}`;
  return entry.actorId ? `${entry.actorType} · ${entry.actorId}` : entry.actorType;
}

export function AuditTable({ entries, onOpen }: { entries: readonly AuditRow[]; onOpen: (entry: AuditRow) => void }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70} ta="right">
              Seq
            </Table.Th>
            <Table.Th w={180}>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Resource</Table.Th>
            <Table.Th w={100}>Outcome</Table.Th>
            <Table.Th w={120}>IP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} className="vigil-table-row-clickable" onClick={() => onOpen(entry)} data-testid="audit-row">
              <Table.Td ta="right" className="vigil-mono">
                {entry.seq}
              </Table.Td>
              <Table.Td>
                <Text fz="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="xs" className="vigil-mono" lineClamp={1}>
                  {actorLabel(entry)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="xs">{entry.actorRole ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="xs" className="vigil-mono">
                  {entry.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="xs" className="vigil-mono" lineClamp={1}>
                  {entry.resourceType ? `${entry.resourceType}${entry.resourceId ? `:${entry.resourceId}` : ''}` : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <AuditOutcomeBadge outcome={entry.outcome} />
              </Table.Td>
              <Table.Td>
                <Text fz="xs" className="vigil-mono">
                  {entry.ipAddress ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
