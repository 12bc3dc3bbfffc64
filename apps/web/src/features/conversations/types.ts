import type { ServiceWindow } from '@/features/messages';
import type {
  ConversationOutcome,
  ConversationPhase,
  ConversationStatus,
  InboxKind,
} from '@/types/vocabulary';

export type { ConversationOutcome, ConversationPhase, ConversationStatus };

/** The tabs are the statuses (DESIGN.md §2). */
export type ConversationTab = ConversationStatus;

export interface ConversationTag {
  id: string;
  name: string;
  color: string | null;
}

/**
 * Narrows a tab's list: the needs-help view of the team, what I hid (both span the tabs), or
 * one tag.
 */
export interface ConversationFilters {
  view?: 'needs_help' | 'hidden';
  tagId?: string;
  /** Set by saved filters (links); the bar offers to clear them. */
  teamId?: string;
  inboxId?: string;
}

export interface ContactIdentity {
  kind: 'phone' | 'whatsapp' | 'email' | 'web';
  address: string;
}

/** Where a reply to the customer goes now: the channel they last wrote through. */
export interface ReplyChannel {
  inboxId: string;
  kind: InboxKind;
  /** The customer's address there (null on web chat, or when none is known). */
  to: string | null;
  /** The web chat visitor left: the reply follows them by email or SMS. */
  followUp: boolean;
}

/** The customer's rating of a web chat conversation, 1 to 5. */
export interface ConversationRating {
  score: number;
  comment: string | null;
}

export interface Conversation {
  id: string;
  reference: string;
  status: ConversationStatus;
  phase: ConversationPhase;
  outcome: ConversationOutcome | null;
  inboxId: string;
  inbox: { id: string; kind: InboxKind; name: string };
  contact: { id: string; name: string | null; identities: ContactIdentity[] };
  assignee: { id: string; name: string } | null;
  teamId: string | null;
  team?: { id: string; name: string } | null;
  priority: number;
  tags?: ConversationTag[];
  /** Set while the phase is `snoozed`: when it wakes up by itself. */
  snoozedUntil?: string | null;
  escalationCount?: number;
  /** Hidden from my lists (POST /hide); other people still see it. */
  hidden: boolean;
  /** I was invited to or joined it: I may write replies and notes like its agent. */
  invited: boolean;
  lastMessagePreview: string | null;
  lastMessageAt: string;
  unreadCount: number;
  createdAt: string;
  waitingSince: string | null;
  closedAt: string | null;
  /** Who ended it: a person, the customer (web chat) or a timer. */
  closedBy?: 'agent' | 'customer' | 'system' | null;
  /** An offline message: nobody was there to attend when it came in. */
  receivedOffline?: boolean;
  /** Web chat: when the visitor left after an agent took it; null while they are there. */
  visitorAwaySince?: string | null;
  /** null when the customer never wrote on a channel we can answer on. */
  replyChannel?: ReplyChannel | null;
  rating?: ConversationRating | null;
  /** WhatsApp's 24-hour window; null on channels without one (SMS, email, web chat). */
  window: ServiceWindow | null;
  version: number;
}

export interface ContactConversationList {
  items: Conversation[];
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

/** Conversations per tab, and per tab how many of them have unread messages. */
export type ConversationCounts = Record<ConversationTab, number> & {
  /** The whole workspace's Closed tab is counted only so far: `closed` or more. */
  closedCapped: boolean;
  unread: Record<ConversationTab, number>;
};
