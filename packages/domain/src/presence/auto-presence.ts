import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { writePresence } from './write';

const u = schema.users;

/**
 * Every socket of an online user stayed gone for the grace period: they are away, marked as
 * set by Switchboard so their next socket brings them back. A choice they made is left alone.
 */
export function markAwayAfterGrace({ ctx, input }: { ctx: Ctx; input: { userId: string } }) {
  return writePresence(ctx, input.userId, {
    presence: 'away',
    auto: true,
    onlyIf: eq(u.presence, 'online'),
  });
}

/** A socket is back for a user Switchboard had set away: online again, and ready for work. */
export function returnFromAutoAway({ ctx, input }: { ctx: Ctx; input: { userId: string } }) {
  return writePresence(ctx, input.userId, {
    presence: 'online',
    auto: false,
    onlyIf: and(eq(u.presence, 'away'), eq(u.presenceAuto, true)),
  });
}
