import { Group, Skeleton, Stack } from '@mantine/core';

export function ConversationListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Stack gap={0} aria-busy>
      {Array.from({ length: rows }, (_, index) => (
        <Group
          key={index}
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          px="md"
          py={12}
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Skeleton circle height={18} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Group justify="space-between">
              <Skeleton height={12} width="45%" />
              <Skeleton height={10} width={32} />
            </Group>
            <Skeleton height={10} width="80%" />
            <Skeleton height={8} width="30%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
