import type { Ctx } from '../context';
import { Conflict, Invalid } from '../errors';
import { recordActivity } from './activity';
import { requireHolder, requireOpen, updateConversation } from './guards';
import { getConversation, loadConversationForUpdate } from './load';

export const MAX_SNOOZE_DAYS = 30;

/** Puts an open conversation aside until `until`; the scheduler or the customer wakes it. */
export async function snoozeConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; until: string };
}) {
  const until = new Date(input.until);
  const now = Date.now();
  if (Number.isNaN(until.getTime()) || until.getTime() <= now)
    throw Invalid('invalid_snooze', 'Snooze until a time in the future.');
  if (until.getTime() > now + MAX_SNOOZE_DAYS * 86_400_000)
    throw Invalid(
      'invalid_snooze',
      `A conversation can be snoozed for ${MAX_SNOOZE_DAYS} days at most.`,
    );
  const current = await loadConversationForUpdate(ctx, input.id);
  requireOpen(current, 'Only an open conversation can be snoozed.');
  requireHolder(ctx, current, 'snooze it');
  const updated = await updateConversation(ctx, current.id, {
    phase: 'snoozed',
    snoozedUntil: until,
  });
  await recordActivity(ctx, updated, 'snoozed', { until: until.toISOString() });
  return getConversation({ ctx, input });
}

/** Wakes a snoozed conversation by hand: back to in_progress. */
export async function unsnoozeConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const current = await loadConversationForUpdate(ctx, input.id);
  requireOpen(current, 'Only an open conversation can be woken.');
  requireHolder(ctx, current, 'wake it');
  if (current.phase !== 'snoozed')
    throw Conflict('not_snoozed', 'This conversation is not snoozed.');
  const updated = await updateConversation(ctx, current.id, {
    phase: 'in_progress',
    snoozedUntil: null,
  });
  await recordActivity(ctx, updated, 'unsnoozed');
  return getConversation({ ctx, input });
}
