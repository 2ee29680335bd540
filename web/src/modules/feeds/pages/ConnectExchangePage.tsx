import { useQuery } from '@apollo/client/react';
import { Anchor, Breadcrumbs, Grid, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExchangeVenuesDocument } from '@/generated/graphql';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { InsecureTransportAlert, insecureTransportReason } from '@/modules/holdings';
import { ConnectedResult } from '../components/ConnectedResult';
import { type ConnectedExchange, ConnectKeyForm } from '../components/ConnectKeyForm';
import { ConnectionsCard } from '../components/ConnectionsCard';
import { VenueSteps } from '../components/VenueSteps';

/** An employee connects a read-only exchange key: pick the venue, follow its steps, paste the key. */
export function ConnectExchangePage() {
  const { data, error, refetch } = useQuery(ExchangeVenuesDocument);
  const [venueId, setVenueId] = useState<string | null>(null);
  const [result, setResult] = useState<ConnectedExchange | null>(null);
  const venue = data?.exchangeVenues.find((v) => v.id === venueId) ?? null;
  // H11: in production a key is never typed into a page served over plain HTTP.
  const insecure = insecureTransportReason({
    production: import.meta.env.PROD,
    protocol: window.location.protocol,
    hostname: window.location.hostname,
  });

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/me/holdings">
          My holdings
        </Anchor>
        <Text fz="sm" c="dimmed">
          Connect an exchange
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Connect an exchange"
        description="Share a read-only key so compliance can see your balances and trades. Vigil checks with the venue that the key can only read before it keeps anything."
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {error && !data ? (
              <QueryErrorState error={error} onRetry={() => void refetch()} />
            ) : !data ? (
              <TableSkeleton rows={3} />
            ) : (
              <Paper withBorder p="lg">
                <Select
                  label="Exchange"
                  placeholder="Pick the venue your account is at"
                  data={data.exchangeVenues.map((v) => ({ value: v.id, label: v.displayName }))}
                  value={venueId}
                  onChange={(id) => {
                    setVenueId(id);
                    setResult(null);
                  }}
                  allowDeselect={false}
                  maw={360}
                  data-testid="connect-venue"
                />
                {!venue && (
                  <Text fz="sm" c="dimmed" mt="sm">
                    Pick a venue to see how to make a read-only key there. It takes a few minutes; have your venue login and 2FA
                    device at hand.
                  </Text>
                )}
              </Paper>
            )}
            {venue && <VenueSteps venue={venue} />}
            {venue && (
              <Paper withBorder p="lg">
                <Stack gap="sm">
                  <Title order={5}>Paste the new key</Title>
                  {insecure ? (
                    <InsecureTransportAlert reason={insecure} />
                  ) : result ? (
                    <ConnectedResult result={result} venueName={venue.displayName} onAnother={() => setResult(null)} />
                  ) : (
                    // A new venue is a new form: nothing typed for one venue is sent to another.
                    <ConnectKeyForm key={venue.id} venue={venue} onConnected={setResult} />
                  )}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ConnectionsCard empty="You have not connected an exchange yet. The keys you connect show here with their health." />
        </Grid.Col>
      </Grid>
    </>
  );
}
