import { runOperation, sendAutoReply } from '@switchboard/domain';
import type { Processor } from '../processor';

/** A conversation entered Waiting: perhaps tell the customer nobody is there, or their place. */
export const automationAutoReply: Processor<'automation.auto_reply'> = async (job, deps) =>
  runOperation(
    deps.domain,
    { workspaceId: job.data.workspaceId, actor: { type: 'system' } },
    (ctx) => sendAutoReply({ ctx, input: { conversationId: job.data.conversationId } }),
  );
