import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLinkOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { signInPathFor } from '../lib/signInAfterOnboarding';

/** Why a link cannot be used here, each with what to do about it. */
export type InvitationProblemKind = 'missing' | 'malformed' | 'not_found' | 'expired' | 'used' | 'revoked';

type InvitationProblemProps = { kind: InvitationProblemKind; organization?: string; organizationName?: string };

const TEXT: Record<Exclude<InvitationProblemKind, 'used'>, { title: string; body: string }> = {
  missing: {
    title: 'Open this page from your invitation link',
    body: 'This page sets up an employee’s Vigil account. It only works from the personal link your administrator sent you, which ends in #invitation=… . Open that link as it is.',
  },
  malformed: {
    title: 'This link is incomplete',
    body: 'The invitation part of the address is cut short or altered; mail programs sometimes break long links over two lines. Copy the whole link from the message, or ask your administrator to send it again.',
  },
  not_found: {
    title: 'This invitation link is not valid',
    body: 'Vigil does not know this link. Check that you copied all of it. If it still does not work, ask your administrator to re-send your invitation.',
  },
  expired: {
    title: 'This invitation has expired',
    body: 'Invitation links work for 7 days. Ask your administrator to re-send your invitation: you will get a new link, and this one stays dead.',
  },
  revoked: {
    title: 'This link was replaced by a newer one',
    body: 'Your administrator sent you a newer invitation, which made this one stop working. Use the most recent link you received, or ask for a new one.',
  },
};

export function InvitationProblem({ kind, organization, organizationName }: InvitationProblemProps) {
  if (kind === 'used') {
    return (
      <Stack gap="sm" data-testid="invitation-problem" data-kind={kind}>
        <Title order={3}>This invitation has already been used</Title>
        <Text fz="sm">
          An account was made from this link{organizationName ? ` for ${organizationName}` : ''}, and a link works only once. If
          that was you, sign in with the password you chose. If it was not you, tell your administrator now.
        </Text>
        <Anchor component={Link} to={organization ? signInPathFor(organization) : '/sign-in'} fz="sm" fw={500}>
          Go to sign-in
        </Anchor>
      </Stack>
    );
  }
  const { title, body } = TEXT[kind];
  return (
    <Stack gap="sm" data-testid="invitation-problem" data-kind={kind}>
      <Title order={3}>{title}</Title>
      <Alert
        color={kind === 'expired' || kind === 'revoked' ? 'orange' : 'red'}
        variant="light"
        icon={kind === 'missing' ? <IconAlertTriangle size={16} /> : <IconLinkOff size={16} />}
      >
        {body}
      </Alert>
      <Text fz="xs" c="dimmed">
        Already have an account?{' '}
        <Anchor component={Link} to={organization ? signInPathFor(organization) : '/sign-in'} fz="xs">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
