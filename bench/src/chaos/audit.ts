import type { MessageResource } from '@switchboard/sandbox';
import type postgres from 'postgres';
import type { ReplyRecord } from './agents';
import type { InboundRecord } from './stream';

/** What is still in motion: nothing, once the chaos has settled. */
export interface Backlog {
  /** Customer messages stored but not processed yet. */
  inboundPending: number;
  /** Replies waiting to be sent. */
  outboundQueued: number;
  /** Status callbacks stored but not applied (e.g. for a copy we never recorded). */
  statusPending: number;
}

export async function backlog(sql: postgres.Sql, inboxId: string): Promise<Backlog> {
  const [row] = await sql<Array<{ inbound: number; outbound: number; status: number }>>`
    select
      (select count(*)::int from inbound_events
        where inbox_id = ${inboxId} and kind = 'message' and processed_at is null) as inbound,
      (select count(*)::int from messages
        where inbox_id = ${inboxId} and direction = 'outbound' and status = 'queued') as outbound,
      (select count(*)::int from inbound_events
        where inbox_id = ${inboxId} and kind = 'status' and processed_at is null) as status`;
  return {
    inboundPending: row?.inbound ?? 0,
    outboundQueued: row?.outbound ?? 0,
    statusPending: row?.status ?? 0,
  };
}

export interface InboundCounts {
  sent: number;
  accepted: number;
  /** Accepted and stored as exactly one message. */
  storedOnce: number;
  /** Accepted but no message: the loss the design promises never happens. */
  lost: number;
  /** More than one message for one provider message (by its sid or its unique text). */
  duplicated: number;
  /** Refused (no 200 after every retry) but stored anyway: harmless, the provider's copy is the same. */
  storedWithoutAck: number;
  lostSids: string[];
  duplicatedSids: string[];
}

/** Compares what the provider had acknowledged with the messages Postgres holds. */
export async function auditInbound(
  sql: postgres.Sql,
  inboxId: string,
  records: InboundRecord[],
): Promise<InboundCounts> {
  const rows = await sql<Array<{ sid: string | null; text: string | null }>>`
    select provider_message_id as sid, text from messages
    where inbox_id = ${inboxId} and direction = 'inbound'`;
  const bySid = new Map<string, number>();
  const byText = new Map<string, number>();
  for (const row of rows) {
    if (row.sid) bySid.set(row.sid, (bySid.get(row.sid) ?? 0) + 1);
    if (row.text) byText.set(row.text, (byText.get(row.text) ?? 0) + 1);
  }
  const counts: InboundCounts = {
    sent: records.length,
    accepted: 0,
    storedOnce: 0,
    lost: 0,
    duplicated: 0,
    storedWithoutAck: 0,
    lostSids: [],
    duplicatedSids: [],
  };
  for (const record of records) {
    const copies = Math.max(bySid.get(record.sid) ?? 0, byText.get(record.body) ?? 0);
    if (copies > 1) {
      counts.duplicated++;
      counts.duplicatedSids.push(record.sid);
    }
    if (!record.accepted) {
      if (copies > 0) counts.storedWithoutAck++;
      continue;
    }
    counts.accepted++;
    if (copies === 0) {
      counts.lost++;
      counts.lostSids.push(record.sid);
    } else if (copies === 1) counts.storedOnce++;
  }
  return counts;
}

export interface ReplyCounts {
  attempted: number;
  /** The api answered 201: the agent saw the reply go in. */
  accepted: number;
  /** Stored as a reply (accepted, or committed though the answer was lost). */
  stored: number;
  sentOnce: number;
  sentTwice: number;
  /** Marked failed, with a reason the agent sees, and never reached the customer. */
  visiblyFailed: number;
  /** Marked failed although the customer got it: the agent is misled. */
  failedButSent: number;
  /** Still queued, marked sent without the provider having it, or accepted but not stored. */
  stuck: number;
  details: string[];
}

const SENT_STATUSES = new Set(['sent', 'delivered', 'read']);

/** Compares every reply the agents wrote with the copies the provider created. */
export async function auditReplies(
  sql: postgres.Sql,
  inboxId: string,
  records: ReplyRecord[],
  providerMessages: MessageResource[],
): Promise<ReplyCounts> {
  const rows = await sql<Array<{ id: string; text: string; status: string; error: string | null }>>`
    select id, text, status, error_code as error from messages
    where inbox_id = ${inboxId} and direction = 'outbound' and author_user_id is not null`;
  const stored = new Map(rows.map((row) => [row.text, row]));
  const copies = new Map<string, number>();
  for (const message of providerMessages)
    copies.set(message.body, (copies.get(message.body) ?? 0) + 1);
  const counts: ReplyCounts = {
    attempted: records.length,
    accepted: records.filter((record) => record.accepted).length,
    stored: 0,
    sentOnce: 0,
    sentTwice: 0,
    visiblyFailed: 0,
    failedButSent: 0,
    stuck: 0,
    details: [],
  };
  for (const record of records) {
    const row = stored.get(record.text);
    const sent = copies.get(record.text) ?? 0;
    if (!row) {
      if (record.accepted || sent > 0) {
        counts.stuck++;
        counts.details.push(`${record.text}: answered ${record.status}, not stored, sent ${sent}×`);
      }
      continue;
    }
    counts.stored++;
    if (sent > 1) {
      counts.sentTwice++;
      counts.details.push(`${record.text} (${row.id}): sent ${sent}×, status ${row.status}`);
    } else if (row.status === 'failed') {
      if (sent === 0) counts.visiblyFailed++;
      else {
        counts.failedButSent++;
        counts.details.push(`${record.text} (${row.id}): failed (${row.error}) but sent`);
      }
    } else if (sent === 1 && SENT_STATUSES.has(row.status)) counts.sentOnce++;
    else {
      counts.stuck++;
      counts.details.push(`${record.text} (${row.id}): status ${row.status}, sent ${sent}×`);
    }
  }
  return counts;
}
