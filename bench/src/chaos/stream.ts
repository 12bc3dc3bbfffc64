import { sleep } from './engines';
import {
  incomingSmsFields,
  newMessageSid,
  TwilioWebhookClient,
  type TwilioInbox,
} from '../lib/twilio-client';

/** One customer message as the provider saw it: accepted once it got a 200. */
export interface InboundRecord {
  sid: string;
  from: string;
  body: string;
  attempts: number;
  accepted: boolean;
  /** The last status code (0: the connection failed). */
  lastStatus: number;
  /** How long the accepted attempt waited for its 200. */
  ackMs: number;
}

/** Pauses before the provider sends a refused webhook again, as Twilio's retries would. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

/**
 * Streams `count` signed SMS webhooks at a steady rate from `customers`, each with a unique
 * sid and text. A webhook that was not answered 200 is sent again, same sid, a few times.
 */
export async function streamInbound(options: {
  publicUrl: string;
  inbox: TwilioInbox;
  customers: string[];
  count: number;
  durationMs: number;
  tag: string;
  /** Called once per message when its fate is decided. */
  onSettled?: (record: InboundRecord) => void;
}): Promise<InboundRecord[]> {
  const client = new TwilioWebhookClient(options.publicUrl, 64);
  const records: InboundRecord[] = [];
  const inFlight: Promise<void>[] = [];
  const startedAt = Date.now();
  try {
    for (let index = 0; index < options.count; index++) {
      const due = startedAt + (index * options.durationMs) / options.count;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const record: InboundRecord = {
        sid: newMessageSid(),
        from: options.customers[index % options.customers.length]!,
        body: `Customer message ${index} ${options.tag}`,
        attempts: 0,
        accepted: false,
        lastStatus: 0,
        ackMs: 0,
      };
      records.push(record);
      inFlight.push(deliver(client, options.inbox, record).then(() => options.onSettled?.(record)));
    }
    await Promise.all(inFlight);
  } finally {
    client.close();
  }
  return records;
}

async function deliver(client: TwilioWebhookClient, inbox: TwilioInbox, record: InboundRecord) {
  const fields = incomingSmsFields(inbox, record.from, record.body, record.sid);
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await sleep(RETRY_DELAYS_MS[attempt - 1]!);
    record.attempts++;
    const sentAt = performance.now();
    record.lastStatus = await client.post(inbox, fields);
    record.ackMs = performance.now() - sentAt;
    if (record.lastStatus === 200) {
      record.accepted = true;
      return;
    }
  }
}
