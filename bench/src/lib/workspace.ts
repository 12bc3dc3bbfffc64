import type { BenchStack } from './stack';
import { newMessageSid, type TwilioInbox } from './twilio-client';

export interface BenchWorkspace {
  workspaceId: string;
  teamId: string;
  inbox: TwilioInbox;
  agents: Array<{ id: string; email: string }>;
}

/**
 * A workspace as a support team would have it: one SMS inbox feeding one manual team of online
 * agents (so routing, the attending check and the auto-reply decision all run).
 */
export async function benchWorkspace(stack: BenchStack, agentCount: number) {
  const workspace = await stack.make.workspace({ name: 'Bench' });
  const team = await stack.make.team(workspace.id, { name: 'Support' });
  const accountSid = newMessageSid().replace(/^SM/, 'AC');
  const authToken = 'bench-twilio-token';
  const inbox = await stack.make.smsInbox(workspace.id, {
    defaultTeamId: team.id,
    externalId: accountSid,
    credentials: { accountSid, authToken },
  });
  const agents = [];
  for (let index = 0; index < agentCount; index++) {
    const user = await stack.make.user(workspace.id, {
      name: `Agent ${index + 1}`,
      email: `agent${index + 1}@bench.test`,
    });
    await stack.make.member(workspace.id, team.id, user.id);
    agents.push({ id: user.id, email: user.email });
  }
  return {
    workspaceId: workspace.id,
    teamId: team.id,
    inbox: { id: inbox.id, address: inbox.address, accountSid, authToken },
    agents,
  } satisfies BenchWorkspace;
}

/** `count` customer phone numbers, stable across runs. */
export const customerNumbers = (count: number) =>
  Array.from({ length: count }, (_, index) => `+1202${String(5_000_000 + index).padStart(7, '0')}`);
