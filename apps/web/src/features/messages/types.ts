export type MessageDirection = 'inbound' | 'outbound' | 'internal';
export type MessageKind = 'message' | 'note' | 'activity';
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface MessageActivity {
  type: string;
  outcome?: string;
  actorName?: string;
  [key: string]: unknown;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
  /** pending while the file is fetched from the provider; failed with `error` when refused. */
  state: 'pending' | 'ready' | 'failed';
  error: string | null;
  /**
   * Email inline images: the part's Content-ID without angle brackets, so `cid:` references
   * in the HTML find their file. Optional: matching falls back to the file name.
   */
  contentId?: string | null;
}

/**
 * WhatsApp's 24-hour customer service window: free text is allowed until `closesAt`
 * (the customer's last message + 24 h); after it, only approved templates.
 */
export interface ServiceWindow {
  open: boolean;
  /** null when the customer never wrote, so the window never opened. */
  closesAt: string | null;
}

export interface Reaction {
  emoji: string;
  author: { type: 'contact' | 'user'; name: string | null };
}

export interface MessageTemplateUse {
  name: string;
  language: string;
  parameters: string[];
}

/** The email side of a message on the `email` channel. */
export interface MessageEmail {
  subject: string | null;
  /**
   * The new part, sanitized by the server: remote images have an empty `src` and keep their
   * address in `data-remote-src`; inline images point at `cid:…`. Sanitized again here anyway.
   */
  html: string | null;
  /** The quoted history (earlier mails), sanitized the same way; folded by default. */
  quoted: string | null;
}

export interface Message {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  kind: MessageKind;
  text: string;
  status: MessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  /** Inbox kind the message travelled on; null for notes and activity lines. */
  channel: string | null;
  author: { type: 'user' | 'contact'; id: string; name: string | null } | null;
  activity: MessageActivity | null;
  attachments: Attachment[];
  reactions: Reaction[];
  /** The message this one quotes (a WhatsApp reply). */
  replyTo: { id: string; text: string; direction: MessageDirection } | null;
  /** Set on outbound template messages; `text` holds the rendered body. */
  template: MessageTemplateUse | null;
  /** A customer message type we cannot show (a poll, a location…). */
  unsupported: { type: string } | null;
  /** Sent by Switchboard on its own (an auto-reply), not written by an agent. */
  automatic?: boolean;
  /** Set on messages of the `email` channel; `text` is always the plain-text version. */
  email: MessageEmail | null;
  occurredAt: string;
  createdAt: string;
}

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

/** An approved WhatsApp template; `body` holds `{{1}}`, `{{2}}`… placeholders. */
export interface MessageTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  body: string;
  parameterCount: number;
}

export interface TemplateList {
  items: MessageTemplate[];
  /** When the list was last refreshed from the provider; null if never. */
  syncedAt: string | null;
}
