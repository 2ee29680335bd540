import { useQuery } from '@apollo/client/react';
import { Button, EmptyState, Paper, Text } from '@mantine/core';
import { IconPlus, IconUserShield } from '@tabler/icons-react';
import { useState } from 'react';
import { hasPermission } from '@/app/permissions/hasPermission';
import { type RoleFieldsFragment, RolesDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { DeleteRoleModal } from '../components/DeleteRoleModal';
import { RoleDetailsModal } from '../components/RoleDetailsModal';
import { RoleEditorModal, type RoleEditorTarget } from '../components/RoleEditorModal';
import { RolesTable } from '../components/RolesTable';

export function RolesPage() {
  const viewer = useViewer();
  const canWrite = hasPermission(viewer.permissions, 'roles:write');
  const { data, error, refetch } = useQuery(RolesDocument);
  const [editorTarget, setEditorTarget] = useState<RoleEditorTarget | null>(null);
  const [viewing, setViewing] = useState<RoleFieldsFragment | null>(null);
  const [deleting, setDeleting] = useState<RoleFieldsFragment | null>(null);

  const roles = data?.roles
    ? [...data.roles].sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name))
    : null;
  const catalog = data?.permissionCatalog ?? [];
  const copy = (role: RoleFieldsFragment) => {
    setViewing(null);
    setEditorTarget({ mode: 'new', copyOf: role });
  };

  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role may read and change. Built-in roles are fixed; custom roles are yours to define."
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditorTarget({ mode: 'new' })}
              disabled={!data}
              data-testid="new-role"
            >
              New custom role
            </Button>
          )
        }
      />
      {error && !data ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!roles ? (
            <TableSkeleton rows={6} />
          ) : roles.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconUserShield size={22} />}
              title="No roles"
              description="Every organization starts with the built-in roles (Admin, Compliance, Viewer…); none came back. Reload the page, and ask your Vigil operator if it stays empty."
            />
          ) : (
            <RolesTable
              roles={roles}
              canWrite={canWrite}
              onView={setViewing}
              onEdit={(role) => setEditorTarget({ mode: 'edit', role })}
              onCopy={copy}
              onDelete={setDeleting}
            />
          )}
        </Paper>
      )}
      {!canWrite && (
        <Text fz="xs" c="dimmed" mt="sm">
          Your role can view roles but not change them.
        </Text>
      )}
      <RoleEditorModal
        target={editorTarget}
        catalog={catalog}
        onClose={() => setEditorTarget(null)}
        onSaved={() => void refetch()}
      />
      <RoleDetailsModal role={viewing} catalog={catalog} onClose={() => setViewing(null)} onCopy={canWrite ? copy : undefined} />
      <DeleteRoleModal role={deleting} onClose={() => setDeleting(null)} onDeleted={() => void refetch()} />
    </>
  );
}
