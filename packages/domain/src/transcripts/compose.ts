import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '@switchboard/channels';
import { schema } from '@switchboard/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DomainDeps } from '../context';
import { loadInboxConnection, type InboxConnectionRecord } from '../inboxes/load';
import { textToHtml } from '../messages/text-to-html';
import { shownToVisitor } from '../webchat/visitor-visible';

const m = schema.messages;

/**
 * The transcript mail: every message to and from the customer, oldest first; notes stay out.
 * For a web chat visitor, exactly what their widget shows: from their first message on, and
 * only the messages it lists.
 */
export async function composeTranscript(
  deps: DomainDeps,
  input: { conversationId: string; inboxId: string; to: string; visitorId?: string | undefined },
): Promise<{ inbox: InboxConnectionRecord; message: OutboundMessage } | null> {
  const inbox = await loadInboxConnection(deps.db, input.inboxId, deps.secretKey);
  const [conversation] = await deps.db
    .select({
      reference: schema.conversations.reference,
      workspaceId: schema.conversations.workspaceId,
    })
    .from(schema.conversations)
    .where(eq(schema.conversations.id, input.conversationId));
  if (!inbox || !conversation || conversation.workspaceId !== inbox.workspaceId) return null;
  const rows = await deps.db
    .select({
      direction: m.direction,
      text: m.text,
      occurredAt: m.occurredAt,
      agent: schema.users.name,
      customer: schema.contacts.name,
    })
    .from(m)
    .leftJoin(schema.users, eq(schema.users.id, m.authorUserId))
    .leftJoin(schema.contacts, eq(schema.contacts.id, m.authorContactId))
    .where(
      and(
        eq(m.conversationId, input.conversationId),
        eq(m.kind, 'message'),
        inArray(m.direction, ['inbound', 'outbound']),
        input.visitorId ? shownToVisitor() : undefined,
        input.visitorId
          ? sql`${m.occurredAt} >= (select min(vm.occurred_at) from messages vm
              where vm.conversation_id = ${input.conversationId} and vm.direction = 'inbound'
                and vm.metadata->>'visitorId' = ${input.visitorId})`
          : undefined,
      ),
    )
    .orderBy(asc(m.occurredAt), asc(m.seq));
  const lines = rows.map((row) => {
    const who =
      row.direction === 'inbound' ? (row.customer ?? 'Customer') : (row.agent ?? 'Support');
    return `[${row.occurredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC] ${who}:\n${row.text}`;
  });
  const text = [`Conversation ${conversation.reference}`, '', ...lines].join('\n\n');
  const domain = inbox.address.split('@')[1] ?? 'switchboard.local';
  const messageId = `${randomUUID()}@${domain}`;
  return {
    inbox,
    message: {
      id: messageId,
      to: input.to,
      text,
      statusCallbackUrl: '',
      email: {
        messageId,
        subject: `Transcript of your conversation [${conversation.reference}]`,
        inReplyTo: null,
        references: [],
        replyTo: inbox.address,
        fromName: inbox.address,
        html: textToHtml(text),
        automatic: true,
      },
    },
  };
}
