import { schema, type Executor } from '@switchboard/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { demo } from '../demo';
import type { HistoryAgent } from './types';

/** What the history needs to know about the seeded demo workspace. */
export interface DemoFacts {
  timeZone: string;
  company: string;
  agents: [HistoryAgent, HistoryAgent];
  supportTeamId: string | null;
  billingTeamId: string | null;
  billingTagId: string | null;
  billingRule: { id: string; name: string } | null;
  references: Set<string>;
}

/** Null when the workspace or its two demo agents are missing: then there is no history. */
export async function demoFacts(db: Executor, workspaceId: string): Promise<DemoFacts | null> {
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

/** The workspace's zone if the runtime knows it, else UTC (a bad setting must not stop start). */
function validZone(zone: string | undefined): string {
  try {
    if (zone) new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone ?? 'UTC';
  } catch {
    return 'UTC';
  }
}
