import { Alert, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { Navigate, useNavigate } from 'react-router';
import { useViewer } from '@/modules/auth';
import { PageHeader } from '@/ui/components/PageHeader';
import { notifySuccess } from '@/ui/lib/notifySuccess';
import { ChangePasswordCard } from '../components/ChangePasswordCard';

/**
 * Where a person whose password was set by someone else (an administrator) lands after signing in:
 * until they choose their own, the server answers nothing else.
 */
export function ChoosePasswordPage() {
  const viewer = useViewer();
  const navigate = useNavigate();
  if (!viewer.passwordChangeRequired) return <Navigate to="/" replace />;
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title="Choose a new password" description={`Signed in as ${viewer.user.email}.`} />
      <Alert color="blue" icon={<IconKey size={16} />} data-testid="choose-password-explanation">
        Your administrator set the password you just used, so they know it too. Choose a password only you know before you
        continue: nothing else in Vigil opens until you do.
      </Alert>
      <ChangePasswordCard
        forced
        onChanged={() => {
          notifySuccess('Password saved', 'Your password is now your own. Welcome to Vigil.');
          void navigate('/', { replace: true });
        }}
      />
    </Stack>
  );
}
