import type { ConversationPhase } from '@/types/vocabulary';
import type { InboxKind } from '@/features/inboxes';

export type IdentityKind = 'phone' | 'whatsapp' | 'email' | 'web';

export interface ContactIdentity {
  kind: IdentityKind;
  address: string;
  /** Name the channel reported (WhatsApp profile name, email display name). */
  displayName?: string | null;
}

export interface Contact {
  id: string;
  name: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** BCP 47 tag. */
  language: string | null;
  blocked: boolean;
  notes: string | null;
  identities: ContactIdentity[];
  /** Non-closed conversations of this customer in every inbox. */
  openConversations: OpenConversationSummary[];
}

export interface ContactUpdate {
  name?: string | null;
  country?: string | null;
  language?: string | null;
  notes?: string | null;
}

export interface OpenConversationSummary {
  id: string;
  reference: string;
  status: 'waiting' | 'open';
  phase: ConversationPhase;
  inbox: { id: string; kind: InboxKind; name: string };
  assignee: { id: string; name: string } | null;
  /** Whether the caller may open it. */
  visible: boolean;
}
