import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center py={64}>
      <Stack align="center" gap="xs">
        <Title order={4}>Page not found</Title>
        <Text fz="sm" c="dimmed">
          There is nothing at this address.
        </Text>
        <Anchor component={Link} to="/" fz="sm">
          Back to the console
        </Anchor>
      </Stack>
    </Center>
  );
}
