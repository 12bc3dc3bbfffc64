import { schema, type IdentityKind, type MessageDirection } from '@switchboard/db';
import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { isStaff, type Ctx } from '../context';
import { Invalid } from '../errors';
import {
  presentConversations,
  selectConversations,
  type ConversationView,
} from '../conversations/present';
import { visibleTo } from '../conversations/visibility';
import { candidateConversations, inCandidateConversations } from './candidates';
import { recentWindow } from './recent-window';

const m = schema.messages;
const c = schema.conversations;
const ct = schema.contacts;
const ci = schema.contactIdentities;

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;
const GROUP_LIMIT = 20;

export interface MessageHit {
  conversationId: string;
  messageId: string;
  reference: string;
  contactName: string | null;
  kind: 'message' | 'note';
  direction: MessageDirection;
  /** Plain text around the match; `highlights` are [start, end) offsets of matched words in it. */
  snippet: string;
  highlights: Array<[number, number]>;
  occurredAt: string;
}

export interface ContactHit {
  id: string;
  name: string | null;
  identities: Array<{ kind: IdentityKind; address: string; displayName: string | null }>;
}

export interface SearchResult {
  messages: MessageHit[];
  contacts: ContactHit[];
  conversations: ConversationView[];
}

/**
 * One search box over messages (full text, Spanish and English stemming), contacts (name or
 * any fragment of a phone number or address) and conversation references. Every group holds
 * only what the actor may see, newest first.
 */
export async function searchWorkspace({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { q: string };
}): Promise<SearchResult> {
  const q = input.q.trim();
  if (q.length < SEARCH_MIN_LENGTH || q.length > SEARCH_MAX_LENGTH)
    throw Invalid(
      'invalid_query',
      `Search for ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters.`,
    );
  const [messages, contacts, conversations] = [
    await searchMessages(ctx, q),
    await searchContacts(ctx, q),
    await searchConversations(ctx, q),
  ];
  return { messages, contacts, conversations };
}

// Control characters, removed from the text before marking, so a match can't be forged.
const START = '\u0002';
const STOP = '\u0003';
const MARKS = new RegExp(`(${START}|${STOP})`);
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

async function searchMessages(ctx: Ctx, q: string): Promise<MessageHit[]> {
  // For this transaction only. With the default work_mem the bitmap of a common word's
  // matches turns lossy, and every message on a lossy page has its text parsed again; and
  // JIT compiling these large plans costs more than it saves.
  await ctx.db.execute(
    sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`,
  );
  const window = await recentWindow(ctx);
  if (window) {
    const recent = await matchingMessages(ctx, q, { recent: window });
    if (recent.length === GROUP_LIMIT) return recent;
  }
  return matchingMessages(ctx, q, {
    everywhere: await inCandidateConversations(ctx.db, ctx.actor, ctx.workspaceId),
  });
}

/**
 * Matches newest first: within a `recent` window (read newest first along
 * messages_recent_idx or the window's conversations), or else `everywhere` through the
 * full-text indexes, narrowed by its condition when it has one.
 */
async function matchingMessages(
  ctx: Ctx,
  q: string,
  scope: { recent: SQL } | { everywhere: SQL | undefined },
): Promise<MessageHit[]> {
  const window = 'recent' in scope ? scope.recent : undefined;
  // The literal configs match the GIN indexes on to_tsvector('spanish'|'english', text).
  const spanish = sql`websearch_to_tsquery('spanish', ${q})`;
  const english = sql`websearch_to_tsquery('english', ${q})`;
  const inSpanish = sql`to_tsvector('spanish', ${m.text}) @@ ${spanish}`;
  const inEnglish = sql`to_tsvector('english', ${m.text}) @@ ${english}`;
  const plain = sql`translate(${m.text}, chr(2) || chr(3), '')`;
  const rows = await ctx.db
    .select({
      conversationId: m.conversationId,
      messageId: m.id,
      reference: c.reference,
      contactName: ct.name,
      kind: m.kind,
      direction: m.direction,
      headline: sql<string>`case when ${inSpanish}
        then ts_headline('spanish', ${plain}, ${spanish}, ${HEADLINE_OPTIONS})
        else ts_headline('english', ${plain}, ${english}, ${HEADLINE_OPTIONS}) end`,
      occurredAt: m.occurredAt,
    })
    .from(m)
    .innerJoin(c, eq(c.id, m.conversationId))
    .innerJoin(ct, eq(ct.id, c.contactId))
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(c.workspaceId, ctx.workspaceId),
        // Notes are for colleagues, so they are searchable; activity lines are not content.
        inArray(m.kind, ['message', 'note']),
        sql`(${inSpanish} or ${inEnglish})`,
        'recent' in scope ? scope.recent : scope.everywhere,
        visibleTo(ctx.actor),
      ),
    )
    // Outside a window, `nulls last` (the columns are never null) keeps the planner from
    // walking every message back in time in search of a rare word's matches: it takes them
    // all from the full-text indexes and sorts those few.
    .orderBy(
      ...(window
        ? [desc(m.occurredAt), desc(m.seq)]
        : [sql`${m.occurredAt} desc nulls last`, sql`${m.seq} desc nulls last`]),
    )
    .limit(GROUP_LIMIT);
  return rows.map((row) => ({
    conversationId: row.conversationId,
    messageId: row.messageId,
    reference: row.reference,
    contactName: row.contactName,
    kind: row.kind === 'note' ? 'note' : 'message',
    direction: row.direction,
    ...highlighted(row.headline),
    occurredAt: row.occurredAt.toISOString(),
  }));
}

/** Turns ts_headline's marked text into one line of plain text and highlight ranges. */
function highlighted(headline: string): Pick<MessageHit, 'snippet' | 'highlights'> {
  let snippet = '';
  const highlights: Array<[number, number]> = [];
  let start = -1;
  for (const part of headline.replace(/\s+/g, ' ').trim().split(MARKS)) {
    if (part === START) start = snippet.length;
    else if (part === STOP) {
      if (start >= 0 && snippet.length > start) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += part;
  }
  return { snippet, highlights };
}

const likePattern = (fragment: string) => `%${fragment.replace(/[\\%_]/g, '\\$&')}%`;

async function searchContacts(ctx: Ctx, q: string): Promise<ContactHit[]> {
  const pattern = likePattern(q);
  // "(500) 555-0042" or "5550042" should find +15005550042: compare digits with digits.
  const digits = /^[\d\s().+-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const addressMatch =
    digits.length >= 3 && digits !== q
      ? sql`(${ci.address} ilike ${pattern} or ${ci.address} ilike ${likePattern(digits)})`
      : sql`${ci.address} ilike ${pattern}`;
  // A union of two index-served lookups (trigram indexes on name and address).
  const matching = sql`(
    select ${ct.id} from ${ct} where ${ct.workspaceId} = ${ctx.workspaceId} and ${ct.name} ilike ${pattern}
    union
    select ${ci.contactId} from ${ci} where ${ci.workspaceId} = ${ctx.workspaceId} and ${addressMatch}
  )`;
  const rows = await ctx.db
    .select({ id: ct.id, name: ct.name })
    .from(ct)
    .where(
      and(
        eq(ct.workspaceId, ctx.workspaceId),
        isNull(ct.mergedIntoId),
        sql`${ct.id} in ${matching}`,
        contactOfCandidates(ctx),
        contactVisible(ctx),
      ),
    )
    .orderBy(desc(ct.createdAt), desc(ct.id))
    .limit(GROUP_LIMIT);
  if (!rows.length) return [];
  const identities = await ctx.db
    .select({
      contactId: ci.contactId,
      kind: ci.kind,
      address: ci.address,
      displayName: ci.displayName,
    })
    .from(ci)
    .where(
      and(
        eq(ci.workspaceId, ctx.workspaceId),
        inArray(
          ci.contactId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(ci.createdAt), asc(ci.address));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    identities: identities
      .filter((identity) => identity.contactId === row.id)
      .map(({ kind, address, displayName }) => ({ kind, address, displayName })),
  }));
}

/** An agent's contacts of conversations they might see: a hashed set before the exact check. */
function contactOfCandidates(ctx: Ctx): SQL | undefined {
  const candidates = candidateConversations(ctx.actor, ctx.workspaceId);
  if (!candidates) return undefined;
  return sql`${ct.id} in (select ${c.contactId} from ${c} where ${c.id} in ${candidates})`;
}

/** Agents find a contact only through a conversation they may see (as GET /contacts/{id}). */
function contactVisible(ctx: Ctx): SQL | undefined {
  if (isStaff(ctx.actor)) return undefined;
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(c)
      .where(and(eq(c.contactId, ct.id), eq(c.workspaceId, ctx.workspaceId), visibleTo(ctx.actor))),
  );
}

async function searchConversations(ctx: Ctx, q: string): Promise<ConversationView[]> {
  const rows = await selectConversations(
    ctx.db,
    and(
      eq(c.workspaceId, ctx.workspaceId),
      sql`${c.reference} ilike ${likePattern(q)}`,
      visibleTo(ctx.actor),
    ),
  )
    // The exact reference a customer quoted comes first.
    .orderBy(sql`lower(${c.reference}) = lower(${q}) desc`, desc(c.lastMessageAt), desc(c.id))
    .limit(GROUP_LIMIT);
  return presentConversations(ctx, rows);
}
