import { schema } from '@switchboard/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';

/** The workspace's inboxes as clients see them: never a credential. */
export async function listInboxes({ ctx }: { ctx: Ctx }) {
  return ctx.db
    .select({
      id: schema.inboxes.id,
      kind: schema.inboxes.kind,
      name: schema.inboxes.name,
      address: schema.inboxes.address,
      externalId: schema.inboxes.externalId,
    })
    .from(schema.inboxes)
    .where(eq(schema.inboxes.workspaceId, ctx.workspaceId))
    .orderBy(asc(schema.inboxes.name));
}
