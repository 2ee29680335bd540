import { Anchor, TextInput } from '@mantine/core';
import { isRecoveryCodeShaped } from '../lib/recoveryCodes';
import { TotpCodeInput } from './TotpCodeInput';

type SecondFactorInputProps = {
  /** A recovery code instead of the authenticator's 6 digits. */
  recovery: boolean;
  value: string;
  onChange: (code: string) => void;
  /** The test id of the 6-digit field; the recovery field gets `${testId}-recovery`. */
  testId: string;
};

/** The authenticator's code, or one recovery code in its place (the server accepts either at step-up). */
export function SecondFactorInput({ recovery, value, onChange, testId }: SecondFactorInputProps) {
  if (!recovery) return <TotpCodeInput value={value} onChange={onChange} autoFocus data-testid={testId} />;
  return (
    <TextInput
      label="Recovery code"
      description="One of the codes you stored when you set up MFA. It works once."
      placeholder="xxxxx-xxxxx-xxxxx-xxxxx"
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      autoFocus
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-testid={`${testId}-recovery`}
    />
  );
}

export const secondFactorReady = (recovery: boolean, code: string) => (recovery ? isRecoveryCodeShaped(code) : code.length === 6);

/** Switches between the two kinds of code. */
export function SecondFactorToggle({ recovery, onToggle, testId }: { recovery: boolean; onToggle: () => void; testId: string }) {
  return (
    <Anchor component="button" type="button" fz="sm" onClick={onToggle} data-testid={testId}>
      {recovery ? 'Use the authenticator app instead' : 'Lost your authenticator? Use a recovery code'}
    </Anchor>
  );
}
