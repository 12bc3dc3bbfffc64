import { schema, type Executor } from '@switchboard/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { languageOf, type CustomerLanguage } from '../messages/automatic-message';
import { signVisitorToken } from './visitor-token';

const m = schema.messages;

const footers: Record<CustomerLanguage, (reference: string, link: string) => string> = {
  en: (reference, link) => `Reference ${reference}. Continue the chat: ${link}`,
  es: (reference, link) => `Referencia ${reference}. Continúa el chat: ${link}`,
  pt: (reference, link) => `Referência ${reference}. Continue o chat: ${link}`,
};

/**
 * The line that ends every reply a web chat customer receives by email or SMS: the reference
 * they can quote anywhere and a link that reopens the chat with its whole history. The link
 * goes to the page the visitor chatted on (else the hosted chat page) and carries their visitor
 * token in the fragment, which browsers never send to a server.
 */
export async function webchatFollowUpFooter(
  db: Executor,
  deps: { secretKey: string; publicUrl: string },
  conversation: { id: string; workspaceId: string; inboxId: string; reference: string },
  contactLanguage: string | null,
): Promise<string | null> {
  const [visit] = await db
    .select({
      visitorId: sql<string | null>`${m.metadata}->>'visitorId'`,
      pageUrl: sql<string | null>`${m.metadata}->>'pageUrl'`,
    })
    .from(m)
    .where(
      and(
        eq(m.workspaceId, conversation.workspaceId),
        eq(m.conversationId, conversation.id),
        eq(m.direction, 'inbound'),
        eq(m.channel, 'webchat'),
      ),
    )
    .orderBy(desc(m.occurredAt))
    .limit(1);
  if (!visit?.visitorId) return null;
  const [workspace] = await db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, conversation.workspaceId));
  const token = signVisitorToken(deps.secretKey, {
    inboxId: conversation.inboxId,
    visitorId: visit.visitorId,
  });
  const link = `${chatPage(deps.publicUrl, conversation.inboxId, visit.pageUrl)}#sb-chat=${token}`;
  const language = languageOf(contactLanguage, workspace?.settings.defaultLocale);
  return footers[language](conversation.reference, link);
}

/** The shop's own page when the widget reported a web address, else our hosted chat page. */
function chatPage(publicUrl: string, inboxId: string, pageUrl: string | null): string {
  if (pageUrl) {
    try {
      const url = new URL(pageUrl);
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        url.hash = '';
        return url.toString();
      }
    } catch {
      // Not a URL: fall back to the hosted page.
    }
  }
  return `${publicUrl}/chat/${inboxId}`;
}
