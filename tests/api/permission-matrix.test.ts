import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Who may do what to a conversation, enforced by the API. Every case gets a fresh
 * conversation in the state the action needs, so the status answers "may this person do
 * it", never "is the conversation in the right state".
 */

const principals = [
  'teamAgent',
  'otherTeamAgent',
  'supervisor',
  'admin',
  'otherWorkspace',
  'anonymous',
] as const;
type Principal = (typeof principals)[number];

type State = 'waiting' | 'open' | 'needs_help' | 'snoozed' | 'closed';

interface Case {
  action: string;
  /** The conversation the action needs; for open ones the team agent holds it. */
  state: State;
  request: (id: string) => { method: string; path: string; body?: unknown };
  /** Expected status for: team agent, agent of another team, supervisor, admin, user of another workspace, anonymous. */
  expected: [number, number, number, number, number, number];
}

let system: TestSystem;
let workspaceId: string;
let teamId: string;
let inboxId: string;
let otherTeamId: string;
let tagId: string;
let users: Record<'teamAgent' | 'teammate' | 'guest', { id: string; email: string }>;
let clients: Record<Exclude<Principal, 'anonymous'> | 'guest', ApiClient>;
let phone = 2000;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  workspaceId = (await system.make.workspace()).id;
  teamId = (await system.make.team(workspaceId, { name: 'Support' })).id;
  otherTeamId = (await system.make.team(workspaceId, { name: 'Billing' })).id;
  inboxId = (await system.make.smsInbox(workspaceId, { defaultTeamId: teamId })).id;
  // Transcripts leave by email: the workspace needs an email inbox.
  await system.emailInbox(workspaceId, { defaultTeamId: teamId });
  const roomy = { capacity: 10_000 };
  const teamAgent = await system.make.user(workspaceId, { name: 'Ana', ...roomy });
  const teammate = await system.make.user(workspaceId, { name: 'Teo', ...roomy });
  const guest = await system.make.user(workspaceId, { name: 'Gina', ...roomy });
  const otherTeamAgent = await system.make.user(workspaceId, { name: 'Olga', ...roomy });
  const supervisor = await system.make.user(workspaceId, { role: 'supervisor', ...roomy });
  const admin = await system.make.user(workspaceId, { role: 'admin', ...roomy });
  for (const user of [teamAgent, teammate]) await system.make.member(workspaceId, teamId, user.id);
  await system.make.member(workspaceId, otherTeamId, otherTeamAgent.id);
  await system.make.member(workspaceId, otherTeamId, guest.id);
  const elsewhere = (await system.make.workspace()).id;
  const stranger = await system.make.user(elsewhere, { role: 'admin' });
  tagId = (
    await system.db
      .sql`insert into tags (workspace_id, name) values (${workspaceId}, 'VIP') returning id`
  )[0]!.id as string;
  users = { teamAgent, teammate, guest };
  clients = {
    teamAgent: await system.signIn(teamAgent.email),
    otherTeamAgent: await system.signIn(otherTeamAgent.email),
    supervisor: await system.signIn(supervisor.email),
    admin: await system.signIn(admin.email),
    otherWorkspace: await system.signIn(stranger.email),
    guest: await system.signIn(guest.email),
  };
});
afterAll(() => system.stop());

async function conversationIn(state: State): Promise<string> {
  const contact = await system.make.contact(workspaceId, {
    kind: 'email',
    address: `customer${phone++}@example.test`,
  });
  const holder = state === 'needs_help' ? users.teammate.id : users.teamAgent.id;
  const conversation = await system.make.conversation({
    workspaceId,
    inboxId,
    contactId: contact.id,
    teamId,
    reference: `SB-M${phone}`,
    ...(state === 'waiting'
      ? { status: 'waiting' }
      : state === 'closed'
        ? { status: 'closed', outcome: 'resolved', closedAt: new Date(), waitingSince: null }
        : {
            status: 'open',
            assigneeId: holder,
            waitingSince: null,
            phase:
              state === 'needs_help'
                ? 'needs_help'
                : state === 'snoozed'
                  ? 'snoozed'
                  : 'in_progress',
            snoozedUntil: state === 'snoozed' ? new Date(Date.now() + 3_600_000) : null,
          }),
  });
  if (state !== 'waiting') {
    await system.db
      .sql`insert into conversation_participants (workspace_id, conversation_id, user_id)
      values (${workspaceId}, ${conversation.id}, ${holder})`;
  }
  return conversation.id;
}

const post = (action: string, body?: unknown) => (id: string) => ({
  method: 'POST',
  path: `/api/v1/conversations/${id}/${action}`,
  body,
});

// Columns: team agent, other team's agent, supervisor, admin, another workspace, anonymous.
const seen = (ok: number): Case['expected'] => [ok, 404, ok, ok, 404, 401];
// Staff-only actions refuse every agent alike (403 whatever the id, so nothing leaks).
const staffOnly = (ok: number): Case['expected'] => [403, 403, ok, ok, 404, 401];

const cases: Case[] = [
  {
    action: 'GET list',
    state: 'open',
    request: () => ({ method: 'GET', path: '/api/v1/conversations?tab=open' }),
    expected: [200, 200, 200, 200, 200, 401],
  },
  {
    action: 'GET needs-help view',
    state: 'needs_help',
    request: () => ({ method: 'GET', path: '/api/v1/conversations?view=needs_help' }),
    expected: [200, 200, 200, 200, 200, 401],
  },
  {
    action: 'GET detail',
    state: 'open',
    request: (id) => ({ method: 'GET', path: `/api/v1/conversations/${id}` }),
    expected: seen(200),
  },
  {
    action: 'GET messages',
    state: 'open',
    request: (id) => ({ method: 'GET', path: `/api/v1/conversations/${id}/messages` }),
    expected: seen(200),
  },
  {
    action: 'POST reply',
    state: 'open',
    request: post('messages', { text: 'Hi' }),
    expected: seen(201),
  },
  {
    action: 'POST note',
    state: 'open',
    request: post('messages', { text: 'Psst', private: true }),
    expected: seen(201),
  },
  { action: 'read', state: 'open', request: post('read'), expected: seen(204) },
  { action: 'accept', state: 'waiting', request: post('accept'), expected: seen(200) },
  {
    action: 'assign',
    state: 'waiting',
    request: (id) => post('assign', { userId: users.teamAgent.id })(id),
    expected: staffOnly(200),
  },
  {
    action: 'transfer to a team',
    state: 'open',
    request: (id) => post('transfer', { toTeamId: otherTeamId, note: 'Billing' })(id),
    expected: seen(200),
  },
  {
    action: 'transfer to an agent',
    state: 'open',
    request: (id) => post('transfer', { toUserId: users.teammate.id })(id),
    expected: seen(200),
  },
  {
    action: 'invite',
    state: 'open',
    request: (id) => post('invite', { userId: users.guest.id })(id),
    expected: seen(200),
  },
  { action: 'help', state: 'open', request: post('help', { note: 'Help' }), expected: seen(200) },
  { action: 'join', state: 'needs_help', request: post('join'), expected: seen(200) },
  {
    action: 'snooze',
    state: 'open',
    request: (id) => post('snooze', { until: new Date(Date.now() + 3_600_000).toISOString() })(id),
    expected: seen(200),
  },
  { action: 'unsnooze', state: 'snoozed', request: post('unsnooze'), expected: seen(200) },
  { action: 'hold', state: 'open', request: post('hold'), expected: seen(200) },
  {
    action: 'tags',
    state: 'open',
    request: (id) => ({
      method: 'PUT',
      path: `/api/v1/conversations/${id}/tags`,
      body: { tagIds: [tagId] },
    }),
    expected: seen(200),
  },
  { action: 'unread', state: 'open', request: post('unread'), expected: seen(204) },
  { action: 'hide', state: 'open', request: post('hide'), expected: seen(204) },
  {
    action: 'show again',
    state: 'open',
    request: (id) => ({ method: 'DELETE', path: `/api/v1/conversations/${id}/hide` }),
    expected: seen(204),
  },
  {
    action: 'close',
    state: 'open',
    request: post('close', { outcome: 'resolved' }),
    expected: seen(200),
  },
  { action: 'reopen', state: 'closed', request: post('reopen'), expected: seen(200) },
  {
    action: 'transcript',
    state: 'open',
    request: post('transcript', { to: 'customer@example.test' }),
    expected: seen(202),
  },
  {
    action: 'canned responses',
    state: 'open',
    request: (id) => ({ method: 'GET', path: `/api/v1/conversations/${id}/canned-responses` }),
    expected: seen(200),
  },
];

async function call(who: Principal | 'guest', request: ReturnType<Case['request']>) {
  if (who === 'anonymous') {
    return fetch(system.apiUrl + request.path, {
      method: request.method,
      ...(request.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) }),
    });
  }
  return clients[who](request.path, {
    method: request.method,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

describe.each(cases)('$action', (entry) => {
  it.each(principals.map((who, index) => ({ who, status: entry.expected[index]! })))(
    '$who → $status',
    async ({ who, status }) => {
      const request = entry.request(await conversationIn(entry.state));
      const response = await call(who, request);
      expect(response.status, await response.clone().text()).toBe(status);
    },
  );
});

/**
 * An invited colleague sees the conversation and may write, but steering it (handing it on,
 * snoozing, closing) stays with the agent who holds it: 403, not 404.
 */
describe('an invited colleague', () => {
  const guestCases: Array<[string, State, Case['request'], number]> = [
    ['GET detail', 'open', (id) => ({ method: 'GET', path: `/api/v1/conversations/${id}` }), 200],
    ['POST note', 'open', post('messages', { text: 'Psst', private: true }), 201],
    ['POST reply', 'open', post('messages', { text: 'Hola' }), 201],
    [
      'tags',
      'open',
      (id) => ({
        method: 'PUT',
        path: `/api/v1/conversations/${id}/tags`,
        body: { tagIds: [tagId] },
      }),
      200,
    ],
    ['transfer', 'open', (id) => post('transfer', { toTeamId: otherTeamId })(id), 403],
    ['invite', 'open', (id) => post('invite', { userId: users.teammate.id })(id), 403],
    ['help', 'open', post('help'), 403],
    [
      'snooze',
      'open',
      (id) => post('snooze', { until: new Date(Date.now() + 60_000).toISOString() })(id),
      403,
    ],
    ['unsnooze', 'snoozed', post('unsnooze'), 403],
    ['hold', 'open', post('hold'), 403],
    ['close', 'open', post('close', { outcome: 'resolved' }), 403],
  ];
  it.each(guestCases)('%s → %i', async (_action, state, request, status) => {
    const id = await conversationIn(state);
    const invited = await clients.teamAgent(`/api/v1/conversations/${id}/invite`, {
      body: { userId: users.guest.id },
    });
    expect(invited.status).toBe(200);
    const response = await call('guest', request(id));
    expect(response.status, await response.clone().text()).toBe(status);
  });

  it('refuses a team agent who does not hold a waiting conversation the transfer (403)', async () => {
    const id = await conversationIn('waiting');
    const response = await call('teamAgent', post('transfer', { toTeamId: otherTeamId })(id));
    expect(response.status).toBe(403);
  });
});
