import { TextInput, type TextInputProps } from '@mantine/core';

type TotpCodeInputProps = Omit<TextInputProps, 'onChange' | 'value'> & {
  value: string;
  onChange: (code: string) => void;
};

/** A 6-digit authenticator code: digits only, one field so paste and password managers work. */
export function TotpCodeInput({ value, onChange, ...props }: TotpCodeInputProps) {
  return (
    <TextInput
      label="Authenticator code"
      placeholder="123456"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.3em', fontSize: 18 } }}
      {...props}
    />
  );
}
