import { schema, type IdentityKind } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';

/** The contact in this workspace that owns an identity (phone, WhatsApp id, email…), if any. */
export async function contactIdByIdentity(
  ctx: Ctx,
  kind: IdentityKind,
  address: string,
): Promise<string | null> {
  const [identity] = await ctx.db
    .select({ contactId: schema.contactIdentities.contactId })
    .from(schema.contactIdentities)
    .where(
      and(
        eq(schema.contactIdentities.workspaceId, ctx.workspaceId),
        eq(schema.contactIdentities.kind, kind),
        eq(schema.contactIdentities.address, address),
      ),
    );
  return identity?.contactId ?? null;
}
