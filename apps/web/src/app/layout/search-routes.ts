import type { SavedFilterQuery, SearchRoutes } from '@/features/search';
import { MESSAGE_PARAM } from '@/features/search';
import { CONVERSATION_STATUSES } from '@/types/vocabulary';
import { paths } from '../paths';

// The list filters live in the inbox URL's query string (see useListFilters in routes/inbox.tsx),
// so a saved filter is a link. `team` and `inbox` are read for when the list filters by them.
const LIST_PARAMS = { tag: 'tagIds', team: 'teamId', inbox: 'inboxId' } as const;

/** Where search results and saved filters lead, in this app's URLs. */
export const searchRoutes: SearchRoutes = {
  conversation: (conversation, messageId) => {
    const href = paths.inbox(conversation.status, conversation.id);
    return messageId ? `${href}?${MESSAGE_PARAM}=${encodeURIComponent(messageId)}` : href;
  },
  list: (query) => {
    const params = new URLSearchParams();
    const tagId = query.tagIds?.[0];
    if (tagId) params.set('tag', tagId);
    if (query.teamId) params.set('team', query.teamId);
    if (query.inboxId) params.set('inbox', query.inboxId);
    const search = params.toString();
    return `${paths.inbox(query.tab ?? 'open')}${search ? `?${search}` : ''}`;
  },
  currentFilter: ({ pathname, search }) => {
    const segment = pathname.split('/')[1];
    const tab = CONVERSATION_STATUSES.find((status) => status === segment);
    const params = new URLSearchParams(search);
    const query: SavedFilterQuery = tab ? { tab } : {};
    for (const [param, field] of Object.entries(LIST_PARAMS)) {
      const value = params.get(param);
      if (!value) continue;
      if (field === 'tagIds') query.tagIds = [value];
      else query[field] = value;
    }
    return query;
  },
};
