import { pgEnum } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['agent', 'supervisor', 'admin']);
export const presence = pgEnum('presence', ['online', 'away', 'offline']);
export const assignmentMode = pgEnum('assignment_mode', ['manual', 'round_robin', 'least_busy']);
export const inboxKind = pgEnum('inbox_kind', [
  'sms_twilio',
  'whatsapp_twilio',
  'whatsapp_cloud',
  'email',
  'webchat',
]);
export const identityKind = pgEnum('identity_kind', ['phone', 'whatsapp', 'email', 'web']);
export const conversationStatus = pgEnum('conversation_status', ['waiting', 'open', 'closed']);
export const conversationPhase = pgEnum('conversation_phase', [
  'in_progress',
  'waiting_customer',
  'needs_help',
  'snoozed',
]);
export const conversationOutcome = pgEnum('conversation_outcome', [
  'resolved',
  'no_reply',
  'no_agent',
  'abandoned',
  'cancelled',
]);
export const messageDirection = pgEnum('message_direction', ['inbound', 'outbound', 'internal']);
export const messageKind = pgEnum('message_kind', ['message', 'note', 'activity']);
export const messageStatus = pgEnum('message_status', [
  'received',
  'queued',
  'sent',
  'delivered',
  'read',
  'failed',
]);
export const inboundEventKind = pgEnum('inbound_event_kind', ['message', 'status']);
export const attachmentStorage = pgEnum('attachment_storage', ['postgres', 's3']);

export type UserRole = (typeof userRole.enumValues)[number];
export type Presence = (typeof presence.enumValues)[number];
export type InboxKind = (typeof inboxKind.enumValues)[number];
export type IdentityKind = (typeof identityKind.enumValues)[number];
export type ConversationStatus = (typeof conversationStatus.enumValues)[number];
export type ConversationPhase = (typeof conversationPhase.enumValues)[number];
export type ConversationOutcome = (typeof conversationOutcome.enumValues)[number];
export type MessageDirection = (typeof messageDirection.enumValues)[number];
export type MessageKind = (typeof messageKind.enumValues)[number];
export type MessageStatus = (typeof messageStatus.enumValues)[number];
