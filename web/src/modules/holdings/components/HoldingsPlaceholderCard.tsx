import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';

type HoldingsPlaceholderCardProps = {
  onboarded: boolean;
  /** Compliance looking at an employee, or the employee looking at themself. */
  audience: 'oversight' | 'self';
};

function detail({ onboarded, audience }: HoldingsPlaceholderCardProps): string {
  if (audience === 'self') {
    return 'Next you will connect your exchange accounts with read-only keys, and your wallet addresses. That step is not open yet; your compliance team will tell you when it is. Until then nothing is monitored for you.';
  }
  return onboarded
    ? 'The employee has an account. Connecting exchange keys and wallets is the next step and is not open yet, so nothing is monitored for them so far.'
    : 'They first choose a password from their invitation link, then connect read-only exchange keys and wallet addresses. Balances, transactions and connection health will show here.';
}

/**
 * Space kept for connections and wallets (the next slice of issue 10). It shows no numbers: there
 * are none yet, and a made-up zero would read as "holds nothing".
 */
export function HoldingsPlaceholderCard(props: HoldingsPlaceholderCardProps) {
  return (
    <Paper withBorder p="lg" style={{ borderStyle: 'dashed' }} data-testid="holdings-placeholder">
      <Stack gap="xs" align="flex-start">
        <ThemeIcon variant="light" color="gray" size={36} radius="xl">
          <IconPlugConnected size={20} />
        </ThemeIcon>
        <Title order={5}>Connections and wallets</Title>
        <Text fz="sm">
          {props.audience === 'self'
            ? 'Your connections and wallets appear here once you have connected them.'
            : 'Connections and wallets appear here once the employee onboards.'}
        </Text>
        <Text fz="sm" c="dimmed">
          {detail(props)}
        </Text>
      </Stack>
    </Paper>
  );
}
