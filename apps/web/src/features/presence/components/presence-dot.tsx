import type { Presence } from '../types';

export const PRESENCE_COLOR: Record<Presence, string> = {
  online: 'var(--mantine-color-teal-6)',
  away: 'var(--mantine-color-yellow-6)',
  offline: 'var(--mantine-color-gray-5)',
};

/** The small coloured circle beside a person's name. */
export function PresenceDot({ presence, size = 8 }: { presence: Presence; size?: number }) {
  return (
    <span
      aria-hidden
      data-presence={presence}
      style={{
        display: 'inline-block',
        flexShrink: 0,
        width: size,
        height: size,
        borderRadius: '50%',
        background: PRESENCE_COLOR[presence],
      }}
    />
  );
}
