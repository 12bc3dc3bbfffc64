import { z } from 'zod';

/** Shapes shared by several routes; they validate input and document the API in OpenAPI. */
export const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) })
  .meta({ id: 'Error' });

export const idParams = z.object({ id: z.uuid() });

export const conversationSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(['waiting', 'open', 'closed']),
    phase: z.enum(['in_progress', 'waiting_customer', 'needs_help', 'snoozed']),
    outcome: z.string().nullable(),
    inboxId: z.uuid(),
    inbox: z.object({ id: z.uuid(), kind: z.string(), name: z.string() }),
    contact: z.object({
      id: z.uuid(),
      name: z.string().nullable(),
      identities: z.array(z.object({ kind: z.string(), address: z.string() })),
    }),
    assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    teamId: z.uuid().nullable(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    tags: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
    snoozedUntil: z.string().nullable(),
    escalationCount: z.number().int(),
    priority: z.number().int(),
    lastMessagePreview: z.string().nullable(),
    lastMessageAt: z.string(),
    unreadCount: z.number().int(),
    createdAt: z.string(),
    waitingSince: z.string().nullable(),
    closedAt: z.string().nullable(),
    closedBy: z.enum(['agent', 'customer', 'system']).nullable(),
    receivedOffline: z
      .boolean()
      .describe('An offline message: nobody was there to attend when it came in'),
    visitorAwaySince: z
      .string()
      .nullable()
      .describe(
        'Web chat: the visitor left after an agent took it; replies follow by email or SMS',
      ),
    replyChannel: z
      .object({
        inboxId: z.uuid(),
        kind: z.string(),
        to: z.string().nullable(),
        followUp: z.boolean().describe('The web chat visitor left: the reply follows them here'),
      })
      .nullable()
      .describe('Where a reply goes now: the channel the customer last wrote through'),
    rating: z
      .object({ score: z.number().int(), comment: z.string().nullable() })
      .nullable()
      .describe("The customer's rating, 1 to 5 (web chat)"),
    window: z
      .object({ open: z.boolean(), closesAt: z.string().nullable() })
      .nullable()
      .describe("WhatsApp's 24-hour customer service window; null for channels without one"),
    version: z.number().int(),
    invited: z.boolean().describe('The caller was invited to or joined it'),
    hidden: z.boolean().describe('The caller hid it from their own lists'),
  })
  .meta({ id: 'Conversation' });

export const messageSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    direction: z.enum(['inbound', 'outbound', 'internal']),
    kind: z.enum(['message', 'note', 'activity']),
    text: z.string(),
    status: z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed']),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    channel: z.string().nullable(),
    author: z
      .object({ type: z.enum(['user', 'contact']), id: z.uuid(), name: z.string().nullable() })
      .nullable(),
    activity: z.record(z.string(), z.unknown()).nullable(),
    attachments: z.array(
      z.object({
        id: z.uuid(),
        fileName: z.string(),
        contentType: z.string(),
        size: z.number(),
        contentId: z.string().nullable(),
        url: z.string(),
        state: z.enum(['pending', 'ready', 'failed']),
        error: z.string().nullable(),
      }),
    ),
    reactions: z.array(
      z.object({
        emoji: z.string(),
        author: z.object({ type: z.enum(['user', 'contact']), name: z.string().nullable() }),
      }),
    ),
    replyTo: z
      .object({
        id: z.uuid(),
        text: z.string(),
        direction: z.enum(['inbound', 'outbound', 'internal']),
      })
      .nullable(),
    template: z
      .object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) })
      .nullable(),
    unsupported: z.object({ type: z.string() }).nullable(),
    automatic: z.boolean().describe('Sent by Switchboard itself (an auto-reply), not by an agent'),
    email: z
      .object({
        subject: z.string().nullable(),
        html: z.string().nullable().describe('Sanitized HTML of the new part'),
        quoted: z.string().nullable().describe('Sanitized quoted history, folded by clients'),
      })
      .nullable(),
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};
