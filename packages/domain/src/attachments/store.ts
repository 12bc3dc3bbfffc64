import { decryptJson, schema, type InboxKind } from '@switchboard/db';
import { eq, sql } from 'drizzle-orm';
import type { DomainDeps } from '../context';
import { publishMessageUpdated } from '../messages/publish-update';

/** Default cap on a customer's file; larger ones are refused with a reason the agent sees. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/vcard': 'vcf',
  'text/x-vcard': 'vcf',
};

export interface AttachmentToFetch {
  id: string;
  workspaceId: string;
  messageId: string;
  conversationId: string;
  sourceUrl: string;
  fileName: string;
  inbox: {
    kind: InboxKind;
    address: string;
    externalId: string | null;
    credentials: Record<string, string>;
  };
}

/** An attachment still waiting for its bytes, with what is needed to download them. */
export async function loadAttachmentToFetch(
  deps: DomainDeps,
  attachmentId: string,
): Promise<AttachmentToFetch | null> {
  const [row] = await deps.db
    .select({
      attachment: schema.attachments,
      conversationId: schema.messages.conversationId,
      inbox: schema.inboxes,
    })
    .from(schema.attachments)
    .innerJoin(schema.messages, eq(schema.messages.id, schema.attachments.messageId))
    .innerJoin(schema.inboxes, eq(schema.inboxes.id, schema.messages.inboxId))
    .where(eq(schema.attachments.id, attachmentId));
  if (!row?.attachment.sourceUrl || row.attachment.storedAt || row.attachment.error) return null;
  return {
    id: row.attachment.id,
    workspaceId: row.attachment.workspaceId,
    messageId: row.attachment.messageId,
    conversationId: row.conversationId,
    sourceUrl: row.attachment.sourceUrl,
    fileName: row.attachment.fileName,
    inbox: {
      kind: row.inbox.kind,
      address: row.inbox.address,
      externalId: row.inbox.externalId,
      credentials: decryptJson<Record<string, string>>(
        row.inbox.credentialsEncrypted,
        deps.secretKey,
      ),
    },
  };
}

/** Keeps the bytes in Postgres (the default storage, so every api instance can serve them). */
export async function storeAttachmentData(
  deps: DomainDeps,
  attachment: AttachmentToFetch,
  file: { data: Buffer; contentType: string },
) {
  const extension = extensions[file.contentType];
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(schema.attachmentBlobs)
      .values({ attachmentId: attachment.id, data: file.data })
      .onConflictDoNothing();
    await tx
      .update(schema.attachments)
      .set({
        size: file.data.byteLength,
        contentType: file.contentType,
        fileName:
          extension && !attachment.fileName.includes('.')
            ? `${attachment.fileName}.${extension}`
            : attachment.fileName,
        storedAt: sql`now()`,
      })
      .where(eq(schema.attachments.id, attachment.id));
  });
  await publishMessageUpdated(deps, attachment);
}

export async function recordAttachmentError(
  deps: DomainDeps,
  attachment: AttachmentToFetch,
  reason: string,
) {
  await deps.db
    .update(schema.attachments)
    .set({ error: reason.slice(0, 500) })
    .where(eq(schema.attachments.id, attachment.id));
  await publishMessageUpdated(deps, attachment);
}
