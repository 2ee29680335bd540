import { useQuery } from '@apollo/client/react';
import { Alert, AppShell, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { Outlet } from 'react-router';
import { MeDocument } from '@/generated/graphql';
import { StepUpModal, ViewerContext } from '@/modules/auth';
import { errorMessageOf } from '@/ui/lib/errorCodes';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';

export function AppLayout() {
  const { data, error, loading, refetch } = useQuery(MeDocument);
  const viewer = data?.me;
  // Under 768 px (Mantine's sm) the navbar folds away behind the header's burger.
  const [navOpened, nav] = useDisclosure(false);

  if (!viewer) {
    return (
      <Center mih="100vh">
        {loading || !error ? (
          <Stack align="center" gap="xs">
            <Loader size="sm" />
            <Text fz="sm" c="dimmed">
              Loading your workspace…
            </Text>
          </Stack>
        ) : (
          <Alert color="red" icon={<IconAlertCircle size={16} />} title="The console could not load" maw={420}>
            <Stack gap="sm" align="flex-start">
              <Text fz="sm">{errorMessageOf(error)}</Text>
              <Button size="xs" variant="light" onClick={() => void refetch()}>
                Try again
              </Button>
            </Stack>
          </Alert>
        )}
      </Center>
    );
  }

  return (
    <ViewerContext.Provider value={viewer}>
      <AppShell
        header={{ height: 52 }}
        navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
        <AppNavbar onNavigate={nav.close} />
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <StepUpModal />
    </ViewerContext.Provider>
  );
}
