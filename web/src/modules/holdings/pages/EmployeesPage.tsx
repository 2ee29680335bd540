import { useQuery } from '@apollo/client/react';
import { Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { hasPermission } from '@/app/permissions/hasPermission';
import { type EmployeeInvitationFieldsFragment, type EmployeeStatus, EmployeesDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { CursorPagerControls } from '@/ui/components/CursorPagerControls';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { TableSkeleton } from '@/ui/components/TableSkeleton';
import { useCursorPager } from '@/ui/hooks/useCursorPager';
import { EmployeesEmptyState } from '../components/EmployeesEmptyState';
import { EmployeesTable } from '../components/EmployeesTable';
import { InvitationLinkModal } from '../components/InvitationLinkModal';
import { InviteEmployeeButton } from '../components/InviteEmployeeButton';
import { InviteEmployeeModal } from '../components/InviteEmployeeModal';
import { EMPLOYEE_STATUS_OPTIONS, isEmployeeStatus } from '../lib/employeeStatus';

const PAGE_SIZE = 25;

export function EmployeesPage() {
  const viewer = useViewer();
  const inviteBlockedReason = hasPermission(viewer.permissions, 'employees:write')
    ? null
    : `Your role (${viewer.user.role.name}) can view the roster but not invite: that needs employees:write, an administrator’s permission.`;
  const pager = useCursorPager();
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 300);
  const [status, setStatus] = useState<EmployeeStatus | null>(null);
  const { reset } = pager;
  useEffect(() => reset(), [search, status, reset]);
  const { data, previousData, error, loading, refetch } = useQuery(EmployeesDocument, {
    variables: { first: PAGE_SIZE, after: pager.after, search: search || null, status },
  });
  const [inviting, setInviting] = useState(false);
  const [invitation, setInvitation] = useState<EmployeeInvitationFieldsFragment | null>(null);

  const connection = (data ?? previousData)?.employees;
  const filtered = search !== '' || status !== null;

  return (
    <>
      <PageHeader
        title="Employees"
        description="The people whose holdings this organization oversees."
        actions={<InviteEmployeeButton blockedReason={inviteBlockedReason} onClick={() => setInviting(true)} />}
      />
      <Group mb="sm" gap="sm">
        <TextInput
          size="xs"
          w={{ base: '100%', xs: 280 }}
          placeholder="Search by name, email or department"
          aria-label="Search employees"
          leftSection={<IconSearch size={14} />}
          value={searchText}
          onChange={(e) => setSearchText(e.currentTarget.value)}
          data-testid="employees-search"
        />
        <Select
          size="xs"
          w={{ base: '100%', xs: 220 }}
          placeholder="Any status"
          aria-label="Filter by status"
          clearable
          data={EMPLOYEE_STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus(isEmployeeStatus(value) ? value : null)}
          data-testid="employees-status-filter"
        />
      </Group>
      {error && !connection ? (
        <QueryErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder>
          {!connection ? (
            <TableSkeleton />
          ) : connection.nodes.length === 0 ? (
            <EmployeesEmptyState
              filtered={filtered}
              inviteBlockedReason={inviteBlockedReason}
              onInvite={() => setInviting(true)}
            />
          ) : (
            <>
              <EmployeesTable employees={connection.nodes} />
              <CursorPagerControls pager={pager} connection={connection} loading={loading} />
            </>
          )}
        </Paper>
      )}
      <InviteEmployeeModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onInvited={(result) => {
          setInvitation(result);
          void refetch();
        }}
      />
      <InvitationLinkModal invitation={invitation} title="Invitation link" onClose={() => setInvitation(null)} />
    </>
  );
}
