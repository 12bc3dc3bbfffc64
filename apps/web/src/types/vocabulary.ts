/**
 * The product's shared words (DESIGN.md §1-2), used by several features. Kept here rather
 * than in one feature so features can agree on them without importing each other.
 */

export const INBOX_KINDS = [
  'sms_twilio',
  'whatsapp_twilio',
  'whatsapp_cloud',
  'email',
  'webchat',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const CONVERSATION_STATUSES = ['open', 'waiting', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CONVERSATION_PHASES = [
  'in_progress',
  'waiting_customer',
  'needs_help',
  'snoozed',
] as const;
export type ConversationPhase = (typeof CONVERSATION_PHASES)[number];

export const CONVERSATION_OUTCOMES = [
  'resolved',
  'no_reply',
  'no_agent',
  'abandoned',
  'cancelled',
] as const;
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isInboxKind = (value: unknown): value is InboxKind => isOneOf(INBOX_KINDS, value);
export const isConversationOutcome = (value: unknown): value is ConversationOutcome =>
  isOneOf(CONVERSATION_OUTCOMES, value);
