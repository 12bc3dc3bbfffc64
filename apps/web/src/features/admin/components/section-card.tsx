import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  description?: string;
  aside?: ReactNode;
  children: ReactNode;
}

/** One titled block of a settings page. */
export function SectionCard({ title, description, aside, children }: SectionCardProps) {
  return (
    <Card withBorder padding="lg" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
        <div>
          <Title order={4} fz="md">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {aside}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}
