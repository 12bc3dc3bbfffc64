import { runOperation, visitorGone, visitorReturned } from '@switchboard/domain';
import { lastVisitorDeparture, liveVisitorSocketCount } from '@switchboard/queue';
import type { Processor } from '../processor';

/**
 * The visitor's grace period is over. Back on any instance, or gone again later (that
 * departure has its own timer) → nothing; else the conversation is abandoned if it was still in
 * the queue, or marked away so replies follow the visitor by email or SMS.
 */
export const webchatVisitorGone: Processor<'webchat.visitor_gone'> = async (job, deps) => {
  const { workspaceId, inboxId, conversationId, visitorId, leftAt } = job.data;
  const prefix = deps.config.QUEUE_PREFIX;
  if ((await liveVisitorSocketCount(deps.redis, prefix, visitorId)) > 0)
    return { result: 'unchanged', reason: 'back' };
  const lastLeft = await lastVisitorDeparture(deps.redis, prefix, visitorId);
  if (lastLeft !== null && lastLeft > leftAt) return { result: 'unchanged', reason: 'left_again' };
  const system = { workspaceId, actor: { type: 'system' as const } };
  const result = await runOperation(deps.domain, system, (ctx) =>
    visitorGone({ ctx, input: { conversationId, visitorId, leftAt } }),
  );
  // Came back between the look above and the commit: their socket's return found nothing to
  // undo then, so undo it now.
  if (result === 'away' && (await liveVisitorSocketCount(deps.redis, prefix, visitorId)) > 0)
    await runOperation(deps.domain, system, (ctx) =>
      visitorReturned({ ctx, input: { inboxId, visitorId } }),
    );
  return { result };
};
