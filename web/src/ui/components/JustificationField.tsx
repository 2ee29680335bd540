import { Textarea } from '@mantine/core';

type JustificationFieldProps = { value: string; onChange: (value: string) => void; error?: string | null };

export function JustificationField({ value, onChange, error }: JustificationFieldProps) {
  return (
    <Textarea
      label="Justification"
      description="Why this change is needed. Recorded with the change in the admin audit log."
      placeholder="e.g. Ticket OPS-142: onboarding a new compliance analyst"
      required
      autosize
      minRows={2}
      maxRows={5}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error ?? undefined}
      data-testid="justification"
    />
  );
}
