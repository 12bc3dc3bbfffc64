import { isAllowedMediaType } from '@switchboard/channels';
import { schema } from '@switchboard/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Invalid } from '../errors';
import { outboundTarget, recordOutbound } from './record-outbound';
import { assertWindowOpen, cleanText } from './send-reply';

/** WhatsApp's limit for most media; Twilio's MMS limit is lower and enforced by Twilio. */
export const MAX_OUTBOUND_FILE_BYTES = 16 * 1024 * 1024;

export interface SendMediaInput {
  conversationId: string;
  text?: string | undefined;
  file: { data: Buffer; contentType: string; fileName: string };
}

/** An agent's file (with an optional caption) to the customer, stored before it is queued. */
export async function sendMediaReply({ ctx, input }: { ctx: Ctx; input: SendMediaInput }) {
  const { file } = input;
  const contentType = file.contentType.split(';')[0]!.trim().toLowerCase();
  if (!isAllowedMediaType(contentType))
    throw Invalid('file_type', `Files of type ${contentType} cannot be sent.`);
  if (file.data.byteLength === 0) throw Invalid('empty_file', 'The file is empty.');
  if (file.data.byteLength > MAX_OUTBOUND_FILE_BYTES)
    throw Invalid('file_too_large', 'Files sent to customers are limited to 16 MB.');
  const text = cleanText(input.text ?? '', { allowEmpty: true });
  const target = await outboundTarget(ctx, input.conversationId, { note: false });
  assertWindowOpen(target);
  const fileName = file.fileName.replace(/[/\\\r\n]/g, '_').slice(0, 200) || 'file';
  return recordOutbound(ctx, target, {
    text,
    note: false,
    preview: text || `📎 ${fileName}`,
    beforeSend: async (messageId) => {
      const [attachment] = await ctx.db
        .insert(schema.attachments)
        .values({
          workspaceId: ctx.workspaceId,
          messageId,
          fileName,
          contentType,
          size: file.data.byteLength,
          storedAt: sql`now()`,
        })
        .returning({ id: schema.attachments.id });
      if (!attachment) throw new Error('attachment insert returned nothing');
      await ctx.db
        .insert(schema.attachmentBlobs)
        .values({ attachmentId: attachment.id, data: file.data });
    },
  });
}
