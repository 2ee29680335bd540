import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

export function AccessDenied({ detail }: { detail?: string }) {
  return (
    <Center py={64}>
      <Paper withBorder p="xl" maw={460} data-testid="access-denied">
        <Stack align="center" gap="xs" ta="center">
          <ThemeIcon size={44} radius="xl" color="red" variant="light">
            <IconLock size={22} />
          </ThemeIcon>
          <Title order={4}>Access denied</Title>
          <Text fz="sm" c="dimmed">
            {detail ?? 'Your role does not allow this. The attempt has been recorded in the audit log.'}
          </Text>
          <Text fz="xs" c="dimmed">
            Ask an administrator if you need access.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
