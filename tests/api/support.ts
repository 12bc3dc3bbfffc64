import { waitFor, type ApiClient, type TestSystem } from '@switchboard/stack/testing';

export interface SmsScenario {
  workspaceId: string;
  inbox: { id: string; address: string };
  agent: { id: string; email: string };
  client: ApiClient;
}

/** A workspace with one SMS inbox routed to a team that has one signed-in agent. */
export async function smsScenario(
  system: TestSystem,
  agentValues: { name?: string } = {},
): Promise<SmsScenario> {
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id, { name: 'Support' });
  const agent = await system.make.user(workspace.id, { name: agentValues.name ?? 'Ana Agent' });
  await system.make.member(workspace.id, team.id, agent.id);
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
  return { workspaceId: workspace.id, inbox, agent, client: await system.signIn(agent.email) };
}

export async function json<T = Record<string, any>>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Expected JSON, got ${response.status}: ${text.slice(0, 200)}`);
  }
}

/** Waits until the waiting tab shows a conversation from this phone number, and returns it. */
export function waitForWaitingConversation(client: ApiClient, phone: string) {
  return waitFor(
    async () => {
      const page = await json<{
        items: Array<{
          id: string;
          contact: { id: string; name: string | null; identities: Array<{ address: string }> };
        }>;
      }>(await client('/api/v1/conversations?tab=waiting&limit=100'));
      return page.items.find((item) =>
        item.contact.identities.some((identity) => identity.address === phone),
      );
    },
    { what: `a waiting conversation from ${phone}` },
  );
}
