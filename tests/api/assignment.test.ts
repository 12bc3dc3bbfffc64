import { randomBytes } from 'node:crypto';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from './fixtures';
import { json } from './support';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  await system.stop();
});

const phone = () => `+1500${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

/** A workspace with one SMS inbox serving one team, and a way to make its conversations. */
async function workspaceWithTeam(team: { sequenceMode?: boolean } = {}) {
  const workspace = await system.make.workspace();
  const made = await system.make.team(workspace.id, { name: 'Support', ...team });
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: made.id });
  const agent = async (values: { capacity?: number; presence?: 'online' | 'away' } = {}) => {
    const user = await system.make.user(workspace.id, {
      name: `Agent ${randomBytes(2).toString('hex')}`,
      ...values,
    });
    await system.make.member(workspace.id, made.id, user.id);
    return user;
  };
  const conversation = async (
    values: {
      status?: 'waiting' | 'open' | 'closed';
      assigneeId?: string;
      lastAssigneeId?: string;
      waitingSince?: Date;
      closedAt?: Date;
      address?: string;
    } = {},
  ) => {
    const { address = phone(), ...rest } = values;
    const contact = await system.make.contact(workspace.id, { kind: 'phone', address });
    return system.make.conversation({
      workspaceId: workspace.id,
      inboxId: inbox.id,
      contactId: contact.id,
      teamId: made.id,
      reference: `SB-${randomBytes(3).toString('hex').toUpperCase()}`,
      ...(rest.status && rest.status !== 'waiting' ? { waitingSince: null } : {}),
      ...rest,
    });
  };
  return { workspace, team: made, inbox, agent, conversation };
}

async function errorCode(response: Response) {
  return (await json<{ error: { code: string } }>(response)).error.code;
}

describe('accepting a waiting conversation', () => {
  it('refuses an agent who already holds their capacity, and lets them once a slot frees', async () => {
    const scene = await workspaceWithTeam();
    const ana = await scene.agent({ capacity: 2 });
    const held = [
      await scene.conversation({ status: 'open', assigneeId: ana.id }),
      await scene.conversation({ status: 'open', assigneeId: ana.id }),
    ];
    const waiting = await scene.conversation();
    const client = await system.signIn(ana.email);

    const refused = await client(`/api/v1/conversations/${waiting.id}/accept`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('at_capacity');

    const closed = await client(`/api/v1/conversations/${held[0]!.id}/close`, {
      body: { outcome: 'resolved' },
    });
    expect(closed.status).toBe(200);
    const accepted = await client(`/api/v1/conversations/${waiting.id}/accept`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    expect(await json(accepted)).toMatchObject({ status: 'open', assignee: { id: ana.id } });
  });

  it('in sequence mode takes only the oldest waiting conversation of the team', async () => {
    const scene = await workspaceWithTeam({ sequenceMode: true });
    const ana = await scene.agent();
    const oldest = await scene.conversation({ waitingSince: new Date(Date.now() - 60_000) });
    const newer = await scene.conversation({ waitingSince: new Date() });
    const client = await system.signIn(ana.email);

    const refused = await client(`/api/v1/conversations/${newer.id}/accept`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('not_oldest');

    const accepted = await client(`/api/v1/conversations/${oldest.id}/accept`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    // Now the newer one heads the queue.
    const next = await client(`/api/v1/conversations/${newer.id}/accept`, { method: 'POST' });
    expect(next.status).toBe(200);
  });
});

describe('staff assigning a conversation', () => {
  it('gives it to an agent, within their capacity, and only to people of the workspace', async () => {
    const scene = await workspaceWithTeam();
    const ana = await scene.agent({ capacity: 1 });
    const supervisor = await system.make.user(scene.workspace.id, { role: 'supervisor' });
    const first = await scene.conversation();
    const second = await scene.conversation();
    const client = await system.signIn(supervisor.email);

    const assigned = await client(`/api/v1/conversations/${first.id}/assign`, {
      body: { userId: ana.id },
    });
    expect(assigned.status).toBe(200);
    expect(await json(assigned)).toMatchObject({ status: 'open', assignee: { id: ana.id } });
    const thread = await json<{
      items: Array<{ kind: string; activity: { type: string } | null }>;
    }>(await client(`/api/v1/conversations/${first.id}/messages`));
    expect(thread.items.some((m) => m.activity?.type === 'assigned')).toBe(true);

    const full = await client(`/api/v1/conversations/${second.id}/assign`, {
      body: { userId: ana.id },
    });
    expect(full.status).toBe(409);
    expect(await errorCode(full)).toBe('at_capacity');

    const stranger = await system.make.user((await system.make.workspace()).id);
    const elsewhere = await client(`/api/v1/conversations/${second.id}/assign`, {
      body: { userId: stranger.id },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('is refused to agents', async () => {
    const scene = await workspaceWithTeam();
    const ana = await scene.agent();
    const bob = await scene.agent();
    const waiting = await scene.conversation();
    const client = await system.signIn(ana.email);
    const response = await client(`/api/v1/conversations/${waiting.id}/assign`, {
      body: { userId: bob.id },
    });
    expect(response.status).toBe(403);
    const still = await json(await client(`/api/v1/conversations/${waiting.id}`));
    expect(still).toMatchObject({ status: 'waiting', assignee: null });
  });
});

describe('a customer writing again on a closed conversation', () => {
  async function reopenedBy(
    scene: Awaited<ReturnType<typeof workspaceWithTeam>>,
    lastAgentId: string,
  ) {
    const address = phone();
    const closed = await scene.conversation({
      status: 'closed',
      lastAssigneeId: lastAgentId,
      closedAt: new Date(Date.now() - 60_000),
      address,
    });
    const response = await system.postTwilio(
      `/webhooks/twilio/${scene.inbox.id}`,
      incomingSms({
        accountSid: system.twilioAccount.accountSid,
        from: address,
        to: scene.inbox.address,
        body: 'It broke again',
      }),
      system.twilioAccount.authToken,
    );
    expect(response.status).toBe(200);
    return waitFor(
      async () => {
        const [row] = await system.db.sql`
          select status, assignee_id from conversations where id = ${closed.id}`;
        return row && row.status !== 'closed' ? row : null;
      },
      { what: 'the conversation to reopen' },
    );
  }

  it('goes back to its last agent when they are online and have room', async () => {
    const scene = await workspaceWithTeam();
    const ana = await scene.agent({ capacity: 2 });
    expect(await reopenedBy(scene, ana.id)).toMatchObject({ status: 'open', assignee_id: ana.id });
  });

  it('waits in the queue when its last agent is full or away', async () => {
    const scene = await workspaceWithTeam();
    const full = await scene.agent({ capacity: 1 });
    await scene.conversation({ status: 'open', assigneeId: full.id });
    expect(await reopenedBy(scene, full.id)).toMatchObject({
      status: 'waiting',
      assignee_id: null,
    });

    const away = await scene.agent({ presence: 'away' });
    expect(await reopenedBy(scene, away.id)).toMatchObject({
      status: 'waiting',
      assignee_id: null,
    });
  });
});

describe('reopening a closed conversation', () => {
  it('refuses an agent who already holds their capacity, like accepting', async () => {
    const scene = await workspaceWithTeam();
    const ana = await scene.agent({ capacity: 1 });
    const held = await scene.conversation({ status: 'open', assigneeId: ana.id });
    const closed = await scene.conversation({
      status: 'closed',
      lastAssigneeId: ana.id,
      closedAt: new Date(Date.now() - 60_000),
    });
    await system.db.sql`
      insert into conversation_participants (workspace_id, conversation_id, user_id)
      values (${scene.workspace.id}, ${closed.id}, ${ana.id})`;
    const client = await system.signIn(ana.email);

    const refused = await client(`/api/v1/conversations/${closed.id}/reopen`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('at_capacity');
    const still = await json(await client(`/api/v1/conversations/${closed.id}`));
    expect(still).toMatchObject({ status: 'closed' });

    await client(`/api/v1/conversations/${held.id}/close`, { body: { outcome: 'resolved' } });
    const reopened = await client(`/api/v1/conversations/${closed.id}/reopen`, { method: 'POST' });
    expect(reopened.status).toBe(200);
    expect(await json(reopened)).toMatchObject({ status: 'open', assignee: { id: ana.id } });
  });
});

describe('agents accepting while the worker hands out the same queue', () => {
  it('never deadlocks: no accept fails with 500, and the queue empties', async () => {
    const scene = await workspaceWithTeam();
    await scene.agent({ capacity: 100 });
    const bob = await scene.agent({ capacity: 100 });
    const admin = await system.make.user(scene.workspace.id, { role: 'admin' });
    const adminClient = await system.signIn(admin.email);
    const bobClient = await system.signIn(bob.email);

    for (let round = 0; round < 2; round++) {
      const waiting = [];
      for (let i = 0; i < 40; i++)
        waiting.push(
          await scene.conversation({ waitingSince: new Date(Date.now() - (60 - i) * 1000) }),
        );
      // Switching the team to an automatic mode starts a run over its queue, while Bob
      // accepts the same conversations from its head.
      const switched = await adminClient(`/api/v1/teams/${scene.team.id}`, {
        method: 'PATCH',
        body: { assignmentMode: round === 0 ? 'round_robin' : 'least_busy' },
      });
      expect(switched.status).toBe(200);
      const accepts = waiting.map((conversation) =>
        bobClient(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' }),
      );
      const statuses = (await Promise.all(accepts)).map((response) => response.status);
      // 404: the worker gave it to the other agent first, and Bob no longer sees it.
      expect(statuses.filter((status) => ![200, 404, 409].includes(status))).toEqual([]);
      await waitFor(
        async () => {
          const [row] = await system.db.sql`
            select count(*)::int as n from conversations
            where team_id = ${scene.team.id} and status = 'waiting'`;
          return row?.n === 0 ? true : null;
        },
        { what: 'the queue to empty' },
      );
      await adminClient(`/api/v1/teams/${scene.team.id}`, {
        method: 'PATCH',
        body: { assignmentMode: 'manual' },
      });
    }
  });
});
