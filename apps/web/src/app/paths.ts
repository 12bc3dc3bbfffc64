import type { ConversationTab } from '@/features/conversations';

/** Every URL the app links to, built in one place. */
export const paths = {
  login: '/login',
  home: '/',
  inbox: (tab: ConversationTab, conversationId?: string) =>
    conversationId ? `/${tab}/${encodeURIComponent(conversationId)}` : `/${tab}`,
} as const;
