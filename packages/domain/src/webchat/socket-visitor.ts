import { schema, type Executor } from '@switchboard/db';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';

const c = schema.conversations;
const ci = schema.contactIdentities;

/** How long a visitor may be gone from a waiting conversation before it ends (contract default). */
export const DEFAULT_ABANDON_AFTER_SECONDS = 20;
const MAX_ABANDON_AFTER_SECONDS = 24 * 3600;

export interface WebchatInbox {
  id: string;
  workspaceId: string;
  abandonAfterMs: number;
}

/** The web chat inbox a visitor token names, or null if it is gone or not a web chat. */
export async function findWebchatInbox(
  db: Executor,
  inboxId: string,
): Promise<WebchatInbox | null> {
  const [inbox] = await db
    .select({
      id: schema.inboxes.id,
      workspaceId: schema.inboxes.workspaceId,
      settings: schema.inboxes.settings,
    })
    .from(schema.inboxes)
    .where(and(eq(schema.inboxes.id, inboxId), eq(schema.inboxes.kind, 'webchat')));
  if (!inbox) return null;
  return {
    id: inbox.id,
    workspaceId: inbox.workspaceId,
    abandonAfterMs: abandonAfterMs(inbox.settings),
  };
}

function abandonAfterMs(settings: Record<string, unknown>): number {
  const webchat = settings.webchat as { abandonAfterSeconds?: unknown } | undefined;
  const given = webchat?.abandonAfterSeconds;
  const seconds =
    typeof given === 'number' && Number.isFinite(given) && given >= 0
      ? Math.min(given, MAX_ABANDON_AFTER_SECONDS)
      : DEFAULT_ABANDON_AFTER_SECONDS;
  return Math.round(seconds * 1000);
}

export interface VisitorConversation {
  id: string;
  status: 'waiting' | 'open' | 'closed';
  teamId: string | null;
  assigneeId: string | null;
}

/**
 * The visitor's live (not closed) conversation in the inbox: the one of the contact holding
 * the identity (web, visitorId). There is at most one per contact and inbox.
 */
export async function findVisitorLiveConversation(
  db: Executor,
  inbox: Pick<WebchatInbox, 'id' | 'workspaceId'>,
  visitorId: string,
): Promise<VisitorConversation | null> {
  const [row] = await db
    .select({ id: c.id, status: c.status, teamId: c.teamId, assigneeId: c.assigneeId })
    .from(c)
    .innerJoin(ci, and(eq(ci.contactId, c.contactId), eq(ci.workspaceId, c.workspaceId)))
    .where(
      and(
        eq(c.workspaceId, inbox.workspaceId),
        eq(c.inboxId, inbox.id),
        ne(c.status, 'closed'),
        eq(ci.kind, 'web'),
        eq(ci.address, visitorId),
      ),
    )
    .orderBy(desc(c.createdAt))
    .limit(1);
  return row ?? null;
}

/** Who may hear about a conversation: the web visitors of its contact, in its inbox. */
export interface ConversationVisitors {
  conversationId: string;
  workspaceId: string;
  inboxId: string;
  visitorId: string;
}

/** For hint fan-out: the web visitors behind these conversations (one row per visitor). */
export async function findConversationVisitors(
  db: Executor,
  workspaceIds: string[],
  conversationIds: string[],
): Promise<ConversationVisitors[]> {
  if (workspaceIds.length === 0 || conversationIds.length === 0) return [];
  return db
    .select({
      conversationId: c.id,
      workspaceId: c.workspaceId,
      inboxId: c.inboxId,
      visitorId: ci.address,
    })
    .from(c)
    .innerJoin(ci, and(eq(ci.contactId, c.contactId), eq(ci.workspaceId, c.workspaceId)))
    .where(
      and(inArray(c.workspaceId, workspaceIds), inArray(c.id, conversationIds), eq(ci.kind, 'web')),
    );
}

/** Of these messages, the ones a customer never sees (notes, activity lines). */
export async function findInternalMessageIds(
  db: Executor,
  workspaceIds: string[],
  messageIds: string[],
): Promise<Set<string>> {
  if (workspaceIds.length === 0 || messageIds.length === 0) return new Set();
  const m = schema.messages;
  const rows = await db
    .select({ id: m.id })
    .from(m)
    .where(
      and(inArray(m.workspaceId, workspaceIds), inArray(m.id, messageIds), ne(m.kind, 'message')),
    );
  return new Set(rows.map((row) => row.id));
}
