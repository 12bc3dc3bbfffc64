import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import type { Reaction } from '../types';
import classes from './thread.module.css';

interface ReactionGroup {
  emoji: string;
  names: string[];
}

function authorName(t: TFunction, reaction: Reaction): string {
  return (
    reaction.author.name?.trim() ||
    (reaction.author.type === 'contact' ? t('thread.customer') : t('thread.agent'))
  );
}

/** One chip per emoji, in the order they were first used. */
function groupReactions(t: TFunction, reactions: Reaction[]): ReactionGroup[] {
  const groups = new Map<string, ReactionGroup>();
  for (const reaction of reactions) {
    const group = groups.get(reaction.emoji) ?? { emoji: reaction.emoji, names: [] };
    group.names.push(authorName(t, reaction));
    groups.set(reaction.emoji, group);
  }
  return [...groups.values()];
}

/** Emoji the customer (or an agent) put on a message, under its bubble. */
export function MessageReactions({ reactions }: { reactions: Reaction[] }) {
  const { t } = useTranslation();
  if (reactions.length === 0) return null;
  const list = new Intl.ListFormat(currentLocale(), { type: 'conjunction' });
  return (
    <div className={classes.reactions}>
      {groupReactions(t, reactions).map(({ emoji, names }) => {
        const who = list.format(names);
        return (
          <span
            key={emoji}
            className={classes.reaction}
            title={who}
            role="img"
            aria-label={t('thread.reactionBy', { emoji, names: who })}
            data-testid="message-reaction"
            data-emoji={emoji}
          >
            {emoji}
            {names.length > 1 && <span className={classes.reactionCount}>{names.length}</span>}
          </span>
        );
      })}
    </div>
  );
}
