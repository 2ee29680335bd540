import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Anchor, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconShieldLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { returnPathIn, returnStateFor } from '@/app/routing/returnPath';
import { sessionStore } from '@/app/session/sessionStore';
import { useSession } from '@/app/session/useSession';
import { type AuthPayloadFieldsFragment, LoginDocument, LogoutDocument, StepUpDocument } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { VigilMark } from '@/ui/components/VigilMark';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { tooManyAttemptsMessage } from '@/ui/lib/tooManyAttempts';
import { SecondFactorInput, SecondFactorToggle, secondFactorReady } from '../components/SecondFactorInput';
import { useApplyAuthPayload } from '../hooks/useApplyAuthPayload';
import { signInPrefill } from '../lib/signInPrefill';
import { takeSignOutNotice } from '../lib/signOutNotice';

function signInMessage(error: unknown): string {
  if (hasErrorCode(error, 'RATE_LIMITED')) return tooManyAttemptsMessage(error);
  if (hasErrorCode(error, 'UNAUTHENTICATED') || hasErrorCode(error, 'BAD_USER_INPUT')) {
    return 'That organization, email and password do not match an active account.';
  }
  return errorMessageOf(error);
}

// Remembered on this browser only to save typing: it is not a secret (it is in every sign-in link).
const lastOrganization = {
  key: 'vigil.organization',
  read(): string {
    try {
      return localStorage.getItem(this.key) ?? '';
    } catch {
      return '';
    }
  },
  write(value: string) {
    try {
      localStorage.setItem(this.key, value);
    } catch {
      // Storage may be off (private mode): typing it again is the only cost.
    }
  },
};

function codeMessage(error: unknown): string {
  if (hasErrorCode(error, 'RATE_LIMITED')) return tooManyAttemptsMessage(error);
  if (hasErrorCode(error, 'UNAUTHENTICATED') || hasErrorCode(error, 'BAD_USER_INPUT')) {
    return 'That code is not valid. Authenticator codes change every 30 seconds; each code, a recovery code too, works once.';
  }
  return errorMessageOf(error);
}

export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const applyAuthPayload = useApplyAuthPayload();
  const [searchParams] = useSearchParams();
  // An account belongs to one organization: a link may name it (?org=), else the last one used here.
  // Onboarding hands over the email the person just chose a password for, and says what comes next.
  const [prefill] = useState(() => signInPrefill(searchParams, location.state, lastOrganization.read()));
  const [organization, setOrganization] = useState(prefill.organization);
  const [email, setEmail] = useState(prefill.email);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // An AAL1 token that still needs its code: kept out of the session until the code checks out.
  const [pending, setPending] = useState<AuthPayloadFieldsFragment | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Why the console signed this person out on purpose (their own role changed…), said once; else what
  // the page that handed over says (onboarding: what comes next).
  const [notice] = useState(() => takeSignOutNotice() ?? prefill.notice);
  // A lost authenticator: one recovery code stands in for the 6-digit code.
  const [useRecovery, setUseRecovery] = useState(false);
  const [login, { loading: signingIn }] = useMutation(LoginDocument);
  const [stepUp, { loading: verifying }] = useMutation(StepUpDocument);
  const [logout] = useMutation(LogoutDocument);

  // The page the last session had open: '/' (shell/LandingRedirect) sends the person back to it only
  // when their permissions open it, else to their landing page; this module does not know which
  // pages exist or what they require.
  const returnState = returnStateFor(returnPathIn(location.state));
  if (session && !pending) return <Navigate to="/" replace state={returnState} />;

  const finish = (payload: AuthPayloadFieldsFragment) => {
    applyAuthPayload(payload);
    // A password someone else set must be replaced before anything else works (the server refuses the rest).
    if (payload.viewer.passwordChangeRequired) {
      void navigate('/choose-password', { replace: true });
      return;
    }
    void navigate('/', { replace: true, state: returnState });
  };

  const submitCredentials = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await client.clearStore();
      const input = { organization: organization.trim().toLowerCase(), email: email.trim(), password };
      const { data } = await login({ variables: { input } });
      if (!data) return;
      lastOrganization.write(input.organization);
      if (data.login.mfaRequired) {
        setPending(data.login);
        setCode('');
      } else {
        finish(data.login);
      }
    } catch (err) {
      setError(signInMessage(err));
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    setError(null);
    try {
      const { data } = await stepUp({ variables: { code }, context: { token: pending.token } });
      // stepUp is nullable: a refused code answers null alongside the error that says why.
      if (!data?.stepUp) throw new Error('The code was not accepted.');
      finish(data.stepUp);
    } catch (err) {
      setError(codeMessage(err));
      setCode('');
    }
  };

  const cancelCode = () => {
    if (pending) void logout({ context: { token: pending.token } }).catch(() => undefined);
    setPending(null);
    setUseRecovery(false);
    setPassword('');
    setError(null);
    sessionStore.clear();
  };

  return (
    <Box mih="100vh" style={{ display: 'flex' }}>
      {/* The brand panel hides on narrow screens; its display must come from the class, not a style. */}
      <Box visibleFrom="md" bg="vigil.8" c="white" style={{ flex: '5 1 0' }}>
        <Stack justify="space-between" h="100%" p={48}>
          <Box>
            <Box bg="white" px={10} py={6} style={{ display: 'inline-block', borderRadius: 8 }}>
              <VigilMark size={26} />
            </Box>
          </Box>
          <Stack gap="sm" maw={420}>
            <Title order={2} fw={600} c="white">
              Oversight for money you answer for.
            </Title>
            <Text c="vigil.1" fz="sm">
              Holdings oversight and release governance on one audited core. Every request you make here is recorded in a
              tamper-evident log.
            </Text>
          </Stack>
          <Text c="vigil.3" fz="xs">
            Authorized personnel only.
          </Text>
        </Stack>
      </Box>
      {/* A phone (390 px) gets the whole width: a fixed 400 px card ran off its right edge. */}
      <Center p={{ base: 'md', xs: 'xl' }} style={{ flex: '7 1 0', minWidth: 0 }}>
        <Paper withBorder shadow="xs" p={{ base: 'lg', xs: 32 }} w="100%" maw={400} radius="md" data-testid="sign-in-card">
          {pending ? (
            <form onSubmit={(e) => void submitCode(e)} data-testid="sign-in-mfa-form">
              <Stack gap="md">
                <Stack gap={4}>
                  <IconShieldLock size={28} color="var(--mantine-color-vigil-7)" />
                  <Title order={3}>Two-step verification</Title>
                  <Text fz="sm" c="dimmed">
                    {useRecovery
                      ? `Enter one of the recovery codes you stored for ${pending.viewer.user.email}. It will not work again.`
                      : `Enter the 6-digit code from your authenticator app for ${pending.viewer.user.email}.`}
                  </Text>
                </Stack>
                <ErrorAlert message={error} testId="sign-in-error" />
                <SecondFactorInput recovery={useRecovery} value={code} onChange={setCode} testId="sign-in-code" />
                <Button
                  type="submit"
                  loading={verifying}
                  disabled={!secondFactorReady(useRecovery, code)}
                  fullWidth
                  data-testid="sign-in-verify"
                >
                  Verify
                </Button>
                <SecondFactorToggle
                  recovery={useRecovery}
                  onToggle={() => {
                    setUseRecovery(!useRecovery);
                    setCode('');
                    setError(null);
                  }}
                  testId="sign-in-toggle-recovery"
                />
                <Anchor component="button" type="button" fz="sm" onClick={cancelCode}>
                  Use a different account
                </Anchor>
              </Stack>
            </form>
          ) : (
            <form onSubmit={(e) => void submitCredentials(e)} data-testid="sign-in-form">
              <Stack gap="md">
                <Stack gap={4}>
                  <Title order={3}>Sign in to Vigil</Title>
                  <Text fz="sm" c="dimmed">
                    Use the account your organization's administrator created for you.
                  </Text>
                </Stack>
                {notice && (
                  <Alert color="blue" icon={<IconInfoCircle size={16} />} data-testid="sign-in-notice">
                    {notice}
                  </Alert>
                )}
                <ErrorAlert message={error} testId="sign-in-error" />
                <TextInput
                  label="Organization"
                  description="As in your sign-in link, or ask your administrator"
                  placeholder="acme"
                  autoComplete="organization"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  autoFocus={organization === ''}
                  value={organization}
                  onChange={(e) => setOrganization(e.currentTarget.value)}
                  data-testid="sign-in-organization"
                />
                <TextInput
                  label="Work email"
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus={organization !== '' && email === ''}
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  data-testid="sign-in-email"
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  required
                  autoFocus={organization !== '' && email !== ''}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  data-testid="sign-in-password"
                />
                <Button type="submit" loading={signingIn} fullWidth data-testid="sign-in-submit">
                  Sign in
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Center>
    </Box>
  );
}
