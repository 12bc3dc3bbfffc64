import { CHANNEL_WEIGHTS, CONTACT_POOL, contactPool } from './contacts';
import { planConversation } from './conversation-plan';
import { MIN } from './durations';
import { localDay, localMidnight, zonedTime, type LocalDay } from './local-time';
import { Random } from './random';
import { referenceMaker } from './references';
import type { HistoryPlan, PlanInput, PlannedConversation } from './types';

/*
 * The demo's last 30 days as plain data: who wrote, on which channel, who answered and when.
 * Pure and deterministic (seeded generators), so every fresh demo shows the same month and
 * tests can reason about it; seed.ts turns the plan into rows.
 */

export const HISTORY_DAYS = 30;

/** Conversations per local hour: busy late mornings and afternoons, a few at night. */
const HOUR_WEIGHTS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 3, 6, 8, 9, 8, 6, 6, 7, 8, 7, 5, 4, 1.2, 0.8, 0.5,
];
const PEAK_HOURS = new Set([10, 11, 12, 16, 17]);

export function planHistory(input: PlanInput): HistoryPlan {
  // Separate generators: the customers stay the same whatever else changes (a later start
  // recognises the history by them), and a reference redrawn around a taken one does not
  // shift the rest of the month.
  const contacts = contactPool(new Random(0x5eed_c0de));
  const references = referenceMaker(new Random(0x5eed_4ef5), input.takenReferences);
  const random = new Random(0x5eed_da7a);
  const todayStart = localMidnight(input.now, input.timeZone, 0);
  // Nothing of the history lands today, so today's figures are the live demo's own.
  const limit = todayStart.getTime() - MIN;
  const conversations: PlannedConversation[] = [];
  // Per customer and channel, the index of their latest conversation.
  const lastIn = new Map<string, number>();

  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const day = localDay(input.now, input.timeZone, back);
    for (const start of dayStarts(random, day, input.timeZone)) {
      // A few regulars write more often than the rest.
      const contact = random.chance(0.1) ? random.int(0, 14) : random.int(0, CONTACT_POOL - 1);
      const channel = random.chance(0.8)
        ? contacts.preferred[contact]!
        : random.weighted(CHANNEL_WEIGHTS);
      const key = `${contact}:${channel}`;
      const before = lastIn.get(key);
      const conversation = planConversation(random, input, {
        createdAt: start.at,
        limit,
        peak: PEAK_HOURS.has(start.hour),
        // Support's hours are Monday to Friday, 09:00–18:00.
        offline: isWeekend(day) || start.hour < 9 || start.hour >= 18,
        night: start.hour < 8 || start.hour >= 20,
        contact,
        customer: contacts.list[contact]!,
        channel,
        reference: references(),
      });
      conversation.previous =
        before !== undefined && conversations[before]!.closedAt.getTime() < start.at
          ? before
          : null;
      lastIn.set(key, conversations.length);
      conversations.push(conversation);
    }
  }
  return { contacts: contacts.list, conversations };
}

/** When the day's conversations begin, in order: fewer on weekends, most in busy hours. */
function dayStarts(random: Random, day: LocalDay, timeZone: string) {
  const count = isWeekend(day) ? random.int(12, 18) : random.int(26, 32);
  return Array.from({ length: count }, () => {
    const hour = random.weighted(HOUR_WEIGHTS.map((weight, index) => [index, weight]));
    const at = zonedTime(day, hour, random.int(0, 59), random.int(0, 59), timeZone);
    return { at, hour };
  }).sort((a, b) => a.at - b.at);
}

function isWeekend(day: LocalDay): boolean {
  return day.weekday === 0 || day.weekday === 6;
}
