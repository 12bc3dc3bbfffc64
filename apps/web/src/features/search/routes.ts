import type { Conversation } from '@/features/conversations';
import type { SavedFilterQuery } from './types';

/** The app's URLs this feature links to; the app layer provides them (features know no routes). */
export interface SearchRoutes {
  /** A conversation, optionally scrolled to one of its messages. */
  conversation: (conversation: Pick<Conversation, 'id' | 'status'>, messageId?: string) => string;
  /** The conversation list with a saved filter applied. */
  list: (query: SavedFilterQuery) => string;
  /** The list filter on screen, read from the current location. */
  currentFilter: (location: { pathname: string; search: string }) => SavedFilterQuery;
}
