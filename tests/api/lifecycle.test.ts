import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let workspaceId: string;
let inboxId: string;
let teamId: string;
let ana: { id: string; email: string };
let bruno: { id: string; email: string };
let outsider: { id: string; email: string };
let phone = 300;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  workspaceId = (await system.make.workspace()).id;
  teamId = (await system.make.team(workspaceId)).id;
  ana = await system.make.user(workspaceId, { name: 'Ana' });
  bruno = await system.make.user(workspaceId, { name: 'Bruno' });
  outsider = await system.make.user(workspaceId, { name: 'Other team' });
  await system.make.member(workspaceId, teamId, ana.id);
  await system.make.member(workspaceId, teamId, bruno.id);
  await system.make.member(workspaceId, (await system.make.team(workspaceId)).id, outsider.id);
  inboxId = (await system.make.smsInbox(workspaceId, { defaultTeamId: teamId })).id;
});
afterAll(() => system.stop());

async function waitingConversation() {
  const contact = await system.make.contact(workspaceId, {
    kind: 'phone',
    address: `+1500555${phone++}`,
  });
  return system.make.conversation({
    workspaceId,
    inboxId,
    contactId: contact.id,
    teamId,
    reference: `SB-T${phone}`,
  });
}

describe('conversation lifecycle', () => {
  it('lets one agent accept a waiting conversation and tells the second it is taken', async () => {
    const conversation = await waitingConversation();
    const [anaClient, brunoClient] = [
      await system.signIn(ana.email),
      await system.signIn(bruno.email),
    ];
    const [first, second] = await Promise.all([
      anaClient(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' }),
      brunoClient(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(200);
    // The loser either sees it no longer waiting (409) or no longer visible to them (404).
    expect([404, 409]).toContain(statuses[1]);
    const winner = await json(first.status === 200 ? first : second);
    expect(winner).toMatchObject({ status: 'open' });
    expect([ana.id, bruno.id]).toContain(winner.assignee.id);
  });

  it("keeps a team's queue out of other teams' agents' view", async () => {
    const conversation = await waitingConversation();
    const client = await system.signIn(outsider.email);
    expect((await client(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
    const waiting = await json(await client('/api/v1/conversations?tab=waiting'));
    expect(waiting.items.map((item: { id: string }) => item.id)).not.toContain(conversation.id);
  });

  it('closes with an outcome, shows it in Closed, and reopens it to the agent', async () => {
    const conversation = await waitingConversation();
    const client = await system.signIn(ana.email);
    await client(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });

    const closed = await client(`/api/v1/conversations/${conversation.id}/close`, {
      body: { outcome: 'resolved' },
    });
    expect(closed.status).toBe(200);
    expect(await json(closed)).toMatchObject({ status: 'closed', outcome: 'resolved' });
    const closedTab = await json(await client('/api/v1/conversations?tab=closed'));
    expect(closedTab.items.map((item: { id: string }) => item.id)).toContain(conversation.id);

    const again = await client(`/api/v1/conversations/${conversation.id}/close`, {
      body: { outcome: 'resolved' },
    });
    expect(again.status).toBe(409);

    const reopened = await client(`/api/v1/conversations/${conversation.id}/reopen`, {
      method: 'POST',
    });
    expect(await json(reopened)).toMatchObject({
      status: 'open',
      outcome: null,
      assignee: { id: ana.id },
    });

    const thread = await json(await client(`/api/v1/conversations/${conversation.id}/messages`));
    const activity = thread.items
      .filter((item: { kind: string }) => item.kind === 'activity')
      .map((item: { activity: { type: string } }) => item.activity.type);
    expect(activity).toEqual(['accepted', 'closed', 'reopened']);
  });

  it("does not let an agent close another agent's open conversation", async () => {
    const conversation = await waitingConversation();
    await (
      await system.signIn(ana.email)
    )(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    const response = await (
      await system.signIn(bruno.email)
    )(`/api/v1/conversations/${conversation.id}/close`, {
      body: { outcome: 'resolved' },
    });
    // Bruno cannot even see Ana's open conversation.
    expect(response.status).toBe(404);
  });

  it('rejects an unknown outcome and a malformed id with 400', async () => {
    const client = await system.signIn(ana.email);
    const conversation = await waitingConversation();
    const badOutcome = await client(`/api/v1/conversations/${conversation.id}/close`, {
      body: { outcome: 'vanished' },
    });
    expect(badOutcome.status).toBe(400);
    const badId = await client('/api/v1/conversations/not-a-uuid');
    expect(badId.status).toBe(400);
    expect((await json(badId)).error.code).toBe('invalid_request');
  });

  it('pages the Waiting tab oldest first with a cursor', async () => {
    for (let i = 0; i < 5; i++) await waitingConversation();
    const client = await system.signIn(ana.email);
    const seen: string[] = [];
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: {
        items: Array<{ id: string; waitingSince: string }>;
        nextCursor: string | null;
      } = await json(await client(`/api/v1/conversations?tab=waiting&limit=2${query}`));
      seen.push(...page.items.map((item) => item.waitingSince));
      for (const item of page.items) ids.add(item.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(ids.size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const bad = await client('/api/v1/conversations?tab=waiting&cursor=garbage');
    expect(bad.status).toBe(422);
  });
});
