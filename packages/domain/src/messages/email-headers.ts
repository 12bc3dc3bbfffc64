import { randomUUID } from 'node:crypto';
import { schema } from '@switchboard/db';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { languageOf, type CustomerLanguage } from './customer-language';

const m = schema.messages;
/** Long threads would grow References without bound; mail clients keep the last few too. */
const MAX_REFERENCES = 20;

export interface EmailReplyHeaders {
  emailMessageId: string;
  emailSubject: string;
  emailInReplyTo: string | null;
  emailReferences: string[];
}

/**
 * The threading headers of an agent's mail, stored with the message before it is sent so
 * the customer's answer finds its way back: a Message-ID of ours, In-Reply-To and References
 * continuing the latest mail of the conversation, and the reference in the subject.
 */
export async function emailReplyHeaders(
  ctx: Ctx,
  conversation: { id: string; reference: string; contactId: string },
  inboxAddress: string,
): Promise<EmailReplyHeaders> {
  const [latest] = await ctx.db
    .select({ id: m.emailMessageId, subject: m.emailSubject, references: m.emailReferences })
    .from(m)
    .where(
      and(
        eq(m.conversationId, conversation.id),
        eq(m.workspaceId, ctx.workspaceId),
        isNotNull(m.emailMessageId),
      ),
    )
    .orderBy(desc(m.occurredAt), desc(m.seq))
    .limit(1);
  const domain = inboxAddress.split('@')[1] ?? 'switchboard.local';
  return {
    emailMessageId: `${randomUUID()}@${domain}`,
    emailSubject: replySubject(
      latest?.subject ?? null,
      conversation.reference,
      // A first mail (a web chat or SMS customer reached by email) needs a subject of its own.
      latest?.subject ? 'en' : await customerLanguage(ctx, conversation.contactId),
    ),
    emailInReplyTo: latest?.id ?? null,
    emailReferences: latest?.id
      ? [...(latest.references ?? []), latest.id].slice(-MAX_REFERENCES)
      : [],
  };
}

const untitled: Record<CustomerLanguage, string> = {
  en: 'Your request',
  es: 'Tu consulta',
  pt: 'Sua solicitação',
};

async function customerLanguage(ctx: Ctx, contactId: string): Promise<CustomerLanguage> {
  const [row] = await ctx.db
    .select({
      contact: schema.contacts.language,
      workspace: sql<
        string | null
      >`(select settings->>'defaultLocale' from workspaces where id = ${ctx.workspaceId})`,
    })
    .from(schema.contacts)
    .where(
      and(eq(schema.contacts.id, contactId), eq(schema.contacts.workspaceId, ctx.workspaceId)),
    );
  return languageOf(row?.contact, row?.workspace);
}

/** `Re: <original> [SB-7K3Q9]`, without piling up Re:/RE:/AW:/RV:/Res: or a second tag. */
export function replySubject(
  original: string | null,
  reference: string,
  language: CustomerLanguage = 'en',
): string {
  const base = (original ?? '')
    .replace(/\[SB-[0-9A-Z]{5}\]/gi, '')
    .replace(/^\s*((re|aw|rv|res|sv|vs|fw|fwd|enc)\s*:\s*)+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return base ? `Re: ${base} [${reference}]` : `${untitled[language]} [${reference}]`;
}
