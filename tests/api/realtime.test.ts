import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRealtime } from './realtime-client';
import WebSocket from 'ws';
import { incomingSms } from './fixtures';
import { smsScenario, waitForWaitingConversation, type SmsScenario } from './support';

let system: TestSystem;
let scenario: SmsScenario;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await smsScenario(system);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await system.stop();
});

/** A signed-in user's websocket, collecting every hint it receives. */
async function listen(email: string) {
  const { socket, hints } = await openRealtime(system.apiUrl, email);
  sockets.push(socket);
  return hints;
}

describe('realtime hints', () => {
  it("reach the team's agents when a text arrives and when a colleague accepts it, and nobody else", async () => {
    const colleague = await system.make.user(scenario.workspaceId, { name: 'Colleague' });
    const [team] = await system.db
      .sql`select team_id from team_members where user_id = ${scenario.agent.id}`;
    await system.make.member(scenario.workspaceId, team?.team_id as string, colleague.id);
    const otherTeamAgent = await system.make.user(scenario.workspaceId);
    await system.make.member(
      scenario.workspaceId,
      (await system.make.team(scenario.workspaceId)).id,
      otherTeamAgent.id,
    );
    const stranger = await system.make.user((await system.make.workspace()).id, {
      role: 'supervisor',
    });

    const mine = await listen(scenario.agent.email);
    const colleagues = await listen(colleague.email);
    const otherTeam = await listen(otherTeamAgent.email);
    const strangers = await listen(stranger.email);

    await system.postTwilio(
      `/webhooks/twilio/${scenario.inbox.id}`,
      incomingSms({
        accountSid: system.twilioAccount.accountSid,
        from: '+15005550601',
        to: scenario.inbox.address,
        body: 'Live?',
      }),
      system.twilioAccount.authToken,
    );
    const conversation = await waitForWaitingConversation(scenario.client, '+15005550601');
    const about = (hints: typeof mine, type: string) =>
      hints.some((hint) => hint.type === type && hint.conversationId === conversation.id);
    await waitFor(
      async () => about(mine, 'message.created') && about(colleagues, 'message.created'),
      {
        what: 'message.created at both agents',
      },
    );

    const before = colleagues.length;
    await scenario.client(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    await waitFor(
      async () => colleagues.slice(before).some((hint) => hint.type === 'conversation.updated'),
      {
        what: 'the colleague to hear about the accept',
      },
    );

    expect(otherTeam.filter((hint) => hint.type !== 'hello')).toEqual([]);
    expect(strangers.filter((hint) => hint.type !== 'hello')).toEqual([]);
  });

  it('closes an unauthenticated socket', async () => {
    const socket = new WebSocket(`${system.apiUrl.replace('http', 'ws')}/api/v1/realtime`);
    const code = await new Promise<number>((resolve) =>
      socket.on('close', (closeCode) => resolve(closeCode)),
    );
    expect(code).toBe(4401);
  });
});
