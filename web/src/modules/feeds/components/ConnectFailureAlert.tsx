import { Alert } from '@mantine/core';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import type { ConnectFailure } from '../lib/connectError';
import { TooBroadAlert } from './TooBroadAlert';

type ConnectFailureAlertProps = {
  failure: ConnectFailure | null;
  venueName: string;
  testId: string;
  /** Only the connect page's journeys look for this alert by id. */
  scopeUnknownTestId?: string;
};

/** Why the venue refused a pasted key: what to turn off, "try again", or the server's message. */
export function ConnectFailureAlert({ failure, venueName, testId, scopeUnknownTestId }: ConnectFailureAlertProps) {
  if (failure?.kind === 'too_broad') {
    return <TooBroadAlert venueName={venueName} offending={failure.offending} message={failure.message} />;
  }
  if (failure?.kind === 'scope_unknown') {
    return (
      <Alert color="orange" title="Could not verify, try again" data-testid={scopeUnknownTestId}>
        {failure.message}
      </Alert>
    );
  }
  return <ErrorAlert message={failure?.message} testId={testId} />;
}
