import { parseEmail } from '@switchboard/channels';
import { storeInboundEvent } from '@switchboard/domain';
import type { WorkerDeps } from '../deps';
import { advance, type MailCheckpoint } from './checkpoint';
import { withTimeout } from './inbox-lease';

/** Redis may be away; the event is stored by then and the sweeper queues it later. */
const ENQUEUE_TIMEOUT_MS = 5_000;

export interface MailTarget {
  inboxId: string;
  workspaceId: string;
  maxAttachmentBytes: number;
}

/**
 * One fetched message becomes a stored inbound event, and only then does the checkpoint move
 * past its UID: a crash in between reads it again, and the Message-ID makes the second store
 * a no-op. Returns whether the message was new to this inbox.
 */
export async function storeMessage(
  deps: WorkerDeps,
  target: MailTarget,
  checkpoint: Pick<MailCheckpoint, 'inboxId' | 'uidValidity'>,
  message: { uid: number; source: Buffer },
  options: { backfill: boolean },
): Promise<boolean> {
  const email = await parseEmail(message.source, {
    maxAttachmentBytes: target.maxAttachmentBytes,
    source: 'imap',
  });
  const stored = await storeInboundEvent(deps.database.db, {
    workspaceId: target.workspaceId,
    inboxId: target.inboxId,
    kind: 'message',
    // Names the mail across folders, resyncs and forwarding (the parser derives one from the
    // content when the header is missing), so reading it again never stores it twice.
    providerEventId: email.messageId,
    payload: email,
  });
  await advance(deps.database.db, checkpoint, message.uid, options);
  if (!stored.duplicate)
    await withTimeout(
      deps.enqueuer.enqueue('inbound.process', stored.job),
      ENQUEUE_TIMEOUT_MS,
    ).catch(() => {
      // Stored is what counts: the sweeper queues events whose job never made it.
    });
  return !stored.duplicate;
}
