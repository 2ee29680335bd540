import { Alert, Button, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ConnectedExchange } from './ConnectKeyForm';

type ConnectedResultProps = { result: ConnectedExchange; venueName: string; onAnother: () => void };

/** What the venue answered with the new key: proof it works, shown once right after connecting. */
export function ConnectedResult({ result, venueName, onAnother }: ConnectedResultProps) {
  const { connection, balances } = result;
  return (
    <Alert color="teal" icon={<IconCircleCheck size={18} />} title={`${venueName} connected`} data-testid="connect-success">
      <Text fz="sm">
        Key <b>{connection.keyFingerprint}</b>
        {connection.label ? ` (${connection.label})` : ''} was verified read-only and stored sealed. Vigil never shows it again,
        only these last characters.
      </Text>
      {balances.length === 0 ? (
        <Text fz="sm" mt="xs">
          The venue reported no balances on this account yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280} type="native" mt="xs">
          <Table fz="sm" data-testid="connect-balances">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Asset</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {balances.map((b) => (
                <Table.Tr key={b.asset}>
                  <Table.Td fw={600}>{b.asset}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {b.total}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Button size="xs" variant="light" color="teal" mt="sm" onClick={onAnother} data-testid="connect-another">
        Connect another exchange
      </Button>
    </Alert>
  );
}
