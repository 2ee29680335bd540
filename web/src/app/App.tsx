import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './createApolloClient';
import { router } from './router';
import { sessionStore } from './session/sessionStore';
import { NOTIFICATIONS_POSITION } from './shell/notificationsPosition';
import { theme } from './theme';

export function App() {
  const [client] = useState(createApolloClient);

  // Whoever ends the session (sign-out, an UNAUTHENTICATED answer, expiry), nothing the previous
  // person could read stays in the cache.
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (sessionStore.get() === null) void client.clearStore();
      }),
    [client],
  );

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position={NOTIFICATIONS_POSITION} />
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  );
}
