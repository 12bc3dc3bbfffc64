import type { Conversation, ConversationTab } from '@/features/conversations';

export interface MessageHit {
  conversationId: string;
  messageId: string;
  reference: string;
  contactName: string | null;
  kind: 'message' | 'note';
  direction: 'inbound' | 'outbound' | 'internal';
  /** Plain text around the match. */
  snippet: string;
  /** [start, end) offsets of the matched words in `snippet`. */
  highlights: [number, number][];
  occurredAt: string;
}

export interface ContactHit {
  id: string;
  name: string | null;
  identities: { kind: string; address: string; displayName?: string | null }[];
}

export interface SearchResults {
  messages: MessageHit[];
  contacts: ContactHit[];
  conversations: Conversation[];
}

export interface SavedFilterQuery {
  tab?: ConversationTab;
  tagIds?: string[];
  teamId?: string;
  inboxId?: string;
  q?: string;
}

export interface SavedFilter {
  id: string;
  name: string;
  query: SavedFilterQuery;
  createdAt?: string;
}
