import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { stackedRowDivider, useStackedRows } from '@/ui/hooks/useStackedRows';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { actorLines, type AuditRow, resourceNamed, resourceText } from '../lib/auditEntryFields';
import { AuditOutcomeBadge } from './AuditOutcomeBadge';

export type { AuditRow } from '../lib/auditEntryFields';

type AuditTableProps = { entries: readonly AuditRow[]; onOpen: (entry: AuditRow) => void };

/** One line per entry; a cell too long for its column ends in an ellipsis and shows all of it on hover. */
function Cell({ text, mono }: { text: string; mono?: boolean }) {
  return (
    <Text fz="xs" className={mono ? 'vigil-mono' : undefined} truncate="end" title={text}>
      {text}
    </Text>
  );
}

/**
 * What was acted on. A name (a person, a role) shows in full, wrapping onto more lines when the
 * column is narrow: it is what a reviewer scans the log for. A bare id (a session) ends in an
 * ellipsis and shows all of it on hover; the entry's detail has it whole.
 */
function ResourceCell({ entry }: { entry: AuditRow }) {
  const text = resourceText(entry) ?? '—';
  if (!resourceNamed(entry)) return <Cell text={text} />;
  return <WrappedCell text={text} testId="audit-resource" />;
}

/** A cell read in full (a name, an action): it wraps onto more lines rather than end in an ellipsis. */
function WrappedCell({ text, mono, testId }: { text: string; mono?: boolean; testId?: string }) {
  return (
    <Text
      fz="xs"
      className={mono ? 'vigil-mono' : undefined}
      title={text}
      style={{ overflowWrap: 'anywhere' }}
      data-testid={testId}
    >
      {text}
    </Text>
  );
}

/** The actor on two lines, name above email, so a narrow column still shows who it was; the id on hover. */
function ActorCell({ entry }: { entry: AuditRow }) {
  const { primary, secondary, title } = actorLines(entry);
  return (
    <div title={title} data-testid="audit-actor">
      <Text fz="xs" fw={500} truncate="end">
        {primary}
      </Text>
      {secondary && (
        <Text fz={11} c="dimmed" truncate="end">
          {secondary}
        </Text>
      )}
    </div>
  );
}

/**
 * The log, newest first; an entry opens its detail. On a phone each entry is a card reading what
 * was done, to what, whether it was allowed, then by whom and when: the table's action and outcome
 * sat off to the side at 390 px, behind the time and actor.
 */
export function AuditTable(props: AuditTableProps) {
  const stacked = useStackedRows();
  return stacked ? <AuditCards {...props} /> : <AuditRows {...props} />;
}

function AuditCards({ entries, onOpen }: AuditTableProps) {
  return (
    <Stack gap={0} data-testid="audit-table">
      {entries.map((entry, index) => {
        const { primary } = actorLines(entry);
        const resource = resourceText(entry);
        return (
          // A card opens its entry by click, Enter or Space (a div with a button's role: it holds blocks).
          <Box
            key={entry.id}
            p="sm"
            role="button"
            tabIndex={0}
            className="vigil-table-row-clickable"
            style={stackedRowDivider(index)}
            onClick={() => onOpen(entry)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              onOpen(entry);
            }}
            data-testid="audit-row"
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Box miw={0}>
                <WrappedCell text={entry.action} mono />
                {resource && (
                  <Text fz="xs" mt={2} style={{ overflowWrap: 'anywhere' }} data-testid="audit-resource">
                    {resource}
                  </Text>
                )}
              </Box>
              <Box style={{ flexShrink: 0 }}>
                <AuditOutcomeBadge outcome={entry.outcome} />
              </Box>
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="xs" mt={6}>
              <Text fz={11} c="dimmed" truncate="end" data-testid="audit-actor">
                {entry.actorRole ? `${primary} · ${entry.actorRole}` : primary}
              </Text>
              <Text fz={11} c="dimmed" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                #{entry.seq} · {formatDateTime(entry.at)}
              </Text>
            </Group>
          </Box>
        );
      })}
    </Stack>
  );
}

function AuditRows({ entries, onOpen }: AuditTableProps) {
  return (
    // Fixed column widths: paging and filtering do not move the columns. The resource takes what is
    // left: the table fits the 1280 px console (about 1000 px beside the navbar) without scrolling;
    // narrower screens scroll it inside its card.
    <Table.ScrollContainer minWidth={990} type="native">
      <Table striped highlightOnHover layout="fixed" horizontalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={52} ta="right">
              Seq
            </Table.Th>
            <Table.Th w={176}>Time</Table.Th>
            <Table.Th w={168}>Actor</Table.Th>
            <Table.Th w={100}>Role</Table.Th>
            <Table.Th w={170}>Action</Table.Th>
            <Table.Th>Resource</Table.Th>
            <Table.Th w={100}>Outcome</Table.Th>
            <Table.Th w={100}>IP</Table.Th>
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
                <ActorCell entry={entry} />
              </Table.Td>
              <Table.Td>
                <Cell text={entry.actorRole ?? '—'} />
              </Table.Td>
              <Table.Td>
                <WrappedCell text={entry.action} mono />
              </Table.Td>
              <Table.Td>
                <ResourceCell entry={entry} />
              </Table.Td>
              <Table.Td>
                <AuditOutcomeBadge outcome={entry.outcome} />
              </Table.Td>
              <Table.Td>
                <Cell text={entry.ipAddress ?? '—'} mono />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
