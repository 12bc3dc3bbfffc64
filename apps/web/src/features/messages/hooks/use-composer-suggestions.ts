import { useMemo, useState } from 'react';
import { useCannedResponses } from '@/features/canned';
import { useAgents } from '@/features/presence';

export interface Suggestion {
  id: string;
  label: string;
  detail: string;
  /** What replaces the typed trigger ("@An" or "/ref"). */
  insert: string;
}

interface Trigger {
  kind: 'mention' | 'canned';
  /** Where the trigger character sits in the text. */
  start: number;
  query: string;
}

const MENTION = /(?:^|\s)@([\p{L}\p{N}._-]*(?: [\p{L}\p{N}._-]*)?)$/u;
const CANNED = /(?:^|\s)\/([a-z0-9_-]{0,32})$/i;

/** What is being typed right before the caret: "@Ana" in a note, "/refund" anywhere. */
export function findTrigger(text: string, caret: number, isNote: boolean): Trigger | null {
  const before = text.slice(0, caret);
  const mention = isNote ? MENTION.exec(before) : null;
  if (mention?.[1] !== undefined) {
    return { kind: 'mention', start: caret - mention[1].length - 1, query: mention[1] };
  }
  const canned = CANNED.exec(before);
  if (canned?.[1] !== undefined) {
    return { kind: 'canned', start: caret - canned[1].length - 1, query: canned[1] };
  }
  return null;
}

const MAX_SUGGESTIONS = 8;

/**
 * Autocomplete for the composer: colleagues after "@" in a note (the API notifies whoever a
 * note names as `@Name`), canned responses after "/" (their `text` comes filled in for this
 * conversation). The lists load the first time they are needed.
 */
export function useComposerSuggestions(
  conversationId: string,
  text: string,
  caret: number,
  isNote: boolean,
) {
  const trigger = findTrigger(text, caret, isNote);
  const [wantAgents, setWantAgents] = useState(false);
  const [wantCanned, setWantCanned] = useState(false);
  if (trigger?.kind === 'mention' && !wantAgents) setWantAgents(true);
  if (trigger?.kind === 'canned' && !wantCanned) setWantCanned(true);
  const agents = useAgents(wantAgents);
  const canned = useCannedResponses(conversationId, wantCanned);

  const suggestions = useMemo<Suggestion[]>(() => {
    if (!trigger) return [];
    const query = trigger.query.toLowerCase();
    if (trigger.kind === 'mention') {
      return (agents.data ?? [])
        .filter(
          (agent) =>
            agent.name.toLowerCase().startsWith(query) ||
            agent.name.toLowerCase().includes(` ${query}`) ||
            agent.email.toLowerCase().startsWith(query),
        )
        .slice(0, MAX_SUGGESTIONS)
        .map((agent) => ({
          id: agent.id,
          label: agent.name,
          detail: agent.email,
          insert: `@${agent.name} `,
        }));
    }
    return (canned.data ?? [])
      .filter(
        (item) =>
          item.shortcut.toLowerCase().startsWith(query) || item.title.toLowerCase().includes(query),
      )
      .slice(0, MAX_SUGGESTIONS)
      .map((item) => ({
        id: item.id,
        label: `/${item.shortcut}`,
        detail: item.title,
        insert: item.text ?? item.body,
      }));
  }, [trigger?.kind, trigger?.query, agents.data, canned.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const loading = trigger?.kind === 'mention' ? agents.isPending : canned.isPending;
  return { trigger, suggestions, loading };
}
