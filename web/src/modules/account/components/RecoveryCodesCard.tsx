import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { MeDocument, RegenerateRecoveryCodesDocument } from '@/generated/graphql';
import { RecoveryCodesPanel, useViewer } from '@/modules/auth';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf } from '@/ui/lib/errorCodes';
import { recoveryCodesLeftText } from '../lib/recoveryCodesLeft';

/** How many recovery codes are left, and new ones (which need a verified session: the step-up dialog asks). */
export function RecoveryCodesCard() {
  const viewer = useViewer();
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [regenerate, { loading }] = useMutation(RegenerateRecoveryCodesDocument, { refetchQueries: [MeDocument] });
  if (!viewer.user.mfaEnabled) return null;
  const left = viewer.recoveryCodesRemaining;

  const issue = async () => {
    setError(null);
    try {
      const { data } = await regenerate();
      if (data) setCodes(data.regenerateRecoveryCodes);
    } catch (err) {
      setError(errorMessageOf(err));
    }
  };

  return (
    <Paper withBorder p="lg" data-testid="recovery-codes-card">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={5}>Recovery codes</Title>
          <Badge color={left <= 2 ? 'orange' : 'gray'} variant="light" data-testid="recovery-codes-left">
            {left} left
          </Badge>
        </Group>
        <ErrorAlert message={error} />
        {codes ? (
          <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />
        ) : (
          <Group justify="space-between" align="center">
            <Text fz="sm" c="dimmed" maw={520}>
              {recoveryCodesLeftText(left)}
            </Text>
            <Button variant="default" onClick={() => void issue()} loading={loading} data-testid="recovery-codes-regenerate">
              Issue new codes
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
