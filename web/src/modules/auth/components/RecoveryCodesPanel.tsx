import { Alert, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconAlertTriangle } from '@tabler/icons-react';
import { useViewer } from '../hooks/useViewer';
import { recoveryCodesFile } from '../lib/recoveryCodes';

type RecoveryCodesPanelProps = {
  codes: readonly string[];
  /** The person says they stored them: the codes are hidden and never shown again. */
  onDone: () => void;
};

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Freshly issued recovery codes, shown this once: the server keeps only their hashes. */
export function RecoveryCodesPanel({ codes, onDone }: RecoveryCodesPanelProps) {
  const viewer = useViewer();
  const file = () => recoveryCodesFile(codes, { email: viewer.user.email, organization: viewer.organization.slug }, new Date());
  return (
    <Stack gap="sm" data-testid="recovery-codes">
      <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title="Store these recovery codes now">
        They are shown only this once. If you lose your authenticator, each code signs you in once in its place. Keep them
        somewhere safe and separate from your phone, such as a password manager.
      </Alert>
      <Paper withBorder p="md" bg="gray.0">
        <SimpleGrid cols={2} spacing={6}>
          {codes.map((code) => (
            <Text key={code} ff="monospace" fz="sm" data-testid="recovery-code">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="xs"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            >
              {copied ? 'Copied' : 'Copy all'}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() => download(file(), `vigil-recovery-codes-${viewer.organization.slug}.txt`)}
          data-testid="recovery-codes-download"
        >
          Download .txt
        </Button>
        <Button size="xs" onClick={onDone} data-testid="recovery-codes-done">
          I have stored them
        </Button>
      </Group>
    </Stack>
  );
}
