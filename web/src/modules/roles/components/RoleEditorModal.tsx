import { useMutation } from '@apollo/client/react';
import { ScrollArea, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { CreateRoleDocument, type RoleFieldsFragment, UpdateRoleDocument } from '@/generated/graphql';
import { JustifiedActionModal } from '@/ui/components/JustifiedActionModal';
import { PermissionMatrix } from './PermissionMatrix';

type RoleEditorModalProps = {
  /** `'new'` to create; a custom role to edit; null when closed. */
  target: RoleFieldsFragment | 'new' | null;
  catalog: readonly string[];
  onClose: () => void;
  onSaved: () => void;
};

export function RoleEditorModal({ target, catalog, onClose, onSaved }: RoleEditorModalProps) {
  const editing = target !== null && target !== 'new' ? target : null;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [createRole] = useMutation(CreateRoleDocument);
  const [updateRole] = useMutation(UpdateRoleDocument);

  useEffect(() => {
    setName(editing?.name ?? '');
    setDescription(editing?.description ?? '');
    setPermissions(editing ? [...editing.permissions] : []);
  }, [target]); // reset only when another role opens

  return (
    <JustifiedActionModal
      opened={target !== null}
      onClose={onClose}
      title={editing ? `Edit role “${editing.name}”` : 'New custom role'}
      confirmLabel={editing ? 'Save role' : 'Create role'}
      size="lg"
      canSubmit={name.trim() !== ''}
      onConfirm={async (justification) => {
        const input = { name: name.trim(), description: description.trim(), permissions };
        if (editing) await updateRole({ variables: { id: editing.id, input, justification } });
        else await createRole({ variables: { input, justification } });
        onSaved();
      }}
    >
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="role-name" />
        <TextInput
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          data-testid="role-description"
        />
      </SimpleGrid>
      <div>
        <Text fz="sm" fw={500} mb={4}>
          Permissions{' '}
          <Text span c="dimmed" fz="xs">
            ({permissions.length} selected; a role with none sees nothing)
          </Text>
        </Text>
        <ScrollArea.Autosize mah={320}>
          <PermissionMatrix catalog={catalog} selected={permissions} onChange={setPermissions} />
        </ScrollArea.Autosize>
      </div>
    </JustifiedActionModal>
  );
}
