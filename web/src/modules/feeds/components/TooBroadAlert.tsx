import { Alert, List, Text } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';

type TooBroadAlertProps = { venueName: string; offending: readonly string[]; message: string };

/** A key that can do more than read: exactly what to turn off at the venue, and that a new key is needed. */
export function TooBroadAlert({ venueName, offending, message }: TooBroadAlertProps) {
  return (
    <Alert
      color="red"
      icon={<IconShieldX size={18} />}
      title="This key can do more than read: it was refused"
      data-testid="connect-too-broad"
    >
      <Text fz="sm">{message}</Text>
      {offending.length > 0 && (
        <>
          <Text fz="sm" mt="xs" fw={600}>
            At {venueName}, turn off:
          </Text>
          <List size="sm" spacing={2} data-testid="connect-offending">
            {offending.map((permission) => (
              <List.Item key={permission} fw={600}>
                {permission}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Text fz="sm" mt="xs">
        Then make a <b>new</b> read-only key and paste it below. Vigil kept nothing of the key you sent, and the form was cleared
        so it is not sent again. You may want to delete that key at {venueName}.
      </Text>
    </Alert>
  );
}
