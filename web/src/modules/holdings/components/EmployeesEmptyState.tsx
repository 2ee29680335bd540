import { Button, EmptyState, List, Stack, Text } from '@mantine/core';
import { IconUserPlus, IconUsersGroup } from '@tabler/icons-react';

type EmployeesEmptyStateProps = {
  /** A search or status filter is on: nothing matched, the roster itself may not be empty. */
  filtered: boolean;
  /** Why this person cannot invite, or null when they can. */
  inviteBlockedReason: string | null;
  onInvite: () => void;
};

/** What the roster is and how it fills, for an organization that has not invited anyone yet. */
export function EmployeesEmptyState({ filtered, inviteBlockedReason, onInvite }: EmployeesEmptyStateProps) {
  if (filtered) {
    return (
      <EmptyState
        py="xl"
        icon={<IconUsersGroup size={22} />}
        title="No employees match"
        description="Check the spelling, search by email, or clear the status filter."
        data-testid="employees-empty"
      />
    );
  }
  return (
    <EmptyState
      py="xl"
      icon={<IconUsersGroup size={22} />}
      title="No employees on the roster yet"
      data-testid="employees-empty"
      description={
        <Stack gap="xs" maw={560} mx="auto" ta="left">
          <Text fz="sm" c="dimmed">
            Employees are the people whose crypto holdings and trades this organization oversees. Each one connects their own
            exchange accounts and wallets with read-only keys; compliance then sees balances and activity, and is alerted when
            something needs a look.
          </Text>
          <List size="sm" c="dimmed" type="ordered" spacing={2}>
            <List.Item>An administrator invites the employee: Vigil makes a single-use link, valid for 7 days.</List.Item>
            <List.Item>You send the link; the employee opens it and chooses a password.</List.Item>
            <List.Item>They sign in and connect their exchange keys and wallets.</List.Item>
          </List>
          {inviteBlockedReason && (
            <Text fz="xs" c="dimmed">
              {inviteBlockedReason}
            </Text>
          )}
        </Stack>
      }
    >
      {!inviteBlockedReason && (
        <EmptyState.Actions>
          <Button leftSection={<IconUserPlus size={16} />} onClick={onInvite} data-testid="invite-employee-empty">
            Invite the first employee
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
