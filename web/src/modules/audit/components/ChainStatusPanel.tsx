import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconLinkOff, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AuditChainStatusDocument } from '@/generated/graphql';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { CHAIN_DELAY_WARNING_MS, chainDelayLevel, formatChainDelay } from '../lib/chainDelay';

type StatProps = { label: string; help: string; value: ReactNode; testId: string; tone?: string; note?: string };

function Stat({ label, help, value, testId, tone, note }: StatProps) {
  return (
    <Stack gap={0}>
      <Group gap={4} wrap="nowrap">
        <Text fz={11} c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Tooltip label={help} multiline w={300} events={{ hover: true, focus: true, touch: true }}>
          <IconInfoCircle
            size={13}
            color="var(--mantine-color-dimmed)"
            tabIndex={0}
            aria-label={`${label}: ${help}`}
            style={{ flexShrink: 0, cursor: 'help' }}
          />
        </Tooltip>
      </Group>
      <Text fz="lg" fw={600} c={tone} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {note && (
        <Text fz={11} c={tone ?? 'dimmed'}>
          {note}
        </Text>
      )}
    </Stack>
  );
}

const HELP = {
  checked:
    'Entries this verification vouches for, from the first up to the head. Entries since the last check are re-hashed now; earlier ones were verified before.',
  head: 'Sequence number of the newest entry linked into the chain. It grows with every request, this page’s included.',
  pending:
    'Entries written but not linked into the chain yet. A few are normal: the chainer links them within moments (the request that loaded this page is usually one).',
  delay: `The worst time, over the last minute, between an entry being written and being linked into the chain, as seen by this server. Normally well under a second; over ${CHAIN_DELAY_WARNING_MS / 1000} s the chainer is falling behind. Blank when this server does not run the chainer.`,
  firstInvalid: 'The first entry whose hash does not match its content or the entry before it. Blank while the chain holds.',
};

/** The result of walking this organization's hash chain, verified by the server on request. */
export function ChainStatusPanel() {
  const { data, error, loading, refetch } = useQuery(AuditChainStatusDocument, { fetchPolicy: 'network-only' });
  const status = data?.auditChainStatus;
  const delayLevel = chainDelayLevel(status?.chainDelayMs);

  return (
    <Paper withBorder p="md" data-testid="chain-status">
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {status ? (
            <ThemeIcon size={34} radius="xl" variant="light" color={status.valid ? 'teal' : 'red'}>
              {status.valid ? <IconShieldCheck size={18} /> : <IconLinkOff size={18} />}
            </ThemeIcon>
          ) : (
            <Skeleton circle height={34} />
          )}
          <div>
            <Group gap={8}>
              <Title order={5}>Hash chain</Title>
              {status && (
                <Badge color={status.valid ? 'teal' : 'red'} variant="filled" data-testid="chain-valid">
                  {status.valid ? 'Valid' : 'Invalid'}
                </Badge>
              )}
            </Group>
            <Text fz="xs" c="dimmed">
              {status
                ? `Verified ${formatDateTime(status.verifiedAt)} — every entry's hash links to the one before it.`
                : 'Verifying the chain…'}
            </Text>
          </div>
        </Group>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconRefresh size={14} />}
          disabled={loading}
          style={{ flexShrink: 0 }}
          onClick={() => void refetch()}
          data-testid="chain-reverify"
        >
          Verify again
        </Button>
      </Group>
      {error && !status ? (
        <Alert color={hasErrorCode(error, 'FORBIDDEN') ? 'gray' : 'red'} variant="light">
          {hasErrorCode(error, 'FORBIDDEN') ? 'Access denied: your role cannot verify the chain.' : errorMessageOf(error)}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="md">
          <Stat label="Entries checked" help={HELP.checked} value={status?.checkedEntries ?? '—'} testId="chain-checked" />
          <Stat label="Head seq" help={HELP.head} value={status?.headSeq ?? '—'} testId="chain-head" />
          <Stat label="Pending entries" help={HELP.pending} value={status?.pendingEntries ?? '—'} testId="chain-pending" />
          <Stat
            label="Chaining delay"
            help={HELP.delay}
            value={formatChainDelay(status?.chainDelayMs)}
            testId="chain-delay"
            tone={delayLevel === 'slow' ? 'orange.8' : undefined}
            note={
              delayLevel === 'slow'
                ? `Over ${CHAIN_DELAY_WARNING_MS / 1000} s: the chainer is falling behind`
                : delayLevel === 'unknown' && status
                  ? 'This server does not chain'
                  : 'Worst in the last minute'
            }
          />
          <Stat
            label="First invalid seq"
            help={HELP.firstInvalid}
            value={status?.firstInvalidSeq ?? '—'}
            testId="chain-first-invalid"
            tone={status?.firstInvalidSeq != null ? 'red.7' : undefined}
          />
        </SimpleGrid>
      )}
      {status && !status.valid && (
        <Alert
          mt="sm"
          color="red"
          icon={<IconAlertTriangle size={16} />}
          title="The audit chain does not hold"
          data-testid="chain-invalid-reason"
        >
          {status.reason ?? 'An entry does not match its hash.'} Entries from seq {status.firstInvalidSeq ?? '?'} on cannot be
          trusted. Preserve the database and escalate to your security team.
        </Alert>
      )}
    </Paper>
  );
}
