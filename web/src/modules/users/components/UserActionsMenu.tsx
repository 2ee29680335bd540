import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconDots, IconPencil, IconUserCheck, IconUserOff, IconUserShield } from '@tabler/icons-react';
import type { UserRowFieldsFragment } from '@/generated/graphql';

export type UserActions = {
  /** Changing a role needs roles:write besides users:write. */
  canAssignRoles: boolean;
  onChangeName: (user: UserRowFieldsFragment) => void;
  onChangeRole: (user: UserRowFieldsFragment) => void;
  onToggleDisabled: (user: UserRowFieldsFragment) => void;
};

/** A menu entry that cannot be used says why underneath, instead of vanishing. */
function Why({ children }: { children: string }) {
  return (
    <Text fz={11} c="dimmed" lh={1.3}>
      {children}
    </Text>
  );
}

/** What an Admin can do to one user: rename, change the role, disable or enable (never oneself). */
export function UserActionsMenu({ user, self, actions }: { user: UserRowFieldsFragment; self: boolean; actions: UserActions }) {
  const { canAssignRoles, onChangeName, onChangeRole, onToggleDisabled } = actions;
  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.email}`} data-testid="user-actions">
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onChangeName(user)}>
          Change name…
        </Menu.Item>
        <Menu.Item leftSection={<IconUserShield size={14} />} disabled={!canAssignRoles} onClick={() => onChangeRole(user)}>
          Change role…
          {!canAssignRoles && <Why>Your role cannot assign roles (needs roles:write).</Why>}
        </Menu.Item>
        <Menu.Item
          color={user.disabled || self ? undefined : 'red'}
          leftSection={user.disabled ? <IconUserCheck size={14} /> : <IconUserOff size={14} />}
          disabled={self}
          onClick={() => onToggleDisabled(user)}
        >
          {user.disabled ? 'Enable…' : 'Disable…'}
          {self && <Why>You cannot disable your own account.</Why>}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
