import { Group, Skeleton, Stack } from '@mantine/core';

const ROWS = [
  { side: 'start', width: '55%' },
  { side: 'start', width: '35%' },
  { side: 'end', width: '60%' },
  { side: 'start', width: '45%' },
  { side: 'end', width: '30%' },
] as const;

export function ThreadSkeleton() {
  return (
    <Stack gap="md" p="lg" aria-busy>
      {ROWS.map((row, index) => (
        <Group key={index} justify={row.side === 'end' ? 'flex-end' : 'flex-start'}>
          <Skeleton height={44} width={row.width} radius="lg" />
        </Group>
      ))}
    </Stack>
  );
}
