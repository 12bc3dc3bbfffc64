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

export interface ContactIdentity {
  kind: 'phone' | 'whatsapp' | 'email' | 'web';
  address: string;
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
  priority: number;
  lastMessagePreview: string | null;
  lastMessageAt: string;
  unreadCount: number;
  createdAt: string;
  waitingSince: string | null;
  closedAt: string | null;
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

export type ConversationCounts = Record<ConversationTab, number>;
