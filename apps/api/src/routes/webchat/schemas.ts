import { z } from 'zod';

/** Shapes of the public web chat API: they validate, and document it in OpenAPI. */
export const webchatConfigSchema = z
  .object({
    inboxId: z.uuid(),
    name: z.string(),
    greeting: z.string().nullable(),
    color: z.string().nullable(),
    position: z.enum(['right', 'left']),
    teams: z.array(z.object({ id: z.uuid(), name: z.string(), online: z.boolean() })),
    online: z
      .boolean()
      .describe('Someone can answer now; when false the widget offers the offline-message form'),
  })
  .meta({ id: 'WebchatConfig' });

const person = z.object({ name: z.string(), avatarUrl: z.string().nullable() });

export const visitorConversationSchema = z
  .object({
    conversation: z
      .object({
        id: z.uuid(),
        reference: z.string(),
        status: z.enum(['waiting', 'open', 'closed']),
        outcome: z.string().nullable(),
        queuePosition: z.number().int().nullable().describe('1 = served next; only while waiting'),
        estimatedWaitSeconds: z
          .number()
          .int()
          .nullable()
          .describe(
            "While waiting: position × the team's average wait this week; null without history",
          ),
        agent: person.nullable(),
        ending: z
          .enum(['agent', 'customer', 'connection_lost', 'abandoned', 'inactive'])
          .nullable()
          .describe(
            'Why it ended; only when closed. `inactive`: closed by the system after a while without messages',
          ),
        rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
        offline: z.boolean().describe('Left while nobody was there to answer'),
        contactEmail: z
          .string()
          .nullable()
          .describe('The email the visitor gave, to prefill the transcript form'),
      })
      .nullable(),
    joins: z
      .array(z.object({ at: z.string(), agent: person }))
      .describe('Every time a person took the conversation'),
    messages: z.array(
      z.object({
        id: z.uuid(),
        direction: z.enum(['inbound', 'outbound']),
        text: z.string(),
        createdAt: z.string(),
        author: z.object({ name: z.string() }).nullable(),
        automatic: z.boolean(),
        clientMessageId: z
          .string()
          .nullable()
          .describe("The browser's id of a message this visitor sent from the widget"),
        channel: z
          .enum(['webchat', 'email', 'sms_twilio', 'whatsapp_twilio', 'whatsapp_cloud'])
          .nullable(),
        attachments: z.array(
          z.object({
            id: z.uuid(),
            fileName: z.string(),
            contentType: z.string(),
            url: z
              .string()
              .describe(
                'A link that works for an hour; fetch the conversation again for a new one',
              ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'WebchatConversation' });

export const pageUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('The page the visitor writes from; replies that follow them by email link back to it');
