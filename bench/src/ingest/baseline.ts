import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { backendsOf, CpuAccount } from '../lib/cpu';
import type { PlannedMessage } from './plan';

export interface BaselineTarget {
  databaseUrl: string;
  workspaceId: string;
  inboxId: string;
  teamId: string;
}

/**
 * The floor to compare against: the same rows written straight to Postgres with postgres.js,
 * one transaction per message (contact upsert, conversation find-or-create, message insert,
 * conversation touch), with the same per-customer lock that keeps a new customer to one
 * conversation, and no queue, webhook, routing or realtime. Returns messages per second and
 * the CPU each message cost.
 */
export async function runBaseline(
  target: BaselineTarget,
  plan: PlannedMessage[],
  connections: number,
): Promise<{ perSecond: number; cpuMsPerMessage: Record<string, number> }> {
  const sql = postgres(target.databaseUrl, { max: connections, onnotice: () => {} });
  const { workspaceId, inboxId, teamId } = target;
  let next = 0;
  const writer = async () => {
    for (let index = next++; index < plan.length; index = next++) {
      const message = plan[index]!;
      await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtextextended(${`${workspaceId}:phone:${message.from}`}, 0))`;
        let [identity] = await tx<
          { contact_id: string }[]
        >`select contact_id from contact_identities
          where workspace_id = ${workspaceId} and kind = 'phone' and address = ${message.from}`;
        if (!identity) {
          const [contact] = await tx<
            { id: string }[]
          >`insert into contacts (workspace_id) values (${workspaceId}) returning id`;
          await tx`insert into contact_identities (workspace_id, contact_id, kind, address)
            values (${workspaceId}, ${contact!.id}, 'phone', ${message.from})`;
          identity = { contact_id: contact!.id };
        }
        const contactId = identity.contact_id;
        let [conversation] = await tx<{ id: string }[]>`select id from conversations
          where contact_id = ${contactId} and inbox_id = ${inboxId} and status <> 'closed'`;
        if (!conversation) {
          const reference = `SB-${randomBytes(4).toString('hex').toUpperCase()}`;
          [conversation] = await tx<{ id: string }[]>`insert into conversations
            (workspace_id, inbox_id, contact_id, reference, team_id, waiting_since, queued_at)
            values (${workspaceId}, ${inboxId}, ${contactId}, ${reference}, ${teamId}, now(), now())
            returning id`;
        }
        await tx`insert into messages (workspace_id, conversation_id, inbox_id, channel, direction,
            author_contact_id, text, provider_message_id, status)
          values (${workspaceId}, ${conversation!.id}, ${inboxId}, 'sms_twilio', 'inbound',
            ${contactId}, ${message.body}, ${message.sid}, 'received')`;
        await tx`update conversations set last_message_preview = ${message.body},
            last_message_at = now(), last_inbound_at = now(), unread_count = unread_count + 1,
            version = version + 1, updated_at = now()
          where id = ${conversation!.id}`;
      });
    }
  };
  // Every connection open before the clock starts, so their CPU is accounted from zero.
  await Promise.all(Array.from({ length: connections }, () => sql`select 1`));
  const cpu = new CpuAccount({ postgres: await backendsOf(sql), 'load generator': [process.pid] });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, writer));
  const seconds = (performance.now() - started) / 1000;
  const used = cpu.used({ postgres: await backendsOf(sql) });
  await sql.end({ timeout: 5 });
  return {
    perSecond: plan.length / seconds,
    cpuMsPerMessage: Object.fromEntries(
      Object.entries(used).map(([role, seconds]) => [role, (seconds * 1000) / plan.length]),
    ),
  };
}
