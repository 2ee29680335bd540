import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { stepUpCoordinator } from '@/app/stepUp/stepUpCoordinator';
import { useStepUpState } from '@/app/stepUp/useStepUpState';
import { StepUpDocument } from '@/generated/graphql';
import { ErrorAlert } from '@/ui/components/ErrorAlert';
import { errorMessageOf, hasErrorCode } from '@/ui/lib/errorCodes';
import { tooManyAttemptsMessage } from '@/ui/lib/tooManyAttempts';
import { useApplyAuthPayload } from '../hooks/useApplyAuthPayload';
import { STEP_UP_LIFETIME_TEXT } from '../lib/stepUpLifetime';
import { useViewer } from '../hooks/useViewer';
import { SecondFactorInput, SecondFactorToggle, secondFactorReady } from './SecondFactorInput';

/** Opened whenever an operation answers MFA_REQUIRED, or from "Verify with MFA"; settles the wait. */
export function StepUpModal() {
  const { open, reason } = useStepUpState();
  const viewer = useViewer();
  const navigate = useNavigate();
  const applyAuthPayload = useApplyAuthPayload();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);
  const [stepUp, { loading }] = useMutation(StepUpDocument);

  useEffect(() => {
    if (open) {
      setCode('');
      setRecovery(false);
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await stepUp({ variables: { code } });
      // stepUp is nullable: a refused code answers null alongside the error that says why.
      if (!data?.stepUp) throw new Error('The code was not accepted.');
      applyAuthPayload(data.stepUp);
      stepUpCoordinator.settle(true);
    } catch (err) {
      setCode('');
      setError(
        hasErrorCode(err, 'RATE_LIMITED')
          ? tooManyAttemptsMessage(err)
          : hasErrorCode(err, 'UNAUTHENTICATED') || hasErrorCode(err, 'BAD_USER_INPUT')
            ? 'That code is not valid. Authenticator codes change every 30 seconds; each code, a recovery code too, works once.'
            : errorMessageOf(err),
      );
    }
  };

  return (
    <Modal
      opened={open}
      onClose={() => stepUpCoordinator.settle(false)}
      title={
        <Group gap={8}>
          <IconShieldLock size={18} />
          <Text fw={600}>Verify with MFA</Text>
        </Group>
      }
      size="sm"
      // Above any dialog whose action triggered it (those stay open underneath, waiting).
      zIndex={400}
      data-testid="step-up-modal"
    >
      {viewer.user.mfaEnabled ? (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="md">
            <Text fz="sm" c="dimmed">
              {reason ?? 'This action needs two-step verification.'} Enter the code from your authenticator app; the action
              continues once you are verified.
            </Text>
            <Text fz="xs" c="dimmed" data-testid="step-up-lifetime">
              {STEP_UP_LIFETIME_TEXT}
            </Text>
            <ErrorAlert message={error} testId="step-up-error" />
            <SecondFactorInput recovery={recovery} value={code} onChange={setCode} testId="step-up-code" />
            <SecondFactorToggle
              recovery={recovery}
              onToggle={() => {
                setRecovery(!recovery);
                setCode('');
                setError(null);
              }}
              testId="step-up-toggle-recovery"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => stepUpCoordinator.settle(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={loading} disabled={!secondFactorReady(recovery, code)} data-testid="step-up-submit">
                Verify
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="md">
          <Text fz="sm">
            This action needs two-step verification, and your account has no authenticator yet. Set one up under Account &amp;
            security, then try again.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => stepUpCoordinator.settle(false)}>
              Cancel
            </Button>
            <Button
              onClick={() => {
                stepUpCoordinator.settle(false);
                void navigate('/account');
              }}
            >
              Set up MFA
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
