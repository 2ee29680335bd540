import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { shortAddress } from '../lib/walletAddress';

/** An address shortened for reading, whole on hover, and copied whole with one click. */
export function WalletAddress({ address }: { address: string }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Text fz="sm" ff="monospace" title={address} data-testid="wallet-address">
        {shortAddress(address)}
      </Text>
      <CopyButton value={address} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the whole address'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label="Copy the whole address"
              data-testid="wallet-address-copy"
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
