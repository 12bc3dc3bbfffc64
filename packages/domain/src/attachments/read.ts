import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { getConversation } from '../conversations/load';
import { Conflict, NotFound } from '../errors';

/** A file's bytes, only for someone who may see the conversation it belongs to. */
export async function readAttachment({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const [row] = await ctx.db
    .select({
      fileName: schema.attachments.fileName,
      contentType: schema.attachments.contentType,
      conversationId: schema.messages.conversationId,
      error: schema.attachments.error,
      storedAt: schema.attachments.storedAt,
      data: schema.attachmentBlobs.data,
    })
    .from(schema.attachments)
    .innerJoin(schema.messages, eq(schema.messages.id, schema.attachments.messageId))
    .leftJoin(
      schema.attachmentBlobs,
      eq(schema.attachmentBlobs.attachmentId, schema.attachments.id),
    )
    .where(
      and(eq(schema.attachments.id, input.id), eq(schema.attachments.workspaceId, ctx.workspaceId)),
    );
  if (!row) throw NotFound('File');
  await getConversation({ ctx, input: { id: row.conversationId } });
  if (row.error) throw Conflict('attachment_unavailable', row.error);
  if (!row.data)
    throw Conflict(
      'attachment_pending',
      'The file is still being downloaded; try again in a moment.',
    );
  return { fileName: row.fileName, contentType: row.contentType, data: row.data };
}
