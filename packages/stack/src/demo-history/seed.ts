import { schema, type Database, type Executor } from '@switchboard/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SeededDemo } from '../seed-demo';
import { demoFacts } from './demo-facts';
import { insertPlan } from './insert-plan';
import { planHistory } from './plan';
import type { HistoryPlan } from './types';

export interface DemoHistoryResult {
  /** False when the history was already there (or the demo lacks its agents): nothing added. */
  added: boolean;
  contacts: number;
  conversations: number;
  messages: number;
}

const NOTHING: DemoHistoryResult = { added: false, contacts: 0, conversations: 0, messages: 0 };

/**
 * Gives the demo workspace a month of past conversations (the 30 local days before today,
 * all closed), so the supervisor's indicators show real charts on a fresh demo. Added once:
 * a later start finds the history's customers and adds nothing.
 */
export async function seedDemoHistory(
  db: Database,
  seeded: Pick<SeededDemo, 'workspaceId' | 'inboxes'>,
  options: { now?: Date } = {},
): Promise<DemoHistoryResult> {
  return db.transaction(async (tx) => {
    // Two starts at once: the second waits, then finds the history and adds nothing.
    await tx.execute(sql`select pg_advisory_xact_lock(7242003)`);
    const facts = await demoFacts(tx, seeded.workspaceId);
    if (!facts) return NOTHING;
    const plan = planHistory({
      now: options.now ?? new Date(),
      timeZone: facts.timeZone,
      agents: facts.agents,
      billingRule: {
        name: facts.billingRule?.name ?? 'Billing questions',
        id: facts.billingRule?.id ?? null,
        teamId: facts.billingTeamId,
      },
      takenReferences: facts.references,
      company: facts.company,
    });
    if (await alreadySeeded(tx, seeded.workspaceId, plan)) return NOTHING;
    return { added: true, ...(await insertPlan(tx, seeded, facts, plan)) };
  });
}

/** The history's customers already have their identities: it was seeded before. */
async function alreadySeeded(db: Executor, workspaceId: string, plan: HistoryPlan) {
  const addresses = plan.contacts.flatMap((contact) => [contact.phone, contact.email]);
  const [found] = await db
    .select({ id: schema.contactIdentities.id })
    .from(schema.contactIdentities)
    .where(
      and(
        eq(schema.contactIdentities.workspaceId, workspaceId),
        inArray(schema.contactIdentities.address, addresses),
      ),
    )
    .limit(1);
  return found !== undefined;
}
