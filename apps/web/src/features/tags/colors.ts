/** Tag colors are Mantine palette names (the API's default is `gray`); a hex value also works. */
export const TAG_COLORS = [
  'gray',
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
] as const;

/** Colors handed to tags created on the fly, in turn, so neighbours differ. */
export const TAG_PALETTE = [
  'blue',
  'teal',
  'green',
  'yellow',
  'orange',
  'red',
  'pink',
  'grape',
  'violet',
  'cyan',
];

const KNOWN_COLORS = new Set<string>([...TAG_COLORS, 'dark']);

/** Tags store either a theme colour name or a CSS colour; anything else shows gray. */
export function tagColor(tag: { color?: string | null }): string {
  const color = tag.color?.trim();
  if (!color) return 'gray';
  return KNOWN_COLORS.has(color) || color.startsWith('#') ? color : 'gray';
}

/** The same color as a CSS value, for swatches drawn outside Mantine's color prop. */
export function tagCssColor(color: string): string {
  return color.startsWith('#') ? color : `var(--mantine-color-${color}-6)`;
}
