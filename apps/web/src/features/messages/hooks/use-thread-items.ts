import type { InfiniteData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { localDayKey } from '@/lib/format-time';
import type { Message, MessagePage } from '../types';
import { normalizeSubject } from '../utils/email-subject';

export interface ThreadEntry {
  message: Message;
  /** Same speaker as the entry above within a few minutes: the name is not repeated. */
  grouped: boolean;
  /** The first email on a (new) subject: the bubble shows the subject line. */
  showSubject: boolean;
}

export interface ThreadDay {
  key: string;
  date: Date;
  entries: ThreadEntry[];
}

const GROUP_WINDOW_MS = 5 * 60_000;

function sameSpeaker(a: Message, b: Message): boolean {
  return (
    a.kind === b.kind &&
    a.kind !== 'activity' &&
    a.direction === b.direction &&
    (a.author?.id ?? null) === (b.author?.id ?? null)
  );
}

/** Pages arrive newest-first, each oldest-first: flatten into one chronological thread. */
function flattenThread(data: InfiniteData<MessagePage> | undefined): Message[] {
  const byId = new Map<string, Message>();
  for (const page of [...(data?.pages ?? [])].reverse()) {
    // A refetch can shift page boundaries; the newest copy of a message wins.
    for (const message of page.items) byId.set(message.id, message);
  }
  return [...byId.values()];
}

/** The thread split into calendar days, with "same author, same burst" grouping. */
export function useThreadItems(data: InfiniteData<MessagePage> | undefined) {
  return useMemo(() => {
    const messages = flattenThread(data);
    const days: ThreadDay[] = [];
    let previous: Message | null = null;
    // Across days: a subject stays current until a mail changes it.
    let subject = '';

    for (const message of messages) {
      const date = new Date(message.occurredAt);
      const key = localDayKey(date);
      let day = days.at(-1);
      if (day?.key !== key) {
        day = { key, date, entries: [] };
        days.push(day);
        previous = null;
      }
      const grouped =
        previous !== null &&
        sameSpeaker(previous, message) &&
        date.getTime() - new Date(previous.occurredAt).getTime() < GROUP_WINDOW_MS;
      const normalized = normalizeSubject(message.email?.subject);
      const showSubject = normalized !== '' && normalized !== subject;
      if (showSubject) subject = normalized;
      day.entries.push({ message, grouped, showSubject });
      previous = message;
    }
    return { days, messages };
  }, [data]);
}
