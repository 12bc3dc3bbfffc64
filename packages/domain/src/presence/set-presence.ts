import type { Presence } from '@switchboard/db';
import { requireUser, type Ctx } from '../context';
import { writePresence } from './write';

/** The signed-in user chooses their presence. Going online starts assignment for their teams. */
export async function setPresence({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { presence: Presence };
}): Promise<{ presence: Presence }> {
  const user = requireUser(ctx.actor);
  await writePresence(ctx, user.id, { presence: input.presence, auto: false });
  return { presence: input.presence };
}
