export { tagKeys, useCreateTag, useTags } from './api/get-tags';
export { TAG_COLORS, TAG_PALETTE, tagColor, tagCssColor } from './colors';
export { TagChip } from './components/tag-chip';
export type { Tag } from './types';
