import { schema, type Executor } from '@switchboard/db';
import type { SeededDemo } from '../seed-demo';
import { contactRows } from './contact-rows';
import { conversationRows } from './conversation-rows';
import type { DemoFacts } from './demo-facts';
import type { HistoryPlan } from './types';

// Below Postgres' 65,535 parameters per statement with room to spare.
const CHUNK = 500;

/** Stores the plan, parents before children; returns how many rows of each it added. */
export async function insertPlan(
  db: Executor,
  seeded: Pick<SeededDemo, 'workspaceId' | 'inboxes'>,
  facts: DemoFacts,
  plan: HistoryPlan,
): Promise<{ contacts: number; conversations: number; messages: number }> {
  const customers = contactRows(seeded.workspaceId, plan);
  const rows = conversationRows(seeded, facts, plan, customers.idOf);

  await inChunks(customers.contacts, (chunk) => db.insert(schema.contacts).values(chunk));
  await inChunks(customers.identities, (chunk) =>
    db.insert(schema.contactIdentities).values(chunk),
  );
  await inChunks(rows.conversations, (chunk) => db.insert(schema.conversations).values(chunk));
  await inChunks(rows.tags, (chunk) => db.insert(schema.conversationTags).values(chunk));
  await inChunks(rows.participants, (chunk) =>
    db.insert(schema.conversationParticipants).values(chunk),
  );
  await inChunks(rows.messages, (chunk) => db.insert(schema.messages).values(chunk));
  return {
    contacts: customers.contacts.length,
    conversations: rows.conversations.length,
    messages: rows.messages.length,
  };
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await insert(rows.slice(start, start + CHUNK));
  }
}
