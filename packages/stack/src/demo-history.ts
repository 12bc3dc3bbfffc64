import { randomUUID } from 'node:crypto';
import { schema, type Database, type Executor, type IdentityKind } from '@switchboard/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { demo } from './demo';
import {
  planHistory,
  type HistoryAgent,
  type HistoryChannel,
  type HistoryPlan,
} from './demo-history-plan';
import type { SeededDemo } from './seed-demo';

export interface DemoHistoryResult {
  /** False when the history was already there (or the demo lacks its agents): nothing added. */
  added: boolean;
  contacts: number;
  conversations: number;
  messages: number;
}

const NOTHING: DemoHistoryResult = { added: false, contacts: 0, conversations: 0, messages: 0 };
// Below Postgres' 65,535 parameters per statement with room to spare.
const CHUNK = 500;

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
    return insertPlan(tx, seeded, facts, plan);
  });
}

interface DemoFacts {
  timeZone: string;
  company: string;
  agents: [HistoryAgent, HistoryAgent];
  supportTeamId: string | null;
  billingTeamId: string | null;
  billingTagId: string | null;
  billingRule: { id: string; name: string } | null;
  references: Set<string>;
}

async function demoFacts(db: Executor, workspaceId: string): Promise<DemoFacts | null> {
  const [workspace] = await db
    .select({ name: schema.workspaces.name, settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  if (!workspace) return null;
  const agentEmails = demo.users.filter((user) => user.role === 'agent').map((user) => user.email);
  const users = await db
    .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
    .from(schema.users)
    .where(
      and(eq(schema.users.workspaceId, workspaceId), inArray(schema.users.email, agentEmails)),
    );
  const agents = agentEmails.map((email) => users.find((user) => user.email === email));
  const [agent1, agent2] = agents;
  if (!agent1 || !agent2) return null;
  const teams = await db
    .select({ id: schema.teams.id, name: schema.teams.name })
    .from(schema.teams)
    .where(eq(schema.teams.workspaceId, workspaceId));
  const teamId = (name: string) => teams.find((team) => team.name === name)?.id ?? null;
  const [tag] = await db
    .select({ id: schema.tags.id })
    .from(schema.tags)
    .where(
      and(eq(schema.tags.workspaceId, workspaceId), sql`lower(${schema.tags.name}) = 'billing'`),
    );
  const [rule] = await db
    .select({ id: schema.routingRules.id, name: schema.routingRules.name })
    .from(schema.routingRules)
    .where(
      and(
        eq(schema.routingRules.workspaceId, workspaceId),
        eq(schema.routingRules.name, 'Billing questions'),
      ),
    );
  const references = await db
    .select({ reference: schema.conversations.reference })
    .from(schema.conversations)
    .where(eq(schema.conversations.workspaceId, workspaceId));
  return {
    timeZone: validZone(workspace.settings.timeZone),
    company: workspace.name,
    agents: [agent1, agent2],
    supportTeamId: teamId(demo.teamName),
    billingTeamId: teamId(demo.billingTeamName),
    billingTagId: tag?.id ?? null,
    billingRule: rule ?? null,
    references: new Set(references.map((row) => row.reference)),
  };
}

function validZone(zone: string | undefined): string {
  try {
    if (zone) new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone ?? 'UTC';
  } catch {
    return 'UTC';
  }
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

const IDENTITY_KIND: Record<HistoryChannel, IdentityKind> = {
  sms_twilio: 'phone',
  whatsapp_twilio: 'whatsapp',
  whatsapp_cloud: 'whatsapp',
  email: 'email',
};

async function insertPlan(
  db: Executor,
  seeded: Pick<SeededDemo, 'workspaceId' | 'inboxes'>,
  facts: DemoFacts,
  plan: HistoryPlan,
): Promise<DemoHistoryResult> {
  const { workspaceId } = seeded;
  const inboxOf: Record<HistoryChannel, string> = {
    sms_twilio: seeded.inboxes.sms,
    whatsapp_twilio: seeded.inboxes.whatsappTwilio,
    whatsapp_cloud: seeded.inboxes.whatsappCloud,
    email: seeded.inboxes.email,
  };

  // Only customers who wrote are stored, each with the identities of the channels they used.
  const used = new Map<number, { id: string; since: Date; kinds: Set<IdentityKind> }>();
  for (const conversation of plan.conversations) {
    const entry = used.get(conversation.contact) ?? {
      id: randomUUID(),
      since: conversation.createdAt,
      kinds: new Set<IdentityKind>(),
    };
    entry.kinds.add(IDENTITY_KIND[conversation.channel]);
    used.set(conversation.contact, entry);
  }
  const contactRows = [...used].map(([index, entry]) => {
    const contact = plan.contacts[index]!;
    return {
      id: entry.id,
      workspaceId,
      name: contact.name,
      country: contact.country,
      language: contact.language,
      createdAt: entry.since,
      updatedAt: entry.since,
    };
  });
  const identityRows = [...used].flatMap(([index, entry]) => {
    const contact = plan.contacts[index]!;
    return [...entry.kinds].map((kind) => ({
      workspaceId,
      contactId: entry.id,
      kind,
      address: kind === 'email' ? contact.email : contact.phone,
      // What the channel would report: WhatsApp's profile name, the mail's display name.
      displayName: kind === 'phone' ? null : contact.name,
      createdAt: entry.since,
    }));
  });

  const ids = plan.conversations.map(() => randomUUID());
  const conversationRows = plan.conversations.map((conversation, index) => ({
    id: ids[index]!,
    workspaceId,
    inboxId: inboxOf[conversation.channel],
    contactId: used.get(conversation.contact)!.id,
    reference: conversation.reference,
    status: 'closed' as const,
    phase: 'in_progress' as const,
    outcome: conversation.outcome,
    assigneeId: conversation.agentId,
    lastAssigneeId: conversation.agentId,
    teamId: conversation.billing
      ? (facts.billingTeamId ?? facts.supportTeamId)
      : facts.supportTeamId,
    // A transfer counts as both: a harder problem, and not solved in the first contact.
    escalationCount: conversation.transferCount,
    transferCount: conversation.transferCount,
    // The billing rule raises priority, as it does live.
    priority: conversation.billing ? 1 : 0,
    previousConversationId: conversation.previous === null ? null : ids[conversation.previous]!,
    lastMessagePreview: conversation.lastMessagePreview,
    lastMessageAt: conversation.lastMessageAt,
    unreadCount: 0,
    version: conversation.messages.length + 1,
    createdAt: conversation.createdAt,
    updatedAt: conversation.closedAt,
    queuedAt: conversation.createdAt,
    firstAssignedAt: conversation.firstAssignedAt,
    firstResponseAt: conversation.firstResponseAt,
    lastInboundAt: conversation.lastInboundAt,
    lastOutboundAt: conversation.lastOutboundAt,
    closedAt: conversation.closedAt,
    reopenCount: conversation.reopenCount,
    receivedOffline: conversation.receivedOffline,
  }));
  const tagRows = facts.billingTagId
    ? plan.conversations.flatMap((conversation, index) =>
        conversation.billing
          ? [
              {
                workspaceId,
                conversationId: ids[index]!,
                tagId: facts.billingTagId!,
                createdAt: conversation.createdAt,
              },
            ]
          : [],
      )
    : [];
  const participantRows = plan.conversations.flatMap((conversation, index) =>
    conversation.participants.map((participant) => ({
      workspaceId,
      conversationId: ids[index]!,
      userId: participant.userId,
      joinedAt: participant.joinedAt,
    })),
  );
  const messageRows = plan.conversations.flatMap((conversation, index) =>
    conversation.messages.map((message) => ({
      workspaceId,
      conversationId: ids[index]!,
      inboxId: inboxOf[conversation.channel],
      channel: message.kind === 'message' ? conversation.channel : null,
      direction: message.direction,
      kind: message.kind,
      authorUserId: message.authorUserId,
      authorContactId: message.fromCustomer ? used.get(conversation.contact)!.id : null,
      text: message.text,
      activity: message.activity,
      status: message.status,
      emailSubject: message.emailSubject,
      metadata: message.automatic ? { autoReply: 'offline', automatic: true } : {},
      occurredAt: message.at,
      // Next replies are summarized by when they were sent: `created_at`.
      createdAt: message.at,
      updatedAt: message.at,
      responseMs: message.responseMs,
    })),
  );

  await inChunks(contactRows, (rows) => db.insert(schema.contacts).values(rows));
  await inChunks(identityRows, (rows) => db.insert(schema.contactIdentities).values(rows));
  await inChunks(conversationRows, (rows) => db.insert(schema.conversations).values(rows));
  await inChunks(tagRows, (rows) => db.insert(schema.conversationTags).values(rows));
  await inChunks(participantRows, (rows) =>
    db.insert(schema.conversationParticipants).values(rows),
  );
  await inChunks(messageRows, (rows) => db.insert(schema.messages).values(rows));
  return {
    added: true,
    contacts: contactRows.length,
    conversations: conversationRows.length,
    messages: messageRows.length,
  };
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await insert(rows.slice(start, start + CHUNK));
  }
}
