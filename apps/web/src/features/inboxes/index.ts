export { useInboxes, useInbox, inboxKeys } from './api/get-inboxes';
export { ChannelIcon } from './components/channel-icon';
export type { Inbox, InboxKind } from './types';
export { InboxStatusButton } from './components/inbox-status-modal';
