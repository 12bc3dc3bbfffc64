export interface AppNotification {
  id: string;
  kind: 'mention' | 'invite' | (string & {});
  conversationId: string | null;
  messageId: string | null;
  actorName: string | null;
  /** The note that mentioned me; empty for an invitation. */
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}
