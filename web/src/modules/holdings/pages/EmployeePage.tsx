import { useQuery } from '@apollo/client/react';
import { Anchor, Breadcrumbs, Center, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmployeeDocument, type EmployeeFieldsFragment, type EmployeeInvitationFieldsFragment } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import { hasPermission } from '@/app/permissions/hasPermission';
import { EmployeeFeedsCards, EmployeeWalletsCard, WalletTransfersCard } from '@/modules/feeds';
import { PageHeader } from '@/ui/components/PageHeader';
import { QueryErrorState } from '@/ui/components/QueryErrorState';
import { hasErrorCode } from '@/ui/lib/errorCodes';
import { EditEmployeeModal } from '../components/EditEmployeeModal';
import { EmployeeActionsCard } from '../components/EmployeeActionsCard';
import { EmployeeDetailsCard } from '../components/EmployeeDetailsCard';
import { EmployeeNotFound } from '../components/EmployeeNotFound';
import { HoldingsPlaceholderCard } from '../components/HoldingsPlaceholderCard';
import { InvitationLinkModal } from '../components/InvitationLinkModal';
import { OffboardEmployeeModal } from '../components/OffboardEmployeeModal';
import { PredictionsCard } from '../components/PredictionsCard';
import { ReissueInvitationModal } from '../components/ReissueInvitationModal';
import { RequireReonboardingModal } from '../components/RequireReonboardingModal';
import type { EmployeeAction } from '../lib/employeeActions';
import classes from './EmployeePage.module.css';

export function EmployeePage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(EmployeeDocument, { variables: { id } });
  const [open, setOpen] = useState<EmployeeAction | null>(null);
  const [invitation, setInvitation] = useState<EmployeeInvitationFieldsFragment | null>(null);
  const employee = data?.employee;

  const crumbs = (
    <Breadcrumbs mb="xs" fz="sm">
      <Anchor component={Link} to="/employees">
        Employees
      </Anchor>
      <Text fz="sm" c="dimmed" truncate="end" maw={240}>
        {employee?.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (!employee) {
    // A malformed id and an employee the viewer may not see both read as "not found".
    if (error && (hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT'))) return <EmployeeNotFound />;
    return (
      <>
        {crumbs}
        {error ? (
          <QueryErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
      </>
    );
  }

  const target = (action: EmployeeAction): EmployeeFieldsFragment | null => (open === action ? employee : null);
  const close = () => setOpen(null);

  return (
    <>
      {crumbs}
      <PageHeader title={employee.name} description={employee.department || undefined} />
      <div className={classes.layout}>
        <div className={classes.details}>
          <EmployeeDetailsCard employee={employee} />
        </div>
        <div className={classes.actions}>
          <EmployeeActionsCard employee={employee} permissions={viewer.permissions} onAction={setOpen} />
        </div>
        <div className={classes.holdings}>
          {employee.hasAccount ? (
            <Stack gap="md">
              <EmployeeFeedsCards employeeId={employee.id} permissions={viewer.permissions} />
              <EmployeeWalletsCard employeeId={employee.id} permissions={viewer.permissions} />
              {hasPermission(viewer.permissions, 'transactions:read') && <WalletTransfersCard employeeId={employee.id} />}
            </Stack>
          ) : (
            <HoldingsPlaceholderCard onboarded={false} audience="oversight" />
          )}
          <PredictionsCard employeeId={employee.id} permissions={viewer.permissions} />
        </div>
      </div>
      <ReissueInvitationModal employee={target('resendInvitation')} onClose={close} onReissued={setInvitation} />
      <EditEmployeeModal employee={target('edit')} onClose={close} />
      <RequireReonboardingModal employee={target('requireReonboarding')} onClose={close} />
      <OffboardEmployeeModal employee={target('offboard')} onClose={close} />
      <InvitationLinkModal invitation={invitation} title="New invitation link" onClose={() => setInvitation(null)} />
    </>
  );
}
