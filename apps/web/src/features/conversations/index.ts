export { conversationKeys, useConversation } from './api/get-conversation';
export { conversationCountKeys, useConversationCounts } from './api/get-conversation-counts';
export {
  conversationListKeys,
  MY_INBOX,
  useConversations,
  type ConversationScope,
} from './api/get-conversations';
export { invalidateConversationQueries } from './api/invalidate-conversation';
export { CLOSE_CONVERSATION_EVENT } from './components/conversation-actions';
export { ConversationFiltersBar } from './components/conversation-filters';
export { ConversationHeader } from './components/conversation-header';
export { ConversationInfoPanel } from './components/conversation-info-panel';
export { ConversationList } from './components/conversation-list';
export { ConversationTabs } from './components/conversation-tabs';
export { KeyboardShortcutsModal } from './components/keyboard-shortcuts-modal';
export { TransferModal } from './components/transfer-modal';
export { conversationPermissions } from './permissions';
export { useListKeyboard } from './hooks/use-list-keyboard';
export { useReplyBlockReason } from './hooks/use-reply-block-reason';
export type { Conversation, ConversationFilters, ConversationTab } from './types';
export { useMarkReadWhenOpen } from './api/mark-conversation-read';
export { contactConversationsQueryOptions } from './api/get-contact-conversations';
export { conversationQueryOptions } from './api/get-conversation';
export { contactName } from './components/contact-name';
export { ConversationStatusBadge } from './components/conversation-status-badge';
