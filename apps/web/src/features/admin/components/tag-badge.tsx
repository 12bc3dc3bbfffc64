import { Badge } from '@mantine/core';
import type { Tag } from '../types';

export function TagBadge({ tag }: { tag: Pick<Tag, 'name' | 'color'> }) {
  return (
    <Badge variant="light" color={tag.color} radius="sm" tt="none" fw={600}>
      {tag.name}
    </Badge>
  );
}
