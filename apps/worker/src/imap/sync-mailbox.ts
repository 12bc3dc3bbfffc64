import type { ImapFlow } from 'imapflow';
import type { WorkerDeps } from '../deps';
import { beginBackfill, finishBackfill, type MailCheckpoint } from './checkpoint';
import { readMessages, searchUids } from './read-messages';
import { storeMessage, type MailTarget } from './store-message';

export interface SyncContext {
  deps: WorkerDeps;
  client: ImapFlow;
  target: MailTarget;
  log: (line: string) => void;
}

/**
 * Reads everything not stored yet, oldest first: the rest of a pass over existing mail, then
 * whatever arrived above the checkpoint. Returns the checkpoint it leaves behind.
 */
export async function catchUp(
  context: SyncContext,
  checkpoint: MailCheckpoint,
): Promise<MailCheckpoint> {
  let current = checkpoint;
  if (current.backfillStatus !== 'done') current = await backfill(context, current);
  const uids = (await searchUids(context.client, { uid: `${current.lastUid + 1}:*` }))
    // `n:*` always includes the newest message, even when its UID is below n.
    .filter((uid) => uid > current.lastUid);
  let stored = 0;
  for await (const message of readMessages(context.client, uids)) {
    if (await storeMessage(context.deps, context.target, current, message, { backfill: false }))
      stored++;
    current = { ...current, lastUid: message.uid };
  }
  if (stored) context.log(`stored ${stored} new message${stored === 1 ? '' : 's'}`);
  return current;
}

/** Mail received since `backfillSince`, up to the newest message when the pass began. */
async function backfill(context: SyncContext, checkpoint: MailCheckpoint): Promise<MailCheckpoint> {
  const { deps, client, target } = context;
  let current = checkpoint;
  if (current.backfillUntilUid > current.lastUid) {
    const uids = await searchUids(client, {
      since: current.backfillSince,
      uid: `${current.lastUid + 1}:${current.backfillUntilUid}`,
    });
    await beginBackfill(deps.database.db, target.inboxId, uids.length);
    context.log(`reading ${uids.length} earlier message${uids.length === 1 ? '' : 's'}`);
    for await (const message of readMessages(client, uids)) {
      await storeMessage(deps, target, current, message, { backfill: true });
      current = { ...current, lastUid: message.uid };
    }
  }
  await finishBackfill(deps.database.db, current);
  return {
    ...current,
    backfillStatus: 'done',
    lastUid: Math.max(current.lastUid, current.backfillUntilUid),
  };
}
