import { markAwayAfterGrace, returnFromAutoAway, runOperation } from '@switchboard/domain';
import { liveSocketCount } from '@switchboard/queue';
import type { Processor } from '../processor';

/** The grace period after a user's last socket closed: still no socket anywhere → away. */
export const presenceGrace: Processor<'presence.grace'> = async (job, deps) => {
  const { workspaceId, userId } = job.data;
  if ((await liveSocketCount(deps.redis, deps.config.QUEUE_PREFIX, userId)) > 0)
    return { away: false };
  const scope = { workspaceId, actor: { type: 'system' as const } };
  const away = await runOperation(deps.domain, scope, (ctx) =>
    markAwayAfterGrace({ ctx, input: { userId } }),
  );
  // A socket that arrived while we decided found them still online and changed nothing.
  if (away && (await liveSocketCount(deps.redis, deps.config.QUEUE_PREFIX, userId)) > 0) {
    await runOperation(deps.domain, scope, (ctx) => returnFromAutoAway({ ctx, input: { userId } }));
    return { away: false };
  }
  return { away };
};
