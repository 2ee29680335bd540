import { useMutation } from '@apollo/client/react';
import { Alert, ScrollArea, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CreateRoleDocument, type RoleFieldsFragment, UpdateRoleDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { type RoleDraft, roleDraftChanged, validateRoleDraft } from '../lib/roleDraft';
import { PermissionMatrix } from './PermissionMatrix';

/** What the editor is open for: a new role (blank, or copied from another), or a custom role. */
export type RoleEditorTarget = { mode: 'new'; copyOf?: RoleFieldsFragment } | { mode: 'edit'; role: RoleFieldsFragment };

type RoleEditorModalProps = {
  target: RoleEditorTarget | null;
  catalog: readonly string[];
  onClose: () => void;
  onSaved: () => void;
};

function draftFor(target: RoleEditorTarget | null): RoleDraft {
  if (target?.mode === 'edit') {
    const { role } = target;
    return { name: role.name, description: role.description, permissions: [...role.permissions] };
  }
  const from = target?.copyOf;
  return from
    ? { name: `${from.name} (copy)`, description: from.description, permissions: [...from.permissions] }
    : { name: '', description: '', permissions: [] };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function RoleEditorModal({ target, catalog, onClose, onSaved }: RoleEditorModalProps) {
  const editing = target?.mode === 'edit' ? target.role : null;
  const [draft, setDraft] = useState<RoleDraft>(() => draftFor(target));
  const [errors, setErrors] = useState<{ name: string | null; description: string | null }>({ name: null, description: null });
  const [createRole] = useMutation(CreateRoleDocument);
  const [updateRole] = useMutation(UpdateRoleDocument);

  useEffect(() => {
    setDraft(draftFor(target));
    setErrors({ name: null, description: null });
  }, [target]); // reset only when another role opens

  const permissionsChanged = editing !== null && roleDraftChanged(draftFor(target), draft).permissions;
  const holders = editing?.userCount ?? 0;

  return (
    <JustifiedActionModal
      opened={target !== null}
      onClose={onClose}
      title={editing ? `Edit role “${editing.name}”` : 'New custom role'}
      confirmLabel={editing ? 'Save role' : 'Create role'}
      size="lg"
      blockedReason={editing && !roleDraftChanged(draftFor(target), draft).any ? 'Nothing has changed yet.' : null}
      validate={() => {
        const found = validateRoleDraft(draft);
        setErrors(found);
        return found.name === null && found.description === null;
      }}
      onConfirm={async (justification) => {
        const input = { name: draft.name.trim(), description: draft.description.trim(), permissions: draft.permissions };
        const count = plural(input.permissions.length, 'permission', 'permissions');
        if (editing) {
          await updateRole({ variables: { id: editing.id, input, justification } });
          const signedOut =
            permissionsChanged && holders > 0
              ? ` ${plural(holders, 'user who holds it was', 'users who hold it were')} signed out, so the new permissions apply at their next sign-in.`
              : '';
          notifySuccess('Role saved', `“${input.name}” now has ${count}.${signedOut}`);
        } else {
          await createRole({ variables: { input, justification } });
          notifySuccess('Role created', `“${input.name}” has ${count}. Give it to people from the Users page.`);
        }
        onSaved();
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Name"
          required
          value={draft.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setDraft((prev) => ({ ...prev, name }));
            setErrors((prev) => ({ ...prev, name: null }));
          }}
          error={errors.name}
          data-testid="role-name"
        />
        <TextInput
          label="Description"
          value={draft.description}
          onChange={(e) => {
            const description = e.currentTarget.value;
            setDraft((prev) => ({ ...prev, description }));
            setErrors((prev) => ({ ...prev, description: null }));
          }}
          error={errors.description}
          data-testid="role-description"
        />
      </SimpleGrid>
      <div>
        <Text fz="sm" fw={500} mb={4}>
          Permissions{' '}
          <Text span c="dimmed" fz="xs">
            ({draft.permissions.length} selected; a role with none sees nothing; write includes read)
          </Text>
        </Text>
        <ScrollArea.Autosize mah={320}>
          <PermissionMatrix
            catalog={catalog}
            selected={draft.permissions}
            onChange={(permissions) => setDraft((prev) => ({ ...prev, permissions }))}
          />
        </ScrollArea.Autosize>
      </div>
      {permissionsChanged && holders > 0 && (
        <Alert color="orange" variant="light" data-testid="role-holders-warning">
          {plural(holders, 'user holds', 'users hold')} this role. Saving signs them out, so the new permissions apply at their
          next sign-in.
        </Alert>
      )}
    </JustifiedActionModal>
  );
}
