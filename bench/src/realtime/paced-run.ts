import type postgres from 'postgres';
import { drive } from '../ingest/drive';
import { planMessages } from '../ingest/plan';
import { allEventsProcessed } from '../lib/settled';
import { percentile } from '../lib/stats';
import type { TwilioInbox, TwilioWebhookClient } from '../lib/twilio-client';

export interface PacedResult {
  offeredPerSecond: number;
  ackMs: number[];
  /** Webhook sent → hint received, one per agent socket and message. */
  latencies: number[];
  /** Hints that never reached a socket that should have heard them. */
  missing: number;
}

/**
 * Sends `rate` webhooks a second for `seconds` and matches every new-message hint the agents'
 * sockets heard (`heard`: message id → arrival times) to the moment its webhook was sent.
 */
export async function pacedRun(options: {
  client: TwilioWebhookClient;
  inbox: TwilioInbox;
  sql: postgres.Sql;
  heard: Map<string, number[]>;
  agents: number;
  rate: number;
  seconds: number;
  customerOffset: number;
  targets?: string[];
}): Promise<PacedResult> {
  const { client, inbox, sql, heard, agents, rate, seconds } = options;
  const plan = planMessages(rate * seconds, 4, options.customerOffset);
  const sentAt = new Map<string, number>();
  const run = await drive(client, inbox, plan, {
    clients: 64,
    ratePerSecond: rate,
    targets: options.targets,
    onSend: (message, at) => sentAt.set(message.sid, at),
  });
  await allEventsProcessed(sql);
  // The last hints go out after the last transactions commit, and a busy api may still be
  // sending them: wait until the sockets have heard nothing new for 2 s (at most a minute).
  await quiet(heard, 2000, 60_000);
  const rows = await sql<{ id: string; sid: string }[]>`select id, provider_message_id as sid
    from messages where provider_message_id = any(${[...sentAt.keys()]})`;
  const latencies: number[] = [];
  let missing = 0;
  for (const row of rows) {
    const times = heard.get(row.id) ?? [];
    missing += agents - times.length;
    for (const at of times) latencies.push(at - sentAt.get(row.sid)!);
  }
  return {
    offeredPerSecond: plan.length / ((run.finishedAt - run.startedAt) / 1000),
    ackMs: run.ackMs,
    latencies,
    missing,
  };
}

/** A percentile rounded to 0.1 ms. */
export const p = (values: number[], rank: number) => Number(percentile(values, rank).toFixed(1));

/** Resolves once no socket has heard a new hint for `quietMs`, or after `maxMs`. */
async function quiet(heard: Map<string, number[]>, quietMs: number, maxMs: number) {
  const total = () => [...heard.values()].reduce((sum, times) => sum + times.length, 0);
  const started = Date.now();
  let last = total();
  let lastChange = Date.now();
  while (Date.now() - lastChange < quietMs && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = total();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
  }
}
