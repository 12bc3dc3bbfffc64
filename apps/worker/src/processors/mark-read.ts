import { adapterFor } from '@switchboard/channels';
import { loadReadReceipt, recordReadReported } from '@switchboard/domain';
import type { Processor } from '../processor';

/** Shows the customer blue ticks once an agent has opened their conversation. */
export const providerMarkRead: Processor<'provider.mark_read'> = async (job, deps) => {
  const receipt = await loadReadReceipt(deps.domain, job.data.messageId);
  if (!receipt) return;
  const adapter = adapterFor(receipt.inbox.kind);
  await adapter.markRead?.(receipt.providerMessageId, receipt.inbox, deps.channelEnv);
  await recordReadReported(deps.domain, job.data.messageId);
};
