import { Card, Skeleton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';

/** An admin list's loading, error and empty states; `children` draws the rows once there are some. */
export function ListBody<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  empty: { icon: ReactNode; title: string; description: string; action: ReactNode };
  children: (rows: T[]) => ReactNode;
}) {
  if (query.isError) return <ErrorState onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={200} radius="md" />;
  if (query.data.length === 0) {
    return (
      <Card withBorder radius="md">
        <EmptyState {...empty} />
      </Card>
    );
  }
  return children(query.data);
}
