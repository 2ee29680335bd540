import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconShieldOff, IconUserShield } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasPermission } from '@/app/permissions/hasPermission';
import { UserDetailDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { ChangeNameModal } from '../components/ChangeNameModal';
import { ChangeRoleModal } from '../components/ChangeRoleModal';
import { ResetMfaModal } from '../components/ResetMfaModal';
import { UserAuditCard } from '../components/UserAuditCard';
import { UserFacts } from '../components/UserFacts';

type Dialog = 'name' | 'role' | 'mfa' | null;

export function UserDetailPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(UserDetailDocument, { variables: { id } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = hasPermission(viewer.permissions, 'users:write');
  const canAssignRoles = canWrite && hasPermission(viewer.permissions, 'roles:write');
  const canReadAudit = hasPermission(viewer.permissions, 'audit:read');
  const user = data?.user;
  const self = user?.id === viewer.user.id;
  const close = () => {
    setDialog(null);
    void refetch();
  };

  const back = (
    <Anchor component={Link} to="/users" fz="sm" data-testid="back-to-users">
      <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> All users
    </Anchor>
  );
  if (error && !user)
    return (
      <Stack>
        {back}
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      </Stack>
    );
  if (!user)
    return (
      <Stack>
        {back}
        <TableSkeleton />
      </Stack>
    );

  return (
    <Stack gap="md" maw={1100}>
      {back}
      <PageHeader
        title={self ? `${user.name} (you)` : user.name}
        description={user.email}
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setDialog('name')}
                data-testid="user-change-name"
              >
                Change name
              </Button>
              {canAssignRoles && (
                <Button
                  variant="default"
                  leftSection={<IconUserShield size={16} />}
                  onClick={() => setDialog('role')}
                  data-testid="user-change-role"
                >
                  Change role
                </Button>
              )}
              {user.mfaEnabled && !self && (
                <Button
                  color="red"
                  variant="light"
                  leftSection={<IconShieldOff size={16} />}
                  onClick={() => setDialog('mfa')}
                  data-testid="user-reset-mfa"
                >
                  Reset MFA
                </Button>
              )}
            </>
          )
        }
      />
      <UserFacts user={user} />
      {canReadAudit ? (
        <UserAuditCard userId={user.id} />
      ) : (
        <Paper withBorder p="lg" data-testid="user-audit-hidden">
          <Text fz="sm" c="dimmed">
            Recent activity comes from the audit log, which your role ({viewer.user.role.name}) cannot read: it needs audit:read.
          </Text>
        </Paper>
      )}
      <ChangeNameModal user={dialog === 'name' ? user : null} onClose={close} />
      <ChangeRoleModal user={dialog === 'role' ? user : null} onClose={close} />
      <ResetMfaModal user={dialog === 'mfa' ? user : null} onClose={close} />
    </Stack>
  );
}
