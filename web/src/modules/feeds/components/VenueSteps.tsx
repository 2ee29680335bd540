import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconNetwork } from '@tabler/icons-react';
import type { ExchangeVenuesQuery } from '@/generated/graphql';

export type Venue = ExchangeVenuesQuery['exchangeVenues'][number];

/** The venue's own steps for a read-only key; what to leave off is the part that must not be missed. */
export function VenueSteps({ venue }: { venue: Venue }) {
  return (
    <Paper withBorder p="lg" data-testid="venue-steps">
      <Stack gap="sm">
        <Title order={5}>Make a read-only key at {venue.displayName}</Title>
        <Text fz="sm">
          <Text span fw={600}>
            Where:{' '}
          </Text>
          {venue.where}
        </Text>
        <div>
          <Text fz="sm" fw={600}>
            Grant only
          </Text>
          <List size="sm" spacing={2} data-testid="venue-grant">
            {venue.grant.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </div>
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="Leave these OFF"
          data-testid="venue-leave-off"
        >
          <Text fz="sm" mb={4}>
            A key with any of these is refused and nothing of it is kept. Make sure each one is unticked before you copy the key.
          </Text>
          <List size="sm" spacing={2}>
            {venue.leaveOff.map((item) => (
              <List.Item key={item} fw={600}>
                {item}
              </List.Item>
            ))}
          </List>
        </Alert>
        <Alert color="blue" variant="light" icon={<IconNetwork size={18} />} title="IP allow-list">
          <Text fz="sm">{venue.ipAllowList}</Text>
        </Alert>
        {venue.notes.length > 0 && (
          <List size="sm" spacing={2} c="dimmed">
            {venue.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
