import { useQuery } from '@apollo/client/react';
import { Button, EmptyState, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { hasPermission } from '@/app/permissions/hasPermission';
import { type UserRowFieldsFragment, UsersDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { CursorPagerControls } from '@/ui/components/CursorPagerControls';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useCursorPager } from '@/ui/hooks/useCursorPager';
import { ChangeNameModal } from '../components/ChangeNameModal';
import { ChangeRoleModal } from '../components/ChangeRoleModal';
import { CreateUserModal } from '../components/CreateUserModal';
import { SetUserDisabledModal } from '../components/SetUserDisabledModal';
import { UsersTable } from '../components/UsersTable';

const PAGE_SIZE = 25;

export function UsersPage() {
  const viewer = useViewer();
  const canWrite = hasPermission(viewer.permissions, 'users:write');
  const canAssignRoles = canWrite && hasPermission(viewer.permissions, 'roles:write');
  const pager = useCursorPager();
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const { reset } = pager;
  useEffect(() => reset(), [search, reset]);
  const { data, previousData, error, loading, refetch } = useQuery(UsersDocument, {
    variables: { first: PAGE_SIZE, after: pager.after, search: search || null },
  });
  const [creating, setCreating] = useState(false);
  const [nameTarget, setNameTarget] = useState<UserRowFieldsFragment | null>(null);
  const [roleTarget, setRoleTarget] = useState<UserRowFieldsFragment | null>(null);
  const [disableTarget, setDisableTarget] = useState<UserRowFieldsFragment | null>(null);

  const connection = (data ?? previousData)?.users;

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to this organization’s console."
        actions={
          canWrite && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-user">
              New user
            </Button>
          )
        }
      />
      <Group mb="sm">
        <TextInput
          size="xs"
          w={280}
          placeholder="Search by name or email"
          leftSection={<IconSearch size={14} />}
          value={searchText}
          onChange={(e) => setSearchText(e.currentTarget.value)}
          data-testid="users-search"
        />
      </Group>
      {error && !connection ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!connection ? (
            <TableSkeleton />
          ) : connection.nodes.length === 0 ? (
            <EmptyState
              py="xl"
              icon={<IconUsers size={22} />}
              title={search ? 'No users match this search' : 'No users yet'}
              description={
                search
                  ? 'Check the spelling or search by email.'
                  : canWrite
                    ? 'Create the first user to give someone access.'
                    : 'Nobody else has access yet.'
              }
            />
          ) : (
            <>
              <UsersTable
                users={connection.nodes}
                canWrite={canWrite}
                canAssignRoles={canAssignRoles}
                currentUserId={viewer.user.id}
                onChangeName={setNameTarget}
                onChangeRole={setRoleTarget}
                onToggleDisabled={setDisableTarget}
              />
              <CursorPagerControls pager={pager} connection={connection} loading={loading} />
            </>
          )}
        </Paper>
      )}
      {!canWrite && (
        <Text fz="xs" c="dimmed" mt="sm">
          Your role can view users but not change them.
        </Text>
      )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} onCreated={() => void refetch()} />
      <ChangeNameModal user={nameTarget} onClose={() => setNameTarget(null)} />
      <ChangeRoleModal user={roleTarget} onClose={() => setRoleTarget(null)} />
      <SetUserDisabledModal user={disableTarget} onClose={() => setDisableTarget(null)} />
    </>
  );
}
