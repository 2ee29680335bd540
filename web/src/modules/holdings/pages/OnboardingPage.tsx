import { useMutation, useQuery } from '@apollo/client/react';
import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AcceptInvitationDocument, type AcceptInvitationMutation, InvitationDocument } from '@/generated/graphql';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { tooManyAttemptsMessage } from '@/ui/lib/tooManyAttempts';
import { AccountReadyPanel } from '../components/AccountReadyPanel';
import { ChoosePasswordForm } from '../components/ChoosePasswordForm';
import { InsecureTransportAlert } from '../components/InsecureTransportAlert';
import { InvitationProblem } from '../components/InvitationProblem';
import { InvitationSummary } from '../components/InvitationSummary';
import { OnboardingFrame } from '../components/OnboardingFrame';
import { useInvitationFragment } from '../hooks/useInvitationFragment';
import type { InvitationFragment } from '../lib/invitationFragment';
import { insecureTransportReason } from '../lib/onboardingTransport';

// The link is the credential: a session that happens to be open in this tab is not sent along (an
// explicit empty token means "no Authorization header", see app/createApolloClient.ts).
const ANONYMOUS = { token: '' };

function acceptMessage(error: unknown): string {
  if (hasErrorCode(error, 'RATE_LIMITED')) return tooManyAttemptsMessage(error);
  if (hasErrorCode(error, 'NOT_FOUND')) return 'This invitation link is not valid. Ask your administrator for a new one.';
  return errorMessageOf(error);
}

/** Each link gets a fresh flow: a second link opened in the same tab starts over. */
export function OnboardingPage() {
  const fragment = useInvitationFragment();
  const key = fragment.kind === 'token' ? fragment.token : fragment.kind;
  return <OnboardingFlow key={key} fragment={fragment} />;
}

function OnboardingFlow({ fragment }: { fragment: InvitationFragment }) {
  const insecure = insecureTransportReason({
    production: import.meta.env.PROD,
    protocol: window.location.protocol,
    hostname: window.location.hostname,
  });
  const token = fragment.kind === 'token' ? fragment.token : '';
  // Over plain HTTP the token itself must not travel either: nothing is asked of the server.
  const { data, error, loading } = useQuery(InvitationDocument, {
    variables: { token },
    skip: token === '' || insecure !== null,
    fetchPolicy: 'no-cache',
    context: ANONYMOUS,
  });
  const [acceptInvitation] = useMutation(AcceptInvitationDocument, { context: ANONYMOUS });
  const [accepted, setAccepted] = useState<AcceptInvitationMutation['acceptInvitation'] | null>(null);
  const invitation = data?.invitation;

  const body = () => {
    if (insecure) {
      return (
        <Stack gap="md">
          <Title order={3}>Set up your Vigil account</Title>
          <InsecureTransportAlert reason={insecure} />
          <ChoosePasswordForm email="" disabled onSubmit={() => Promise.resolve()} />
        </Stack>
      );
    }
    if (accepted && invitation) {
      return (
        <AccountReadyPanel
          organization={accepted.organization}
          organizationName={invitation.organizationName}
          email={accepted.email}
        />
      );
    }
    if (fragment.kind !== 'token') return <InvitationProblem kind={fragment.kind} />;
    if (error) {
      if (hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT'))
        return <InvitationProblem kind="not_found" />;
      return (
        <Stack gap="sm">
          <Title order={3}>The invitation could not be checked</Title>
          <Text fz="sm">{errorMessageOf(error)}</Text>
          <Text fz="sm" c="dimmed">
            Reload the page with your original link to try again; it has not been used up.
          </Text>
        </Stack>
      );
    }
    if (loading || !invitation) {
      return (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      );
    }
    if (invitation.state !== 'valid') {
      return (
        <InvitationProblem
          kind={invitation.state}
          organization={invitation.organization}
          organizationName={invitation.organizationName}
        />
      );
    }
    return (
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3}>Set up your Vigil account</Title>
          <Text fz="sm" c="dimmed">
            {invitation.organizationName} invited you to Vigil, where its compliance team oversees employees’ crypto holdings.
            Choose a password to make your account; this link then stops working.
          </Text>
        </Stack>
        <InvitationSummary invitation={invitation} />
        <ChoosePasswordForm
          email={invitation.email ?? ''}
          disabled={false}
          onSubmit={async (password) => {
            try {
              const { data: result } = await acceptInvitation({ variables: { token, password } });
              if (!result) throw new Error('Your account could not be made. Try again.');
              setAccepted(result.acceptInvitation);
            } catch (err) {
              throw new Error(acceptMessage(err));
            }
          }}
        />
      </Stack>
    );
  };

  return <OnboardingFrame>{body()}</OnboardingFrame>;
}
