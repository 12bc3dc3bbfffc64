import { decryptJson, schema, type Database } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';

export interface InboxConnectionRecord {
  id: string;
  workspaceId: string;
  kind: (typeof schema.inboxes.$inferSelect)['kind'];
  address: string;
  externalId: string | null;
  defaultTeamId: string | null;
  credentials: Record<string, string>;
}

/**
 * An inbox with its decrypted credentials, by id alone: webhooks name the inbox in the URL and
 * only then learn the workspace. Never returned to clients.
 */
export async function loadInboxConnection(
  db: Database,
  inboxId: string,
  secretKey: string,
): Promise<InboxConnectionRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(inboxId)) return null;
  const [inbox] = await db.select().from(schema.inboxes).where(eq(schema.inboxes.id, inboxId));
  if (!inbox) return null;
  return {
    id: inbox.id,
    workspaceId: inbox.workspaceId,
    kind: inbox.kind,
    address: inbox.address,
    externalId: inbox.externalId,
    defaultTeamId: inbox.defaultTeamId,
    credentials: decryptJson<Record<string, string>>(inbox.credentialsEncrypted, secretKey),
  };
}

/**
 * The workspace's WhatsApp Cloud inboxes that share this inbox's Meta app (same app secret,
 * so the same signature vouches for them), by Phone-Number-ID.
 */
export async function cloudInboxesOfApp(
  db: Database,
  inbox: Pick<InboxConnectionRecord, 'workspaceId' | 'credentials'>,
  secretKey: string,
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      id: schema.inboxes.id,
      externalId: schema.inboxes.externalId,
      credentialsEncrypted: schema.inboxes.credentialsEncrypted,
    })
    .from(schema.inboxes)
    .where(
      and(
        eq(schema.inboxes.workspaceId, inbox.workspaceId),
        eq(schema.inboxes.kind, 'whatsapp_cloud'),
      ),
    );
  const sameApp = rows.filter(
    (row) =>
      row.externalId &&
      decryptJson<Record<string, string>>(row.credentialsEncrypted, secretKey).appSecret ===
        inbox.credentials.appSecret,
  );
  return new Map(sameApp.map((row) => [row.externalId!, row.id]));
}

/**
 * The email inbox a recipient address belongs to, in any workspace: the address itself or
 * its `local+token@domain` form (replies carry the conversation's token).
 */
export async function findEmailInboxByAddress(
  db: Database,
  recipient: string,
): Promise<{ id: string; workspaceId: string } | null> {
  const lower = recipient.trim().toLowerCase();
  const [local = '', domain = ''] = lower.split('@');
  const bare = `${local.split('+')[0]}@${domain}`;
  const [inbox] = await db
    .select({ id: schema.inboxes.id, workspaceId: schema.inboxes.workspaceId })
    .from(schema.inboxes)
    .where(
      and(
        eq(schema.inboxes.kind, 'email'),
        sql`lower(${schema.inboxes.address}) in (${lower}, ${bare})`,
      ),
    )
    .limit(1);
  return inbox ?? null;
}
