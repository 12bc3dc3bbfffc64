import { createHmac, timingSafeEqual } from 'node:crypto';
import { schema, type Database } from '@switchboard/db';
import { and, eq, isNotNull } from 'drizzle-orm';

/** Long enough for a provider to fetch the file after a queue retry, short enough to be useless later. */
const LINK_TTL_SECONDS = 60 * 60;
/** Expiries are rounded up to this step, so a page that refetches keeps the same links (and caches). */
const LINK_STEP_SECONDS = 15 * 60;

const signature = (secretKey: string, attachmentId: string, expires: number) =>
  createHmac('sha256', secretKey).update(`attachment:${attachmentId}:${expires}`).digest('hex');

/**
 * A time-limited public URL of an agent's outbound file, for providers that fetch media by
 * link (Twilio's MediaUrl). The signature binds the file and the expiry to SECRET_KEY.
 */
export function publicAttachmentUrl(
  publicUrl: string,
  secretKey: string,
  attachmentId: string,
  now = Date.now(),
): string {
  const expires =
    Math.ceil((Math.floor(now / 1000) + LINK_TTL_SECONDS) / LINK_STEP_SECONDS) * LINK_STEP_SECONDS;
  const sig = signature(secretKey, attachmentId, expires);
  return `${publicUrl}/media/${attachmentId}?expires=${expires}&signature=${sig}`;
}

/** The file behind a public link, or null when the link is forged or expired. */
export async function readPublicAttachment(
  db: Database,
  secretKey: string,
  input: { attachmentId: string; expires: number; signature: string },
) {
  if (!Number.isInteger(input.expires) || input.expires * 1000 < Date.now()) return null;
  const expected = Buffer.from(signature(secretKey, input.attachmentId, input.expires), 'hex');
  const given = Buffer.from(input.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [row] = await db
    .select({
      fileName: schema.attachments.fileName,
      contentType: schema.attachments.contentType,
      data: schema.attachmentBlobs.data,
    })
    .from(schema.attachments)
    .innerJoin(
      schema.attachmentBlobs,
      eq(schema.attachmentBlobs.attachmentId, schema.attachments.id),
    )
    .where(
      and(eq(schema.attachments.id, input.attachmentId), isNotNull(schema.attachments.storedAt)),
    );
  return row ?? null;
}
