import { useQuery } from '@apollo/client/react';
import { Box, EmptyState, Group, Stack, Text } from '@mantine/core';
import { IconBellCheck } from '@tabler/icons-react';
import { AlertRulesDocument } from '@/generated/graphql';
import { bySeverity } from '../lib/alertQueue';
import { AlertSeverityBadge } from './AlertSeverityBadge';

/** An empty queue says what would fill it: the rules the server raises alerts by. */
export function AlertsEmptyState({ filtered }: { filtered: boolean }) {
  const { data } = useQuery(AlertRulesDocument);
  return (
    <EmptyState
      py="xl"
      icon={<IconBellCheck size={22} />}
      title={filtered ? 'No alerts match these filters' : 'No alerts'}
      description={
        <Stack gap="xs" align="center" data-testid="alerts-empty">
          <Text fz="sm" c="dimmed">
            {filtered
              ? 'Try another status or severity. Resolved alerts are under “Resolved” or “All”.'
              : 'Vigil raises an alert, once per event, when:'}
          </Text>
          {!filtered && data && (
            <Stack gap={8} maw={600}>
              {bySeverity(data.alertRules).map((rule) => (
                <Group key={rule.kind} gap="sm" wrap="nowrap" align="flex-start">
                  <Box w={76} style={{ flexShrink: 0 }}>
                    <AlertSeverityBadge severity={rule.severity} />
                  </Box>
                  <Text fz="sm" ta="left">
                    {rule.summary}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      }
    />
  );
}
