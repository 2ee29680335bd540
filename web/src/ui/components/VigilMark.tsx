import { Group, Text } from '@mantine/core';

export function VigilMark({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#1c3d5a" />
        <path d="M8 9l8 15 8-15" stroke="white" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <Text fw={700} fz={size * 0.62} c="vigil.8" style={{ letterSpacing: '-0.01em' }}>
        Vigil
      </Text>
    </Group>
  );
}
