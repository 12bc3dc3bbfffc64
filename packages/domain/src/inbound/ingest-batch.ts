import type { EventPayload, InboundMessageEvent } from '@switchboard/channels';
import type { IdentityKind, InboxKind } from '@switchboard/db';
import type { RealtimeEvent } from '@switchboard/queue';
import { sql } from 'drizzle-orm';
import type { Ctx, DomainDeps } from '../context';
import { conversationUpdated, messageCreated } from '../conversations/activity';
import { flush } from '../run';
import { quotedReference } from './continue-conversation';
import { countryOf, inboundPreview } from './ingest-message';
import { openForNewSenders, senderKey } from './open-for-new-senders';
import { idArray } from '../sql-array';
import { occurredAtSql } from './occurred-at';
import type { Normalizer } from './process-event';

type StoredEvent = {
  /** bigint: postgres.js hands it over as a string. */
  id: string;
  workspace_id: string;
  kind: 'message' | 'status';
  payload: EventPayload;
  received_at: string;
  inbox_id: string;
  inbox_kind: InboxKind;
  inbox_team: string | null;
};

/** A plain text message the batch may file; `ord` keeps arrival order. */
export interface Candidate {
  ord: number;
  event_id: string;
  ws: string;
  inbox: string;
  channel: InboxKind;
  /** The inbox's default team, where a new conversation starts. */
  team: string | null;
  identity_kind: IdentityKind;
  address: string;
  display_name: string | null;
  country: string | null;
  pmid: string;
  text: string;
  preview: string;
  metadata: Record<string, unknown>;
  provider_at: string | null;
  received_at: string;
}

type Filed = {
  event_id: string;
  message_id: string | null;
  conversation_id: string;
  workspace_id: string;
  team_id: string | null;
  assignee_id: string | null;
  version: number;
};

/**
 * Files a batch of stored inbound events in one transaction of a few set-based statements,
 * the bulk of a burst: every plain text message from a known, unblocked customer into their
 * live conversation of that inbox; then new customers' first messages, each opening a
 * conversation (see `openForNewSenders`), and their next ones. The rest (a closed
 * conversation, email, attachments, a quoted reference, web chat's first message, reactions,
 * delivery statuses…) is returned untouched for the per-event path, which holds every rule.
 * Effects and processed marks commit together, so an event is filed exactly once whichever
 * path takes it.
 */
export async function ingestInboundBatch(
  deps: DomainDeps,
  eventIds: number[],
  normalize: Normalizer,
): Promise<{ perEvent: number[] }> {
  const afterCommit: Ctx['afterCommit'] = { jobs: [], events: [] };
  const perEvent = await deps.db.transaction(async (tx) => {
    const stored = await tx.execute<StoredEvent>(sql`
      select e.id, e.workspace_id, e.kind, e.payload, e.received_at::text as received_at,
             i.id as inbox_id, i.kind as inbox_kind, i.default_team_id as inbox_team
      from inbound_events e join inboxes i on i.id = e.inbox_id
      where e.id = any(${idArray(eventIds, 'bigint')}) and e.processed_at is null
      order by e.id
      for update of e`);
    const candidates: Candidate[] = [];
    const rest: string[] = [];
    for (const event of stored) {
      const message = plainMessage(event, normalize);
      if (message) candidates.push(candidate(candidates.length, event, message));
      else rest.push(event.id);
    }
    const filedIds = new Set<string>();
    const fileLive = async (items: Candidate[]) => {
      if (items.length === 0) return;
      const filed = await fileIntoLiveConversations(tx, items);
      for (const row of filed) filedIds.add(row.event_id);
      afterCommit.events.push(...hints(filed));
    };
    const notFiled = () => candidates.filter((item) => !filedIds.has(item.event_id));

    await fileLive(candidates);
    // A sender filed above is known, and so is their number on the sibling channel.
    const known = new Set(candidates.filter((item) => filedIds.has(item.event_id)).map(senderKey));
    const opened = await openForNewSenders(
      tx,
      deps,
      notFiled().filter((item) => !known.has(senderKey(item))),
      afterCommit,
    );
    for (const id of opened.filed) filedIds.add(id);
    // A new customer's next messages of the same batch join the conversation just opened.
    await fileLive(notFiled().filter((item) => opened.senders.has(senderKey(item))));

    rest.push(...notFiled().map((item) => item.event_id));
    if (filedIds.size > 0)
      await tx.execute(sql`
        update inbound_events set processed_at = now(), attempts = attempts + 1
        where id = any(${idArray([...filedIds], 'bigint')})`);
    // In arrival order, as the per-event path should take them.
    return rest.map(Number).sort((a, b) => a - b);
  });
  await flush(deps, afterCommit);
  return { perEvent };
}

/** The event's one message, when it is plain text the batch can file; else null. */
function plainMessage(event: StoredEvent, normalize: Normalizer): InboundMessageEvent | null {
  if (event.kind !== 'message') return null;
  let items;
  try {
    items = normalize({ inboxKind: event.inbox_kind, eventKind: event.kind }, event.payload);
  } catch {
    // The per-event path records why it cannot be read.
    return null;
  }
  const [item] = items;
  if (items.length !== 1 || item?.type !== 'message') return null;
  if (item.email || item.attachments.length > 0) return null;
  // A quoted reference may move the message to another conversation.
  if (event.inbox_kind !== 'webchat' && quotedReference(item.text)) return null;
  return item;
}

function candidate(ord: number, event: StoredEvent, message: InboundMessageEvent): Candidate {
  return {
    ord,
    event_id: event.id,
    ws: event.workspace_id,
    inbox: event.inbox_id,
    channel: event.inbox_kind,
    team: event.inbox_team,
    identity_kind: message.from.kind,
    address: message.from.address,
    display_name: message.from.displayName ?? null,
    country: countryOf(message),
    pmid: message.providerMessageId,
    text: message.text,
    preview: inboundPreview(message),
    metadata: message.metadata,
    provider_at: message.occurredAt?.toISOString() ?? null,
    received_at: event.received_at,
  };
}

/**
 * One statement: finds each sender's live conversation (locked, in id order so concurrent
 * batches cannot deadlock), inserts the messages that are not there yet (a redelivered
 * webhook is skipped by the unique provider id) and touches each conversation once, as the
 * per-event path would after the same messages one by one.
 */
async function fileIntoLiveConversations(tx: Ctx['db'], candidates: Candidate[]): Promise<Filed[]> {
  const occurred = occurredAtSql(sql`provider_at`, sql`received_at`);
  return tx.execute<Filed>(sql`
    with t as (
      -- The same provider message twice in one batch: the later copy takes the per-event path.
      select distinct on (inbox, pmid) * from jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb) as t(
        ord int, event_id bigint, ws uuid, inbox uuid, channel inbox_kind, identity_kind identity_kind,
        address text, pmid text, text text, preview text, metadata jsonb,
        provider_at timestamptz, received_at timestamptz)
      order by inbox, pmid, ord),
    target as (
      select t.*, ci.contact_id, c.id as conversation_id
      from t
      join contact_identities ci
        on ci.workspace_id = t.ws and ci.kind = t.identity_kind and ci.address = t.address
      join contacts ct on ct.id = ci.contact_id and ct.workspace_id = t.ws and not ct.blocked
      -- The contact is of this workspace, and so are its conversations. Matching them by
      -- workspace too would let the planner walk the workspace's conversations instead.
      join conversations c
        on c.contact_id = ci.contact_id and c.inbox_id = t.inbox and c.status <> 'closed'
      order by c.id
      for update of c),
    inserted as (
      insert into messages (workspace_id, conversation_id, inbox_id, channel, direction, kind,
        author_contact_id, text, provider_message_id, status, metadata, occurred_at)
      select ws, conversation_id, inbox, channel, 'inbound', 'message', contact_id, text, pmid,
        'received', metadata, ${occurred}
      from target order by ord
      on conflict (inbox_id, provider_message_id) where provider_message_id is not null
      do nothing
      returning id, conversation_id, inbox_id, provider_message_id, occurred_at, seq),
    per_conversation as (
      select i.conversation_id, max(i.occurred_at) as last_at, min(i.occurred_at) as first_at,
        count(*)::int as n, (array_agg(target.preview order by i.seq desc))[1] as preview
      from inserted i
      join target on target.inbox = i.inbox_id and target.pmid = i.provider_message_id
      group by i.conversation_id),
    touched as (
      update conversations c set
        last_message_preview = p.preview,
        last_message_at = greatest(c.last_message_at, p.last_at),
        last_inbound_at = greatest(c.last_inbound_at, p.last_at),
        unanswered_since = coalesce(c.unanswered_since, least(p.first_at, now())),
        unread_count = c.unread_count + p.n,
        phase = case when c.phase = 'needs_help' then c.phase
                else 'in_progress'::conversation_phase end,
        snoozed_until = null,
        version = c.version + 1,
        updated_at = now()
      from per_conversation p
      where c.id = p.conversation_id
      returning c.id, c.workspace_id, c.team_id, c.assignee_id, c.version)
    select target.event_id, i.id as message_id, target.conversation_id,
      coalesce(touched.workspace_id, target.ws) as workspace_id, touched.team_id,
      touched.assignee_id, touched.version
    from target
    left join inserted i on i.inbox_id = target.inbox and i.provider_message_id = target.pmid
    left join touched on touched.id = target.conversation_id
    order by target.ord`);
}

/** A new line in each thread, and each conversation changed once. */
function hints(filed: Filed[]): RealtimeEvent[] {
  const events: RealtimeEvent[] = [];
  const conversations = new Map<string, RealtimeEvent>();
  for (const row of filed) {
    if (!row.message_id || row.version === null) continue;
    const conversation = {
      id: row.conversation_id,
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      version: row.version,
    };
    const scope = { workspaceId: row.workspace_id };
    events.push(messageCreated(scope, conversation, row.message_id));
    conversations.set(row.conversation_id, conversationUpdated(scope, conversation));
  }
  return [...events, ...conversations.values()];
}
