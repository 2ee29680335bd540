import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { shortAddress } from '../lib/walletAddress';

type WalletAddressProps = {
  address: string;
  /** What it is, for the copy button's label: an address, a transaction hash. */
  what?: string;
  fz?: 'xs' | 'sm';
  testId?: string;
};

/** An address (or a hash) shortened for reading, whole on hover, and copied whole with one click. */
export function WalletAddress({ address, what = 'address', fz = 'sm', testId = 'wallet-address' }: WalletAddressProps) {
  const label = `Copy the whole ${what}`;
  return (
    <Group gap={2} wrap="nowrap">
      <Text fz={fz} ff="monospace" title={address} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
        {shortAddress(address)}
      </Text>
      <CopyButton value={address} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : label} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={label}
              data-testid={`${testId}-copy`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
