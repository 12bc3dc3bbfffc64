import { schema, type Executor } from '@switchboard/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { languageOf, type CustomerLanguage } from '../messages/customer-language';
import { signResumeToken } from './resume-token';

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
  const [inbox] = await db
    .select({ settings: schema.inboxes.settings })
    .from(schema.inboxes)
    .where(
      and(
        eq(schema.inboxes.id, conversation.inboxId),
        eq(schema.inboxes.workspaceId, conversation.workspaceId),
      ),
    );
  const siteOrigins = webchatSiteOrigins(inbox?.settings);
  const token = signResumeToken(deps.secretKey, {
    inboxId: conversation.inboxId,
    visitorId: visit.visitorId,
    conversationId: conversation.id,
  });
  const page = chatPage(deps.publicUrl, conversation.inboxId, visit.pageUrl, siteOrigins);
  const link = `${page}#sb-chat=${token}`;
  const language = languageOf(contactLanguage, workspace?.settings.defaultLocale);
  return footers[language](conversation.reference, link);
}

/** Longer page addresses would crowd an SMS; the hosted page is always short. */
const MAX_PAGE_URL = 300;

/**
 * The page the visitor chatted on when it belongs to one of the site's origins the inbox lists
 * (`settings.webchat.siteOrigins`): the page address comes from the visitor's browser, and our
 * mail must never send customers to a page someone else chose. Else our hosted chat page.
 */
function chatPage(
  publicUrl: string,
  inboxId: string,
  pageUrl: string | null,
  siteOrigins: string[],
): string {
  if (pageUrl && pageUrl.length <= MAX_PAGE_URL) {
    try {
      const url = new URL(pageUrl);
      if (siteOrigins.includes(url.origin)) {
        url.hash = '';
        return url.toString();
      }
    } catch {
      // Not a URL: fall back to the hosted page.
    }
  }
  return `${publicUrl}/chat/${inboxId}`;
}

function webchatSiteOrigins(settings: Record<string, unknown> | undefined): string[] {
  const webchat = settings?.webchat as { siteOrigins?: unknown } | undefined;
  const given = Array.isArray(webchat?.siteOrigins) ? webchat.siteOrigins : [];
  return given.flatMap((origin) => {
    try {
      return typeof origin === 'string' ? [new URL(origin).origin] : [];
    } catch {
      return [];
    }
  });
}
