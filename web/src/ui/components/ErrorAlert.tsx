import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

type ErrorAlertProps = {
  /** The message to show; nothing is rendered while it is empty. */
  message: string | null | undefined;
  testId?: string;
};

/** The red alert a form shows above its fields when its last attempt failed. */
export function ErrorAlert({ message, testId }: ErrorAlertProps) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={16} />} data-testid={testId}>
      {message}
    </Alert>
  );
}
