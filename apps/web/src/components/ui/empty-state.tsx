import { Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  color?: string;
}

export function EmptyState({ icon, title, description, action, color = 'gray' }: EmptyStateProps) {
  return (
    <Stack align="center" justify="center" gap="xs" p="xl" ta="center" h="100%">
      <ThemeIcon size={56} radius="xl" variant="light" color={color}>
        {icon}
      </ThemeIcon>
      <Text fw={600} mt="xs">
        {title}
      </Text>
      {description && (
        <Text size="sm" c="dimmed" maw={340}>
          {description}
        </Text>
      )}
      {action}
    </Stack>
  );
}
