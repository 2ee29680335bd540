import { Stack } from '@mantine/core';
import { Navigate } from 'react-router';
import { MfaEnrollmentCard, useViewer } from '@/modules/auth';
import { PageHeader } from '@/ui/components/PageHeader';
import { ChangePasswordCard } from '../components/ChangePasswordCard';
import { RecoveryCodesCard } from '../components/RecoveryCodesCard';
import { SessionCard } from '../components/SessionCard';

export function AccountPage() {
  const viewer = useViewer();
  // A password someone else set comes first: the server answers nothing else until it is replaced.
  if (viewer.passwordChangeRequired) return <Navigate to="/choose-password" replace />;
  return (
    <Stack gap="md" maw={980}>
      <PageHeader title="Account & security" description="Your profile, this session, and how you sign in." />
      <SessionCard />
      <MfaEnrollmentCard />
      <RecoveryCodesCard />
      <ChangePasswordCard />
    </Stack>
  );
}
