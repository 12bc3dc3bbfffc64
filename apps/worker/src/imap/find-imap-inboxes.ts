import { decryptJson, schema, type Database } from '@switchboard/db';
import { eq } from 'drizzle-orm';
import { imapSettingsOf, type ImapSettings } from './imap-settings';

export interface ImapInbox {
  inbox: { id: string; workspaceId: string };
  settings: ImapSettings;
}

/**
 * Every email inbox, in every workspace, that reads a mailbox over IMAP. Inboxes fed by
 * forwarding have no IMAP host and are left out; so are credentials that no longer decrypt
 * (SECRET_KEY changed), reported through `onUnreadable`.
 */
export async function findImapInboxes(
  db: Database,
  secretKey: string,
  onUnreadable: (inboxId: string) => void,
): Promise<ImapInbox[]> {
  const rows = await db
    .select({
      id: schema.inboxes.id,
      workspaceId: schema.inboxes.workspaceId,
      credentialsEncrypted: schema.inboxes.credentialsEncrypted,
      settings: schema.inboxes.settings,
    })
    .from(schema.inboxes)
    .where(eq(schema.inboxes.kind, 'email'));
  return rows.flatMap((row) => {
    let credentials: Record<string, string>;
    try {
      credentials = decryptJson<Record<string, string>>(row.credentialsEncrypted, secretKey);
    } catch {
      onUnreadable(row.id);
      return [];
    }
    const settings = imapSettingsOf(credentials, row.settings);
    return settings ? [{ inbox: { id: row.id, workspaceId: row.workspaceId }, settings }] : [];
  });
}
