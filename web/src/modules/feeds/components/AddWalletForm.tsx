import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Button, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { AddWalletDocument, ChainsDocument } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { useFieldErrors } from '@/ui/hooks/useFieldErrors';
import { errorMessageOf } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { shortAddress, walletAddressProblem } from '../lib/walletAddress';

type Field = 'chainId' | 'address' | 'label';

/** The field a BAD_USER_INPUT names, so the message shows under it rather than above the form. */
function fieldOf(error: unknown): Field | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const field = error.errors[0]?.extensions?.field;
  return field === 'chainId' || field === 'address' || field === 'label' ? field : null;
}

/** Adds one of the employee's own wallets on a configured chain; it is read from the next polling cycle. */
export function AddWalletForm() {
  const { data: chains } = useQuery(ChainsDocument);
  const [chainId, setChainId] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { errors, show, clear } = useFieldErrors<Field>();
  const [add, { loading }] = useMutation(AddWalletDocument, { refetchQueries: ['Wallets', 'WalletHealth'] });
  const options = (chains?.chains ?? []).map((c) => ({ value: String(c.chainId), label: `${c.name} (${c.nativeSymbol})` }));
  // One chain configured: nothing to choose.
  const chosen = chainId ?? (options.length === 1 ? options[0]!.value : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const ok = show({
      chainId: chosen ? null : 'Choose the chain the wallet is on.',
      address: walletAddressProblem(address),
      label: label.trim().length > 80 ? 'At most 80 characters.' : null,
    });
    if (!ok || !chosen) return;
    try {
      const { data } = await add({
        variables: { input: { chainId: Number(chosen), address: address.trim(), label: label.trim() || null } },
      });
      if (data) {
        notifySuccess('Wallet added', `${shortAddress(data.addWallet.address)} is read from the next polling cycle.`);
        setAddress('');
        setLabel('');
      }
    } catch (err) {
      const field = fieldOf(err);
      if (field) show({ [field]: errorMessageOf(err).replace(/^\w+: /, '') });
      else setFailure(errorMessageOf(err));
    }
  };

  if (chains && options.length === 0) {
    return (
      <Text fz="sm" c="dimmed" data-testid="add-wallet-no-chains">
        No chain is configured for wallets yet; ask your administrator.
      </Text>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate autoComplete="off" data-testid="add-wallet-form">
      <Stack gap="sm">
        <ErrorAlert message={failure} testId="add-wallet-error" />
        <Select
          label="Chain"
          placeholder="Choose a chain"
          data={options}
          value={chosen}
          onChange={(v) => {
            setChainId(v);
            clear('chainId');
          }}
          error={errors.chainId}
          allowDeselect={false}
          data-testid="add-wallet-chain"
        />
        <TextInput
          label="Address"
          description="The 0x address, as your wallet shows it. Only the address is sent to the chain, never who you are."
          placeholder="0x…"
          spellCheck={false}
          ff="monospace"
          value={address}
          onChange={(e) => {
            setAddress(e.currentTarget.value);
            clear('address');
          }}
          onBlur={() => address.trim() && show({ address: walletAddressProblem(address) })}
          error={errors.address}
          data-testid="add-wallet-address"
        />
        <TextInput
          label="Label"
          description="Optional, e.g. “Ledger”."
          maxLength={80}
          value={label}
          onChange={(e) => {
            setLabel(e.currentTarget.value);
            clear('label');
          }}
          error={errors.label}
          data-testid="add-wallet-label"
        />
        <Button
          type="submit"
          loading={loading}
          leftSection={<IconPlus size={16} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="add-wallet-submit"
        >
          Add wallet
        </Button>
      </Stack>
    </form>
  );
}
