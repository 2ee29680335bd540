import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConnectionsDocument, ExchangeVenuesDocument, type ConnectionFieldsFragment } from '@/generated/graphql';
import { useVenueNames } from '../hooks/useVenueNames';
import { RemoveConnectionModal } from './RemoveConnectionModal';
import { RotateConnectionModal } from './RotateConnectionModal';

/**
 * The employee's own keys, to replace or remove: a key about to expire or no longer accepted is
 * replaced by a fresh one; a closed account's key is removed. Reads the same query (and cache) as
 * the connections card above it.
 */
export function ManageKeysCard() {
  const venueName = useVenueNames();
  const { data: venues } = useQuery(ExchangeVenuesDocument);
  const { data } = useQuery(ConnectionsDocument, { variables: { employeeId: null } });
  const [removing, setRemoving] = useState<ConnectionFieldsFragment | null>(null);
  const [rotating, setRotating] = useState<ConnectionFieldsFragment | null>(null);
  const connections = data?.connections ?? [];
  if (connections.length === 0) return null;
  const needsPassphrase = (venue: string) => venues?.exchangeVenues.find((v) => v.id === venue)?.needsPassphrase ?? false;
  return (
    <Paper withBorder p="lg" data-testid="manage-keys-card">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={5}>Manage your keys</Title>
          <Text fz="xs" c="dimmed">
            Replace a key that expires or was revoked with a fresh read-only one; remove a key you no longer use. Either way the
            old key is erased from Vigil at once.
          </Text>
        </Stack>
        {connections.map((c) => (
          <Group key={c.id} justify="space-between" gap="xs" wrap="wrap" data-testid="manage-key" data-venue={c.venue}>
            <Text fz="sm">
              {venueName(c.venue)}{' '}
              <Text span fz="xs" c="dimmed" ff="monospace">
                key {c.keyFingerprint}
              </Text>
              {c.label ? (
                <Text span fz="xs" c="dimmed">
                  {' '}
                  · {c.label}
                </Text>
              ) : null}
            </Text>
            <Group gap={6}>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconKey size={14} />}
                onClick={() => setRotating(c)}
                data-testid="rotate-connection"
              >
                Replace key
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => setRemoving(c)}
                data-testid="remove-connection"
              >
                Remove
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <RemoveConnectionModal
        connection={removing}
        venueName={removing ? venueName(removing.venue) : ''}
        onClose={() => setRemoving(null)}
      />
      <RotateConnectionModal
        connection={rotating}
        venueName={rotating ? venueName(rotating.venue) : ''}
        needsPassphrase={rotating ? needsPassphrase(rotating.venue) : false}
        onClose={() => setRotating(null)}
      />
    </Paper>
  );
}
