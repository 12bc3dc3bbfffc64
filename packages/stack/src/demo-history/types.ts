import type { ConversationOutcome, InboxKind, MessageStatus } from '@switchboard/db';
import type { HistoryLanguage } from './texts';

/*
 * The history plan's shapes: plain data the planner produces and seed.ts turns into rows.
 * Kept apart from the planner so every planning step can share them without import cycles.
 */

export type HistoryChannel = Exclude<InboxKind, 'webchat'>;

export interface HistoryAgent {
  id: string;
  name: string;
}

export interface PlanInput {
  now: Date;
  timeZone: string;
  /** agent1 (Support) and agent2 (Support and Billing, where billing questions go). */
  agents: [HistoryAgent, HistoryAgent];
  /** The demo's routing rule that sends billing words to Billing. */
  billingRule: { name: string; id: string | null; teamId: string | null };
  /** References already in the workspace; history never reuses one. */
  takenReferences: ReadonlySet<string>;
  /** Signs the agents' emails. */
  company: string;
}

export interface HistoryContact {
  name: string;
  language: HistoryLanguage;
  country: string;
  phone: string;
  email: string;
}

export interface PlannedMessage {
  at: Date;
  direction: 'inbound' | 'outbound' | 'internal';
  kind: 'message' | 'activity';
  fromCustomer: boolean;
  authorUserId: string | null;
  text: string;
  activity: Record<string, unknown> | null;
  status: MessageStatus;
  /** Next reply time: how long the customer had waited for this reply. */
  responseMs: number | null;
  automatic: boolean;
  emailSubject: string | null;
}

export interface PlannedConversation {
  contact: number;
  channel: HistoryChannel;
  reference: string;
  billing: boolean;
  /** The agent who held it last (null: never attended). */
  agentId: string | null;
  participants: Array<{ userId: string; joinedAt: Date }>;
  outcome: ConversationOutcome;
  createdAt: Date;
  firstAssignedAt: Date | null;
  firstResponseAt: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  closedAt: Date;
  reopenCount: number;
  transferCount: number;
  receivedOffline: boolean;
  /** Index of the same customer's previous conversation in this inbox, if any. */
  previous: number | null;
  messages: PlannedMessage[];
}

export interface HistoryPlan {
  contacts: HistoryContact[];
  conversations: PlannedConversation[];
}

/** What the day's schedule decided about one conversation before it is played out. */
export interface ConversationStart {
  createdAt: number;
  /** Nothing may happen after this instant (the minute before today starts). */
  limit: number;
  peak: boolean;
  /** Outside Support's hours: Support's customers get the offline auto-reply. */
  offline: boolean;
  /** Only the agent on call answers, slower. */
  night: boolean;
  contact: number;
  customer: HistoryContact;
  channel: HistoryChannel;
  reference: string;
}
