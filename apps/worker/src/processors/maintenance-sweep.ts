import {
  closeIdleConversations,
  findInboxesWithStaleTemplates,
  findPendingInboundEvents,
  findStrandedOutbound,
  findTeamsWithWaitingWork,
  refreshAllStaleHours,
  wakeSnoozedConversations,
} from '@switchboard/domain';
import type { Processor } from '../processor';

/** Grace periods before work counts as lost rather than merely in flight. */
const INBOUND_GRACE_SECONDS = 30;
const OUTBOUND_GRACE_SECONDS = 60;
/** Templates change rarely (approval takes hours): hourly is fresh enough, and agents can refresh. */
const TEMPLATES_MAX_AGE_SECONDS = 3600;

/**
 * Finds what was stored but whose job vanished (Redis restarted, a crash between commit and
 * enqueue) and queues it again. Processing is idempotent, so a second run is harmless.
 */
export const maintenanceSweep: Processor<'maintenance.sweep'> = async (_job, deps) => {
  const events = await findPendingInboundEvents(deps.database.db, INBOUND_GRACE_SECONDS);
  for (const job of events) await deps.enqueuer.revive('inbound.process', job);
  const messages = await findStrandedOutbound(deps.database.db, OUTBOUND_GRACE_SECONDS);
  for (const messageId of messages) await deps.enqueuer.revive('outbound.send', { messageId });
  const inboxes = await findInboxesWithStaleTemplates(deps.database.db, TEMPLATES_MAX_AGE_SECONDS);
  const hour = Math.floor(Date.now() / 3_600_000);
  for (const inboxId of inboxes) await deps.enqueuer.enqueue('templates.sync', { inboxId, hour });
  // Time-based changes: batch-limited and idempotent, the next sweep takes what is left.
  const woken = await wakeSnoozedConversations(deps.domain);
  const idleClosed = await closeIdleConversations(deps.domain);
  // Automatic teams with people still waiting: a lost request must not strand them.
  const teams = await findTeamsWithWaitingWork(deps.database.db);
  for (const team of teams) await deps.enqueuer.enqueue('assignment.run', team);
  // Last: after a bulk import this can take a while, and nothing above should wait for it.
  const indicatorWorkspaces = await refreshAllStaleHours(deps.domain);
  return {
    events: events.length,
    messages: messages.length,
    templateInboxes: inboxes.length,
    woken,
    idleClosed,
    assignmentRuns: teams.length,
    indicatorWorkspaces,
  };
};
