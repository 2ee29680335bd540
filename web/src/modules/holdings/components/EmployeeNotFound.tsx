import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function EmployeeNotFound() {
  return (
    <Center py={64}>
      <Stack align="center" gap="xs" ta="center" data-testid="employee-not-found">
        <Title order={4}>Employee not found</Title>
        <Text fz="sm" c="dimmed" maw={420}>
          There is no employee at this address in your organization. The link may be mistyped, or it belongs to another
          organization.
        </Text>
        <Anchor component={Link} to="/employees" fz="sm">
          Back to employees
        </Anchor>
      </Stack>
    </Center>
  );
}
