import { performance } from 'node:perf_hooks';
import type { PlannedMessage } from './plan';
import {
  incomingSmsFields,
  type TwilioInbox,
  type TwilioWebhookClient,
} from '../lib/twilio-client';

export interface DriveResult {
  ackMs: number[];
  /** Responses other than 200, by status (0: the connection failed). */
  refused: Record<number, number>;
  startedAt: number;
  finishedAt: number;
}

/**
 * Posts every planned message from `clients` concurrent senders, each waiting for its ack
 * before the next, and times each ack. `ratePerSecond` paces the start of each request.
 */
export async function drive(
  client: TwilioWebhookClient,
  inbox: TwilioInbox,
  plan: PlannedMessage[],
  options: {
    clients: number;
    ratePerSecond?: number;
    onSend?: (message: PlannedMessage, at: number) => void;
    /** api instances to spread the webhooks over, in turn, as a load balancer would. */
    targets?: string[];
  },
): Promise<DriveResult> {
  const ackMs: number[] = [];
  const refused: Record<number, number> = {};
  let next = 0;
  const startedAt = performance.now();
  const sender = async () => {
    for (let index = next++; index < plan.length; index = next++) {
      const message = plan[index]!;
      if (options.ratePerSecond) {
        const due = startedAt + (index * 1000) / options.ratePerSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const fields = incomingSmsFields(inbox, message.from, message.body, message.sid);
      const sent = performance.now();
      options.onSend?.(message, sent);
      const target = options.targets?.[index % options.targets.length];
      const status = await client.post(inbox, fields, target);
      if (status === 200) ackMs.push(performance.now() - sent);
      else refused[status] = (refused[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, sender));
  return { ackMs, refused, startedAt, finishedAt: performance.now() };
}
