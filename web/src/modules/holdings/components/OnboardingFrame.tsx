import { Box, Center, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { VigilMark } from '@/ui/components/VigilMark';

/** The public onboarding page's frame: no navigation, nothing loaded from anywhere else. */
export function OnboardingFrame({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Center p={{ base: 'sm', sm: 'xl' }} mih="100vh">
        <Stack gap="md" w="100%" maw={520}>
          <Box px={4}>
            <VigilMark size={26} />
          </Box>
          <Paper withBorder shadow="xs" p={{ base: 'md', sm: 32 }} radius="md" data-testid="onboarding-card">
            {children}
          </Paper>
          <Text fz="xs" c="dimmed" px={4}>
            Vigil is your organization’s oversight tool for employees’ crypto holdings. It only ever asks for read-only exchange
            keys, and it never moves money.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
