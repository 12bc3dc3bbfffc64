import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useAgents } from '@/features/presence';
import classes from './thread.module.css';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A private note with its `@Name` / `@email` mentions picked out, matched against the
 * workspace's people the way the API does (longest name first, ending at a word boundary).
 */
export function NoteText({ text }: { text: string }) {
  const mayMention = text.includes('@');
  const agents = useAgents(mayMention);
  const parts = useMemo(() => {
    const names = (agents.data ?? [])
      .flatMap((agent) => [agent.name, agent.email])
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    if (!mayMention || names.length === 0) return [text];
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}._-])(@(?:${names.join('|')}))(?![\\p{L}\\p{N}])`,
      'giu',
    );
    return text.split(pattern);
  }, [agents.data, mayMention, text]);

  return (
    <Text className={classes.text}>
      {parts.map((part, index) =>
        // split() with one capture group puts the matches at the odd indexes.
        index % 2 === 1 ? (
          <span key={index} className={classes.mention} data-testid="mention">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </Text>
  );
}
