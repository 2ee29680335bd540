import { useMutation } from '@apollo/client/react';
import { Badge, Button, Code, CopyButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { BeginMfaEnrollmentDocument, ConfirmMfaEnrollmentDocument } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { useApplyAuthPayload } from '../hooks/useApplyAuthPayload';
import { useViewer } from '../hooks/useViewer';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TotpCodeInput } from './TotpCodeInput';

/**
 * The key in 4-character groups is easier to type by hand. The groups are spaced by CSS, not by
 * spaces, so what is copied (or read by a screen reader or a script) is the key itself.
 */
function SecretKey({ secret }: { secret: string }) {
  const groups = secret.match(/.{1,4}/g) ?? [];
  return (
    <Code fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid="mfa-secret">
      {groups.map((group, i) => (
        <span key={i} style={{ marginRight: i < groups.length - 1 ? '0.6ch' : 0 }}>
          {group}
        </span>
      ))}
    </Code>
  );
}

export function MfaEnrollmentCard() {
  const viewer = useViewer();
  const applyAuthPayload = useApplyAuthPayload();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The recovery codes the confirmation returned: shown until the person says they stored them.
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const [begin, { data: enrollment, loading: starting, reset }] = useMutation(BeginMfaEnrollmentDocument);
  const [confirm, { loading: confirming }] = useMutation(ConfirmMfaEnrollmentDocument);

  const start = async () => {
    setError(null);
    try {
      await begin();
    } catch (err) {
      setError(errorMessageOf(err));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await confirm({ variables: { code } });
      if (!data) return;
      applyAuthPayload(data.confirmMfaEnrollment);
      setRecoveryCodes(data.confirmMfaEnrollment.recoveryCodes ?? null);
      reset();
      setCode('');
      notifySuccess('Two-step verification is on', 'You will be asked for a code at each sign-in. This session is verified.');
    } catch (err) {
      setCode('');
      setError(
        hasErrorCode(err, 'UNAUTHENTICATED') || hasErrorCode(err, 'BAD_USER_INPUT')
          ? 'That code does not match. Check the time on your phone and try the next code.'
          : errorMessageOf(err),
      );
    }
  };

  const secret = enrollment?.beginMfaEnrollment;

  return (
    <Paper withBorder p="lg" data-testid="mfa-card">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={5}>Two-step verification</Title>
          {viewer.user.mfaEnabled ? (
            <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={12} />} data-testid="mfa-status">
              Enabled
            </Badge>
          ) : (
            <Badge color="orange" variant="light" data-testid="mfa-status">
              Not set up
            </Badge>
          )}
        </Group>
        <ErrorAlert message={error} testId="mfa-error" />
        {recoveryCodes ? (
          <RecoveryCodesPanel codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
        ) : viewer.user.mfaEnabled ? (
          <Text fz="sm" c="dimmed">
            Your account asks for an authenticator code at sign-in and before sensitive changes.
          </Text>
        ) : secret ? (
          <form onSubmit={(e) => void submit(e)} data-testid="mfa-enrollment">
            <Stack gap="md">
              <Text fz="sm">1. Scan this QR code with an authenticator app (1Password, Google Authenticator, Authy…).</Text>
              <Group align="flex-start" gap="lg" wrap="nowrap">
                <Paper withBorder p={6} radius="sm" bg="white">
                  <Image
                    src={secret.qrCodeDataUrl}
                    alt="QR code for your authenticator app"
                    w={168}
                    h={168}
                    data-testid="mfa-qr"
                  />
                </Paper>
                <Stack gap={6} style={{ minWidth: 0 }}>
                  <Text fz="xs" c="dimmed">
                    Can’t scan it? Enter this key instead:
                  </Text>
                  <Group gap={6} wrap="nowrap">
                    <SecretKey secret={secret.secret} />
                    <CopyButton value={secret.secret}>
                      {({ copied, copy }) => (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={copy}
                          leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
                        >
                          {copied ? 'Copied' : 'Copy'}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
              </Group>
              <Text fz="sm">2. Enter the 6-digit code the app shows to confirm.</Text>
              <Group align="flex-end" gap="sm">
                <TotpCodeInput value={code} onChange={setCode} w={180} data-testid="mfa-code" />
                <Button type="submit" loading={confirming} disabled={code.length !== 6} data-testid="mfa-confirm">
                  Confirm and turn on
                </Button>
                <Button variant="default" onClick={() => reset()}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group justify="space-between" align="center">
            <Text fz="sm" c="dimmed" maw={460}>
              Protect your account with an authenticator app. Administrators need it for every change they make.
            </Text>
            <Button onClick={() => void start()} loading={starting} data-testid="mfa-begin">
              Set up authenticator
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
