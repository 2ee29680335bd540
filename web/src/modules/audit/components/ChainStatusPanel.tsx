import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconLinkOff, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AuditChainStatusDocument } from '@/generated/graphql';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { formatDateTime } from '@/ui/lib/formatDateTime';

function Stat({ label, value, testId, tone }: { label: string; value: ReactNode; testId: string; tone?: string }) {
  return (
    <Stack gap={0}>
      <Text fz={11} c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="lg" fw={600} c={tone} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Stack>
  );
}

/** The result of walking this organization's hash chain, verified by the server on request. */
export function ChainStatusPanel() {
  const { data, error, loading, refetch } = useQuery(AuditChainStatusDocument, { fetchPolicy: 'network-only' });
  const status = data?.auditChainStatus;

  return (
    <Paper withBorder p="md" data-testid="chain-status">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
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
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
          <Stat label="Entries checked" value={status?.checkedEntries ?? '—'} testId="chain-checked" />
          <Stat label="Head seq" value={status?.headSeq ?? '—'} testId="chain-head" />
          <Stat
            label="Pending entries"
            value={status?.pendingEntries ?? '—'}
            testId="chain-pending"
            tone={status && status.pendingEntries > 0 ? 'orange.7' : undefined}
          />
          <Stat
            label="Chaining delay (1 min)"
            value={status?.chainDelayMs == null ? '—' : `${Math.round(status.chainDelayMs)} ms`}
            testId="chain-delay"
            tone={status?.chainDelayMs != null && status.chainDelayMs > 500 ? 'orange.7' : undefined}
          />
          <Stat
            label="First invalid seq"
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
