import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { emailReplyHeaders } from '../messages/email-headers';
import { conversationUpdated, messageCreated } from './activity';
import type { ConversationRecord } from './load';
import { serviceWindow } from './service-window';

const c = schema.conversations;
const m = schema.messages;

type Language = 'en' | 'es' | 'pt';

const JOINED_TEXT: Record<Language, (name: string) => string> = {
  en: (name) => `${name} joined the conversation.`,
  es: (name) => `${name} se unió a la conversación.`,
  pt: (name) => `${name} entrou na conversa.`,
};

/** The first of the candidates that names a language we write in ("es-MX" → es), else English. */
function languageOf(...candidates: Array<string | null | undefined>): Language {
  for (const candidate of candidates) {
    const prefix = candidate?.toLowerCase().split(/[-_]/)[0];
    if (prefix === 'es' || prefix === 'en' || prefix === 'pt') return prefix;
  }
  return 'en';
}

/** "<Name> joined the conversation." in the customer's language, for a supervisor who joins. */
export function joinNoticeText(
  name: string,
  contactLanguage: string | null | undefined,
  workspaceLocale?: string | null,
): string {
  return JOINED_TEXT[languageOf(contactLanguage, workspaceLocale)](name);
}

/**
 * Tells the customer that a supervisor joined, on the conversation's channel. Like the team
 * auto-replies it is written by the system and marked `automatic`: it goes out through the
 * normal outbound path but is no answer to the customer, so the phase, the first-response
 * time and the "unanswered since" clock stay as they are. WhatsApp refuses free text outside
 * its 24-hour window; then the customer simply is not told.
 */
export async function sendJoinNotice(
  ctx: Ctx,
  conversation: ConversationRecord,
  joiner: { id: string; name: string },
): Promise<'sent' | 'skipped'> {
  const [inbox] = await ctx.db
    .select({ kind: schema.inboxes.kind, address: schema.inboxes.address })
    .from(schema.inboxes)
    .where(
      and(
        eq(schema.inboxes.id, conversation.inboxId),
        eq(schema.inboxes.workspaceId, ctx.workspaceId),
      ),
    );
  if (!inbox) return 'skipped';
  const window = serviceWindow(inbox.kind, conversation.lastInboundAt);
  if (window && !window.open) return 'skipped';

  const [contact] = await ctx.db
    .select({ language: schema.contacts.language })
    .from(schema.contacts)
    .where(
      and(
        eq(schema.contacts.id, conversation.contactId),
        eq(schema.contacts.workspaceId, ctx.workspaceId),
      ),
    );
  const [workspace] = await ctx.db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  const text = joinNoticeText(joiner.name, contact?.language, workspace?.settings.defaultLocale);

  const email =
    inbox.kind === 'email' ? await emailReplyHeaders(ctx, conversation, inbox.address) : {};
  const [message] = await ctx.db
    .insert(m)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      channel: inbox.kind,
      direction: 'outbound',
      kind: 'message',
      authorUserId: null,
      text,
      status: 'queued',
      metadata: { automatic: true, notice: 'joined', joinedBy: joiner },
      ...email,
      occurredAt: sql`clock_timestamp()`,
    })
    .returning({ id: m.id });
  if (!message) throw new Error('join notice insert returned nothing');
  const [updated] = await ctx.db
    .update(c)
    .set({ version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.id, conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  ctx.afterCommit.jobs.push({ name: 'outbound.send', payload: { messageId: message.id } });
  ctx.afterCommit.events.push(
    messageCreated(ctx, conversation, message.id),
    conversationUpdated(ctx, updated ?? conversation),
  );
  return 'sent';
}
