import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessageOf, hasErrorCode } from '../lib/errorCodes';
import { AccessDenied } from './AccessDenied';

/** How a page shows a failed read: FORBIDDEN is a state of its own, anything else can be retried. */
export function QueryErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (hasErrorCode(error, 'FORBIDDEN')) return <AccessDenied />;
  return (
    <Alert color="red" icon={<IconAlertCircle size={16} />} title="This could not be loaded" data-testid="query-error">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{errorMessageOf(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
