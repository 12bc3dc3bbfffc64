import { z } from 'zod';

/**
 * Every job the system runs: name → payload schema and retry policy. The worker must
 * register a processor for each name, so a job without a handler does not compile.
 */
export const jobCatalog = {
  'inbound.process': {
    queue: 'inbound',
    payload: z.object({
      eventId: z.number().int().positive(),
      /** Inbox id + the provider's id for the event (Twilio MessageSid): the job id. */
      providerKey: z.string().min(1).max(300),
    }),
    // Keyed by the provider's id, not our row id: row ids restart with a new database while
    // finished jobs linger in a shared Redis, and must never swallow a new event.
    key: (payload: { providerKey: string }) => payload.providerKey,
    options: { attempts: 10, backoff: { type: 'exponential', delay: 500 } },
  },
  'outbound.send': {
    queue: 'outbound',
    payload: z.object({
      messageId: z.uuid(),
      /** Set by an attempt that reached the provider but could not record it. */
      sentAs: z
        .object({ providerMessageId: z.string(), status: z.literal('delivered').optional() })
        .optional(),
    }),
    key: (payload: { messageId: string }) => payload.messageId,
    // The delay is overridden from OUTBOUND_BACKOFF_MS when the queue is created.
    options: { attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
  },
  'attachment.fetch': {
    queue: 'media',
    payload: z.object({ attachmentId: z.uuid() }),
    key: (payload: { attachmentId: string }) => payload.attachmentId,
    options: { attempts: 6, backoff: { type: 'exponential', delay: 1000 } },
  },
  'templates.sync': {
    queue: 'maintenance',
    // One job per inbox per hour: a provider that keeps failing is asked again next hour,
    // not every time the sweeper runs.
    payload: z.object({ inboxId: z.uuid(), hour: z.number().int().nonnegative() }),
    key: (payload: { inboxId: string; hour: number }) => `${payload.inboxId}.${payload.hour}`,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  },
  'provider.mark_read': {
    queue: 'outbound',
    // The customer's latest message: WhatsApp marks it and every earlier one read.
    payload: z.object({ messageId: z.uuid() }),
    key: (payload: { messageId: string }) => payload.messageId,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
  },
  'transcript.send': {
    queue: 'outbound',
    payload: z.object({
      conversationId: z.uuid(),
      inboxId: z.uuid(),
      to: z.email(),
      // A web chat visitor asked: only what they may see goes in the mail.
      visitorId: z.string().max(64).optional(),
    }),
    key: null,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  },
  'maintenance.sweep': {
    queue: 'maintenance',
    payload: z.object({}),
    key: null,
    options: { attempts: 1 },
  },
  'automation.auto_reply': {
    queue: 'outbound',
    // `since`: when the conversation entered Waiting (ms); one auto-reply per waiting period.
    payload: z.object({
      workspaceId: z.uuid(),
      conversationId: z.uuid(),
      since: z.number().int().nonnegative(),
    }),
    key: (payload: { conversationId: string; since: number }) =>
      `${payload.conversationId}.${payload.since}`,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  },
  'assignment.run': {
    queue: 'assignment',
    payload: z.object({ workspaceId: z.uuid(), teamId: z.uuid() }),
    // No key: a request must never fold into a run that is already past its last look at the
    // queue. Runs are cheap when there is nothing to do (one read, no lock).
    key: null,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 200 } },
  },
  'presence.grace': {
    queue: 'maintenance',
    payload: z.object({ workspaceId: z.uuid(), userId: z.uuid() }),
    key: null,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
  },
  'webchat.visitor_gone': {
    queue: 'maintenance',
    // Runs when the visitor's grace period ends: abandoned in the queue, else marked away.
    // `leftAt`: when the visitor's last socket closed (ms). A later departure has its own job,
    // so an older one finding a newer departure does nothing.
    payload: z.object({
      workspaceId: z.uuid(),
      inboxId: z.uuid(),
      conversationId: z.uuid(),
      visitorId: z.string().regex(/^[0-9a-f]{32}$/),
      leftAt: z.number().int().nonnegative(),
    }),
    key: (payload: { conversationId: string; leftAt: number }) =>
      `${payload.conversationId}.${payload.leftAt}`,
    options: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
  },
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<K extends JobName> = z.infer<(typeof jobCatalog)[K]['payload']>;
export type QueueName = (typeof jobCatalog)[JobName]['queue'];
export const queueNames = [
  ...new Set(Object.values(jobCatalog).map((job) => job.queue)),
] as QueueName[];

/** BullMQ job ids may not contain ':'. */
export function jobIdFor(name: JobName, key: string): string {
  return `${name}.${key.replaceAll(':', '_')}`;
}
