import type { InboundAttachment } from '@switchboard/channels';
import { schema } from '@switchboard/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';

/**
 * A customer's files: those that came with their bytes (email) are stored now, in the same
 * transaction as the message; those offered by URL are downloaded by a job after commit.
 */
export async function storeInboundAttachments(
  ctx: Ctx,
  messageId: string,
  attachments: InboundAttachment[],
) {
  for (const [index, attachment] of attachments.entries()) {
    const carried = attachment.data ?? null;
    const [file] = await ctx.db
      .insert(schema.attachments)
      .values({
        workspaceId: ctx.workspaceId,
        messageId,
        fileName: attachment.fileName ?? `attachment-${index + 1}`,
        contentType: attachment.contentType,
        size: carried?.byteLength ?? 0,
        sourceUrl: carried || attachment.refused ? null : attachment.url,
        // Email marks inline pictures `cid:<id>`; the HTML refers to them by that id.
        contentId: attachment.url.startsWith('cid:') ? attachment.url.slice(4) : null,
        storedAt: carried ? sql`now()` : null,
        error: attachment.refused ?? null,
      })
      .returning({ id: schema.attachments.id });
    if (!file) throw new Error('attachment insert returned nothing');
    if (carried) {
      await ctx.db.insert(schema.attachmentBlobs).values({ attachmentId: file.id, data: carried });
    } else if (!attachment.refused) {
      ctx.afterCommit.jobs.push({ name: 'attachment.fetch', payload: { attachmentId: file.id } });
    }
  }
}
