import { abandonWaitingConversation, runOperation } from '@switchboard/domain';
import { lastVisitorDeparture, liveVisitorSocketCount } from '@switchboard/queue';
import type { Processor } from '../processor';

/**
 * The visitor's grace period in the queue is over. Back on any instance, or gone again later
 * (that departure has its own timer) → nothing; else a still-waiting conversation is abandoned.
 */
export const webchatAbandon: Processor<'webchat.abandon'> = async (job, deps) => {
  const { workspaceId, conversationId, visitorId, leftAt } = job.data;
  const prefix = deps.config.QUEUE_PREFIX;
  if ((await liveVisitorSocketCount(deps.redis, prefix, visitorId)) > 0)
    return { abandoned: false, reason: 'back' };
  const lastLeft = await lastVisitorDeparture(deps.redis, prefix, visitorId);
  if (lastLeft !== null && lastLeft > leftAt) return { abandoned: false, reason: 'left_again' };
  const abandoned = await runOperation(
    deps.domain,
    { workspaceId, actor: { type: 'system' } },
    (ctx) => abandonWaitingConversation({ ctx, input: { conversationId, visitorId } }),
  );
  return { abandoned };
};
