import { schema } from '@switchboard/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Conflict } from '../errors';
import { addNote, cleanText } from '../messages/send-reply';
import { recordActivity } from './activity';
import { requireHolder, requireOpen, updateConversation } from './guards';
import { getConversation, loadConversationForUpdate } from './load';

const c = schema.conversations;

/** The agent asks for help: phase needs_help, so the team (and staff) may join. An escalation. */
export async function requestHelp({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; note?: string | undefined };
}) {
  const current = await loadConversationForUpdate(ctx, input.id);
  requireOpen(current, 'Only an open conversation can ask for help.');
  requireHolder(ctx, current, 'ask for help');
  if (current.phase === 'needs_help')
    throw Conflict('already_needs_help', 'Help has already been requested.');
  const note = input.note ? cleanText(input.note, { allowEmpty: true }) : '';
  if (note) await addNote(ctx, current.id, note);
  const updated = await updateConversation(ctx, current.id, {
    phase: 'needs_help',
    snoozedUntil: null,
    escalationCount: sql`${c.escalationCount} + 1`,
  });
  await recordActivity(ctx, updated, 'help_requested');
  return getConversation({ ctx, input });
}
