import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx } from '../context';
import { Forbidden, NotFound } from '../errors';

export interface MailSyncView {
  /** `forwarding`: mail arrives through the SMTP listener, there is nothing to read. */
  mode: 'imap' | 'forwarding';
  mailbox: string | null;
  backfill: { status: 'pending' | 'running' | 'done' | 'failed'; done: number; total: number };
  since: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

/** How far an email inbox's mailbox has been read, for admins and supervisors. */
export async function getMailSync({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { inboxId: string };
}): Promise<MailSyncView> {
  const user = requireUser(ctx.actor);
  if (!isStaff(user)) throw Forbidden('Only admins and supervisors can see mailbox sync.');
  const [row] = await ctx.db
    .select({ inbox: schema.inboxes.id, state: schema.mailSyncState })
    .from(schema.inboxes)
    .leftJoin(schema.mailSyncState, eq(schema.mailSyncState.inboxId, schema.inboxes.id))
    .where(
      and(
        eq(schema.inboxes.id, input.inboxId),
        eq(schema.inboxes.workspaceId, ctx.workspaceId),
        eq(schema.inboxes.kind, 'email'),
      ),
    );
  if (!row) throw NotFound('Email inbox');
  const state = row.state;
  return {
    mode: state ? 'imap' : 'forwarding',
    mailbox: state?.mailbox ?? null,
    backfill: {
      status: state?.backfillStatus ?? 'pending',
      done: state?.backfillDone ?? 0,
      total: state?.backfillTotal ?? 0,
    },
    since: state?.backfillSince?.toISOString() ?? null,
    lastSyncedAt: state?.lastSyncedAt?.toISOString() ?? null,
    lastError: state?.lastError ?? null,
  };
}
