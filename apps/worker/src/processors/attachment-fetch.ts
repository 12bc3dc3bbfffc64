import { adapterFor, ChannelError } from '@switchboard/channels';
import {
  loadAttachmentToFetch,
  MAX_ATTACHMENT_BYTES,
  recordAttachmentError,
  storeAttachmentData,
} from '@switchboard/domain';
import { UnrecoverableError } from 'bullmq';
import type { Processor } from '../processor';

/** Downloads a customer's file from the provider into our storage, checking size and type. */
export const attachmentFetch: Processor<'attachment.fetch'> = async (job, deps) => {
  const attachment = await loadAttachmentToFetch(deps.domain, job.data.attachmentId);
  if (!attachment) return;
  try {
    const file = await adapterFor(attachment.inbox.kind).fetchMedia(
      attachment.sourceUrl,
      attachment.inbox,
      deps.channelEnv,
      MAX_ATTACHMENT_BYTES,
    );
    await storeAttachmentData(deps.domain, attachment, file);
  } catch (error) {
    const retryable = !(error instanceof ChannelError) || error.retryable;
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (retryable && !lastAttempt) throw error;
    await recordAttachmentError(
      deps.domain,
      attachment,
      error instanceof Error ? error.message : String(error),
    );
    throw new UnrecoverableError(String(error));
  }
};
