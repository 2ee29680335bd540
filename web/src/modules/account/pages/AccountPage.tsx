import { Stack } from '@mantine/core';
import { MfaEnrollmentCard } from '@/modules/auth';
import { PageHeader } from '@/ui/components/PageHeader';
import { ChangePasswordCard } from '../components/ChangePasswordCard';
import { SessionCard } from '../components/SessionCard';

export function AccountPage() {
  return (
    <Stack gap="md" maw={980}>
      <PageHeader title="Account & security" description="Your profile, this session, and how you sign in." />
      <SessionCard />
      <MfaEnrollmentCard />
      <ChangePasswordCard />
    </Stack>
  );
}
