import type { FetchedMedia } from './media';
import type { InboxKindName } from './kinds';

export type InboundEventKindName = 'message' | 'status';

/** A stored webhook payload: Twilio's form fields, or one item of a Meta webhook. */
export type EventPayload = Record<string, unknown>;

export type IdentityKindName = 'phone' | 'whatsapp' | 'email' | 'web';

export interface RawRequest {
  /** Raw body bytes as received; signatures are computed over them. */
  body: Buffer;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** Decoded form or JSON fields. */
  fields: Record<string, string>;
  /** Public URL the provider called, PUBLIC_URL + path + query. */
  url: string;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface InboundAttachment {
  /** Where the provider offers the file: a Twilio media URL, or a Meta media id. */
  url: string;
  contentType: string;
  fileName?: string;
  /** The bytes, when the message carried them (email): stored at once, nothing to download. */
  data?: Buffer;
  /** Set instead of `data` when a file was refused (too large, type not allowed). */
  refused?: string;
}

/** What an inbound email adds to a message: threading headers and the rendered body. */
export interface InboundEmail {
  /** Message-ID without angle brackets. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  /** Sanitized HTML of the new part, safe to show an agent; null for plain-text mail. */
  html: string | null;
  /** Sanitized HTML (or text) of the quoted history, folded behind "show quoted text". */
  quoted: string | null;
  /** Every address the mail was sent to (To, Cc, Delivered-To), lower-cased. */
  recipients: string[];
  /** Auto-Submitted other than no, empty Return-Path, List-* or Precedence bulk|list|junk. */
  automatic: boolean;
  /** The MIME could not be parsed; the text is the raw source and this says why. */
  malformed?: string;
}

export interface InboundMessageEvent {
  type: 'message';
  providerMessageId: string;
  from: { kind: IdentityKindName; address: string; displayName?: string };
  /** Business address the customer wrote to. */
  to: string;
  text: string;
  attachments: InboundAttachment[];
  /** Provider time, when the provider gives one. */
  occurredAt?: Date;
  metadata: Record<string, unknown>;
  email?: InboundEmail;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface InboundStatusEvent {
  type: 'status';
  providerMessageId: string;
  status: DeliveryStatus;
  errorCode?: string;
  errorMessage?: string;
}

/** A customer reacted to a message with an emoji; an empty emoji removes their reaction. */
export interface InboundReactionEvent {
  type: 'reaction';
  /** The reaction's own provider id. */
  providerMessageId: string;
  /** The provider id of the message reacted to (ours or the customer's). */
  targetProviderMessageId: string;
  emoji: string;
  from: { kind: IdentityKindName; address: string; displayName?: string };
  occurredAt?: Date;
}

/** A delivery status notification (bounce) about mail we sent. */
export interface InboundBounceEvent {
  type: 'bounce';
  /** Message-ID of our mail that bounced. */
  originalMessageId: string;
  /** The receiving server's reason, for the agent. */
  reason: string;
  /** e.g. 5.1.1 */
  statusCode: string | null;
}

export type InboundEvent =
  InboundMessageEvent | InboundStatusEvent | InboundReactionEvent | InboundBounceEvent;

/** A provider webhook body that carries several events, split into one stored event each. */
export interface SplitEvent {
  kind: InboundEventKindName;
  /** Unique per inbox and kind: a retried delivery maps to the same id and is stored once. */
  providerEventId: string;
  payload: Record<string, unknown>;
}

/** An approved message template, as the provider lists it. */
export interface ProviderTemplate {
  /** Meta template name, or Twilio Content SID. */
  name: string;
  language: string;
  category: string;
  /** APPROVED, PENDING, REJECTED, PAUSED… as the provider says. */
  status: string;
  /** Body text with {{1}}, {{2}}… placeholders. */
  body: string;
  /** Number of {{n}} parameters in the body. */
  parameterCount: number;
  /** Provider id of the template (Meta template id, Twilio Content SID). */
  externalId: string;
}

export interface OutboundMedia {
  /** A time-limited public URL of the file, for providers that fetch media by link. */
  url: string;
  contentType: string;
  fileName: string;
  /** The bytes, for providers that take uploads. */
  data: Buffer;
}

export interface OutboundTemplate {
  name: string;
  language: string;
  parameters: string[];
  /** Twilio Content SID; Meta sends by name + language. */
  externalId?: string;
}

export interface OutboundMessage {
  /** Our message id; providers that accept one use it to deduplicate. */
  id: string;
  to: string;
  text: string;
  statusCallbackUrl: string;
  media?: OutboundMedia[];
  /** Sent instead of free text: the only kind of message WhatsApp allows outside the window. */
  template?: OutboundTemplate;
  /** Provider id of the customer's message this one answers (WhatsApp quoted reply). */
  replyToProviderMessageId?: string;
  /** Email only: headers that keep the thread together, and who it is from. */
  email?: OutboundEmail;
}

export interface OutboundEmail {
  /** Message-ID we generated and stored, without angle brackets. */
  messageId: string;
  subject: string;
  inReplyTo: string | null;
  references: string[];
  /** The inbox address with the conversation's token: support+<token>@example.com. */
  replyTo: string;
  /** The agent's name, shown as the sender: "Ana (Example Support)". */
  fromName: string;
  /** HTML part; the plain-text part is `text`. */
  html: string;
  /** Marks our automatic mail (transcripts, notices): Auto-Submitted: auto-replied. */
  automatic?: boolean;
}

export interface InboxConnection {
  address: string;
  externalId: string | null;
  credentials: Record<string, string>;
}

export interface SendResult {
  providerMessageId: string;
  /** Set when the send itself completes delivery (web chat stores the reply for the visitor). */
  status?: 'delivered';
}

export interface ChannelEnvironment {
  twilioApiBase: string;
  metaGraphBase: string;
}

export interface ChannelAdapter {
  kind: InboxKindName;
  verify(request: RawRequest, connection: InboxConnection): VerifyResult;
  normalize(payload: EventPayload, kind: InboundEventKindName): InboundEvent[];
  send(
    message: OutboundMessage,
    connection: InboxConnection,
    env: ChannelEnvironment,
  ): Promise<SendResult>;
  /**
   * After a send whose outcome is unknown: the provider's id of that message if the provider
   * did take it (matched by recipient, text and time), else null, so it is never sent twice.
   */
  findSent(
    message: OutboundMessage,
    connection: InboxConnection,
    env: ChannelEnvironment,
    since: Date,
  ): Promise<SendResult | null>;
  /** Downloads a file the customer attached, with the inbox's credentials. */
  fetchMedia(
    url: string,
    connection: InboxConnection,
    env: ChannelEnvironment,
    maxBytes: number,
  ): Promise<FetchedMedia>;
  /** Tells the provider the customer's message was read (WhatsApp blue ticks). */
  markRead?(
    providerMessageId: string,
    connection: InboxConnection,
    env: ChannelEnvironment,
  ): Promise<void>;
  /** The inbox's message templates, for channels that need them outside a service window. */
  listTemplates?(connection: InboxConnection, env: ChannelEnvironment): Promise<ProviderTemplate[]>;
}
