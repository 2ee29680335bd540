import { Button, Tooltip } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';

type InviteEmployeeButtonProps = { blockedReason: string | null; onClick: () => void };

/**
 * Shown to everyone who can see the roster; for a role that cannot invite it is disabled and says
 * why (data-disabled, not disabled: a disabled button gets no hover, so no tooltip).
 */
export function InviteEmployeeButton({ blockedReason, onClick }: InviteEmployeeButtonProps) {
  return (
    <Tooltip label={blockedReason} disabled={!blockedReason} multiline maw={280} withinPortal>
      <Button
        leftSection={<IconUserPlus size={16} />}
        data-disabled={blockedReason ? true : undefined}
        aria-disabled={blockedReason ? true : undefined}
        onClick={() => {
          if (!blockedReason) onClick();
        }}
        data-testid="invite-employee"
      >
        Invite employee
      </Button>
    </Tooltip>
  );
}
