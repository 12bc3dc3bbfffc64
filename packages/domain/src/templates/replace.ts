import type { ProviderTemplate } from '@switchboard/channels';
import { schema, type Database } from '@switchboard/db';
import { and, eq, notInArray, sql } from 'drizzle-orm';

const t = schema.messageTemplates;

/**
 * Makes the stored templates of an inbox what the provider listed: new and changed ones are
 * upserted (ids stay stable, so a picker open on screen keeps working), vanished ones removed.
 */
export async function replaceInboxTemplates(
  db: Database,
  inbox: { id: string; workspaceId: string },
  templates: ProviderTemplate[],
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = templates.map((template) => ({
      workspaceId: inbox.workspaceId,
      inboxId: inbox.id,
      name: template.name,
      language: template.language,
      category: template.category,
      // Meta says APPROVED, Twilio says approved: one spelling here.
      status: template.status.toUpperCase(),
      body: template.body,
      parameterCount: template.parameterCount,
      externalId: template.externalId,
    }));
    if (rows.length > 0) {
      await tx
        .insert(t)
        .values(rows)
        .onConflictDoUpdate({
          target: [t.inboxId, t.name, t.language],
          set: {
            category: sql`excluded.category`,
            status: sql`excluded.status`,
            body: sql`excluded.body`,
            parameterCount: sql`excluded.parameter_count`,
            externalId: sql`excluded.external_id`,
            syncedAt: sql`now()`,
          },
        });
    }
    const kept = rows.map((row) => `${row.name}\u001f${row.language}`);
    await tx
      .delete(t)
      .where(
        and(
          eq(t.inboxId, inbox.id),
          kept.length ? notInArray(sql`${t.name} || chr(31) || ${t.language}`, kept) : sql`true`,
        ),
      );
    await tx
      .update(schema.inboxes)
      .set({ templatesSyncedAt: sql`now()` })
      .where(eq(schema.inboxes.id, inbox.id));
    return rows.length;
  });
}

/** WhatsApp inboxes whose templates were not refreshed within `maxAgeSeconds`. */
export async function findInboxesWithStaleTemplates(db: Database, maxAgeSeconds: number) {
  const rows = await db
    .select({ id: schema.inboxes.id })
    .from(schema.inboxes)
    .where(
      sql`${schema.inboxes.kind} in ('whatsapp_twilio', 'whatsapp_cloud') and coalesce(${schema.inboxes.templatesSyncedAt} < now() - make_interval(secs => ${maxAgeSeconds}), true)`,
    );
  return rows.map((row) => row.id);
}
