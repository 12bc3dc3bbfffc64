import { schema } from '@switchboard/db';
import { and, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Ctx, DomainDeps } from '../context';
import { conversationUpdated, messageCreated } from '../conversations/activity';
import type { ConversationRecord } from '../conversations/load';
import { newReference } from '../conversations/reference';
import { requestAssignment } from '../assignment/index';
import { autoReplyJob, teamsWithAutoReply } from '../automation/auto-reply';
import { applyRoutingRules, enabledRoutingRules } from '../routing/evaluate';
import { teamIsAttending } from '../teams/attending';
import { idArray } from '../sql-array';
import type { Candidate } from './ingest-batch';
import { senderLockKey, siblingKind } from './ingest-message';
import { occurredAtSql } from './occurred-at';

type Opened = { event_id: string; conversation_id: string; line_id: string; message_id: string };
type Entered = { item: Candidate; conversation: ConversationRecord };

/**
 * New customers' first messages, the other half of a burst: for each sender we have never seen
 * (no identity of theirs, nor the same number on the sibling channel) one statement creates the
 * contact, the identity, the waiting conversation, its "opened" line and the message. Then, as
 * the per-event path would: the routing rules, the offline mark, one assignment request per team
 * and the automatic-reply job where the team has one. Web chat, whose visitors pick a team and
 * leave offline messages, keeps the per-event path. Answers the events filed and their senders.
 */
export async function openForNewSenders(
  tx: Ctx['db'],
  deps: DomainDeps,
  candidates: Candidate[],
  afterCommit: Ctx['afterCommit'],
): Promise<{ filed: Set<string>; senders: Set<string> }> {
  const firsts = firstOfEachSender(candidates.filter((item) => item.channel !== 'webchat'));
  if (firsts.length === 0) return { filed: new Set(), senders: new Set() };
  // The per-event path's locks, but never waited for: a sender whose lock is held (another
  // worker is filing their message) is left to the per-event path, so a batch holding
  // conversations' locks never waits for one, and two batches never wait for each other here.
  const locked = await tx.execute<{ key: string }>(sql`
    select key from jsonb_array_elements_text(${JSON.stringify(firsts.map(senderKey))}::jsonb) as key
    where pg_try_advisory_xact_lock(hashtextextended(key, 0))`);
  const ours = new Set(locked.map((row) => row.key));
  const lockedFirsts = firsts.filter((item) => ours.has(senderKey(item)));
  if (lockedFirsts.length === 0) return { filed: new Set(), senders: new Set() };
  const fresh = await unknownSenders(tx, lockedFirsts);
  if (fresh.length === 0) return { filed: new Set(), senders: new Set() };

  const opened = await createConversations(tx, fresh);
  const c = schema.conversations;
  const ids = idArray(
    opened.map((row) => row.conversation_id),
    'uuid',
  );
  const workspaceIds = idArray([...new Set(fresh.map((item) => item.ws))], 'uuid');
  const conversations = await tx
    .select()
    .from(c)
    .where(and(sql`${c.id} = any(${ids})`, sql`${c.workspaceId} = any(${workspaceIds})`));
  const byId = new Map(conversations.map((row) => [row.id, row]));
  const byEvent = new Map(fresh.map((item) => [item.event_id, item]));
  const workspaces = new Map<string, Entered[]>();
  for (const row of opened) {
    const item = byEvent.get(row.event_id)!;
    const conversation = byId.get(row.conversation_id)!;
    // The thread's two new lines: the "opened" activity, then the customer's message.
    for (const lineId of [row.line_id, row.message_id])
      afterCommit.events.push(messageCreated({ workspaceId: item.ws }, conversation, lineId));
    const entered = workspaces.get(item.ws) ?? [];
    entered.push({ item, conversation });
    workspaces.set(item.ws, entered);
  }
  for (const [workspaceId, entered] of workspaces) {
    const ctx: Ctx = { db: tx, workspaceId, actor: { type: 'webhook' }, deps, afterCommit };
    await settleEntered(ctx, entered);
  }
  return {
    filed: new Set(opened.map((row) => row.event_id)),
    senders: new Set(opened.map((row) => senderKey(byEvent.get(row.event_id)!))),
  };
}

export const senderKey = (item: Candidate) =>
  senderLockKey(item.ws, { kind: item.identity_kind, address: item.address });

function firstOfEachSender(candidates: Candidate[]): Candidate[] {
  const firsts = new Map<string, Candidate>();
  for (const item of candidates)
    if (!firsts.has(senderKey(item))) firsts.set(senderKey(item), item);
  return [...firsts.values()];
}

/** Senders with no identity yet, nor on the sibling channel, whose message is not stored yet. */
async function unknownSenders(tx: Ctx['db'], firsts: Candidate[]): Promise<Candidate[]> {
  const rows = firsts.map((item) => ({
    event_id: item.event_id,
    ws: item.ws,
    inbox: item.inbox,
    kind: item.identity_kind,
    sibling: siblingKind(item.identity_kind),
    address: item.address,
    pmid: item.pmid,
  }));
  const unknown = await tx.execute<{ event_id: string }>(sql`
    select t.event_id::text from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(
      event_id bigint, ws uuid, inbox uuid, kind identity_kind, sibling identity_kind,
      address text, pmid text)
    where not exists (select 1 from contact_identities ci where ci.workspace_id = t.ws
        and ci.kind in (t.kind, t.sibling) and ci.address = t.address)
      and not exists (select 1 from messages m where m.inbox_id = t.inbox
        and m.provider_message_id = t.pmid)`);
  const ids = new Set(unknown.map((row) => row.event_id));
  return firsts.filter((item) => ids.has(item.event_id));
}

/**
 * One statement for every new sender: contact, identity, conversation, and the thread's first
 * two lines in order. A conversation whose random reference is taken already is skipped with
 * its lines; that sender's message then finds their new contact on the per-event path.
 */
async function createConversations(tx: Ctx['db'], fresh: Candidate[]): Promise<Opened[]> {
  const rows = fresh.map((item) => ({
    ...item,
    contact_id: randomUUID(),
    conversation_id: randomUUID(),
    reference: newReference(),
  }));
  const occurred = occurredAtSql(sql`provider_at`, sql`received_at`);
  const opener = { type: 'opened', actorId: null, actorName: null, actorType: 'webhook' };
  return tx.execute<Opened>(sql`
    with t as (
      select *, ${occurred} as occurred
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(
        ord int, event_id bigint, ws uuid, inbox uuid, channel inbox_kind, team uuid,
        contact_id uuid, conversation_id uuid, reference text, identity_kind identity_kind,
        address text, display_name text, country text, pmid text, text text, preview text,
        metadata jsonb, provider_at timestamptz, received_at timestamptz)),
    contacts_in as (
      insert into contacts (id, workspace_id, name, country)
      select contact_id, ws, display_name, country from t),
    identities_in as (
      insert into contact_identities (workspace_id, contact_id, kind, address, display_name)
      select ws, contact_id, identity_kind, address, display_name from t),
    -- As the per-event path leaves it: opened (version 1), then the message (version 2).
    conversations_in as (
      insert into conversations (id, workspace_id, inbox_id, contact_id, reference, team_id,
        status, queued_at, waiting_since, last_message_preview, last_message_at,
        last_inbound_at, unanswered_since, unread_count, version)
      select conversation_id, ws, inbox, contact_id, reference, team, 'waiting', now(), now(),
        preview, greatest(now(), occurred), occurred, least(occurred, now()), 1, 2
      from t
      on conflict (workspace_id, reference) do nothing
      returning id),
    lines as (
      insert into messages (workspace_id, conversation_id, inbox_id, channel, direction, kind,
        author_contact_id, text, provider_message_id, status, metadata, activity, occurred_at)
      select ws, conversation_id, inbox, channel, direction, kind, author, text, pmid,
        'received', metadata, activity, occurred
      from (
        select t.ord, 0 as line, t.ws, t.conversation_id, t.inbox, null::inbox_kind as channel,
          'internal'::message_direction as direction, 'activity'::message_kind as kind,
          null::uuid as author, ''::text as text, null::text as pmid, '{}'::jsonb as metadata,
          ${JSON.stringify(opener)}::jsonb as activity, t.occurred
        from t join conversations_in c on c.id = t.conversation_id
        union all
        select t.ord, 1, t.ws, t.conversation_id, t.inbox, t.channel, 'inbound', 'message',
          t.contact_id, t.text, t.pmid, t.metadata, null, t.occurred
        from t join conversations_in c on c.id = t.conversation_id) both_lines
      order by ord, line
      returning id, conversation_id, kind)
    select t.event_id::text, t.conversation_id,
      l.id as line_id, m.id as message_id
    from t
    join lines l on l.conversation_id = t.conversation_id and l.kind = 'activity'
    join lines m on m.conversation_id = t.conversation_id and m.kind = 'message'
    order by t.ord`);
}

/**
 * What follows a customer opening a conversation, for one workspace's new conversations: its
 * routing rules, the offline mark where nobody attends the team, assignment, automatic replies.
 */
async function settleEntered(ctx: Ctx, entered: Entered[]): Promise<void> {
  const rules = await enabledRoutingRules(ctx);
  const current: ConversationRecord[] = [];
  for (const { item, conversation } of entered)
    current.push(
      rules.length
        ? await applyRoutingRules(
            ctx,
            conversation,
            {
              text: item.text,
              channel: item.channel,
              contact: { country: item.country, language: null },
            },
            rules,
          )
        : conversation,
    );

  const teams = [...new Set(current.map((conversation) => conversation.teamId))];
  const unattended = new Set<string | null>();
  for (const teamId of teams) if (!(await teamIsAttending(ctx, teamId))) unattended.add(teamId);
  const offline = current.filter((conversation) => unattended.has(conversation.teamId));
  if (offline.length > 0)
    await ctx.db.execute(sql`update conversations set received_offline = true
      where id = any(${idArray(
        offline.map((conversation) => conversation.id),
        'uuid',
      )}) and workspace_id = ${ctx.workspaceId}`);

  const autoReplying = await teamsWithAutoReply(ctx, teams);
  for (const conversation of current) {
    ctx.afterCommit.events.push(conversationUpdated(ctx, conversation));
    if (conversation.status !== 'waiting') continue;
    requestAssignment(ctx, conversation.teamId);
    if (conversation.teamId && autoReplying.has(conversation.teamId))
      ctx.afterCommit.jobs.push(autoReplyJob(ctx, conversation));
  }
}
