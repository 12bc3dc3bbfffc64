import { runAssignment } from '@switchboard/domain';
import type { Processor } from '../processor';

/**
 * Hands a team's waiting conversations to its online agents. Any number of these may run in
 * any number of workers: each assignment happens under the workspace's assignment lock.
 */
export const assignmentRun: Processor<'assignment.run'> = async (job, deps) => {
  const result = await runAssignment(deps.domain, job.data);
  // Stopped to let other teams' runs in, with work left: ask again.
  if (result.more) await deps.enqueuer.enqueue('assignment.run', job.data);
  return result;
};
