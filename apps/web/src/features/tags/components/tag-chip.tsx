import { Badge, type MantineSize } from '@mantine/core';
import { tagColor } from '../colors';
import type { Tag } from '../types';

export function TagChip({ tag, size = 'xs' }: { tag: Tag; size?: MantineSize }) {
  return (
    <Badge
      size={size}
      variant="light"
      color={tagColor(tag)}
      radius="sm"
      tt="none"
      fw={600}
      data-testid="tag-chip"
      data-tag={tag.name}
      style={{ flexShrink: 0, maxWidth: 140 }}
    >
      {tag.name}
    </Badge>
  );
}
