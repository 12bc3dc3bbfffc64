import { schema } from '@switchboard/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';

const ci = schema.contactIdentities;

/**
 * The contact's email address as this visitor may know it: one added when or after their
 * visitor identity was (the one they typed in the pre-chat form, or one learnt since). An address
 * the contact had before is not shown: typing someone's phone number must not reveal their email.
 */
export async function visitorEmail(
  ctx: Ctx,
  contactId: string,
  visitorId: string,
): Promise<string | null> {
  const [identity] = await ctx.db
    .select({ address: ci.address })
    .from(ci)
    .where(
      and(
        eq(ci.workspaceId, ctx.workspaceId),
        eq(ci.contactId, contactId),
        eq(ci.kind, 'email'),
        sql`${ci.createdAt} >= (select web.created_at from contact_identities web
          where web.workspace_id = ${ctx.workspaceId} and web.kind = 'web'
            and web.address = ${visitorId})`,
      ),
    )
    .orderBy(desc(ci.createdAt))
    .limit(1);
  return identity?.address ?? null;
}
