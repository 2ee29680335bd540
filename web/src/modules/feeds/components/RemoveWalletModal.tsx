import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RemoveWalletDocument, type WalletFieldsFragment } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { shortAddress } from '../lib/walletAddress';

type RemoveWalletModalProps = { wallet: WalletFieldsFragment | null; chainName: string; onClose: () => void };

/** Asks before removing: polling stops, what was read stays. */
export function RemoveWalletModal({ wallet, chainName, onClose }: RemoveWalletModalProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const [remove, { loading }] = useMutation(RemoveWalletDocument, { refetchQueries: ['Wallets', 'WalletHealth'] });
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!wallet) return;
    try {
      await remove({ variables: { id: wallet.id } });
      notifySuccess('Wallet removed', `${shortAddress(wallet.address)} on ${chainName} is no longer read.`);
      close();
    } catch (err) {
      setFailure(errorMessageOf(err));
    }
  };
  return (
    <Modal opened={wallet !== null} onClose={close} title="Remove this wallet?" centered data-testid="remove-wallet-modal">
      <Stack gap="sm">
        <ErrorAlert message={failure} testId="remove-wallet-error" />
        <Text fz="sm">
          Vigil stops reading{' '}
          <Text span ff="monospace" fz="sm">
            {wallet?.address}
          </Text>{' '}
          on {chainName}. What was already read stays in your history, and compliance still sees it.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()} data-testid="remove-wallet-confirm">
            Remove wallet
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
