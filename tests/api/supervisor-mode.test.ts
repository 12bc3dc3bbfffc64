import { randomBytes, randomUUID } from 'node:crypto';
import { schema } from '@switchboard/db';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

/**
 * Supervisor mode (issue 6): staff see every conversation or any agent's own tabs, join any
 * open conversation (the customer is told, in their language), reassign, redirect and close.
 * Agents never get those views: the API refuses them.
 */

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

type Tab = 'waiting' | 'open' | 'closed';
interface Item {
  id: string;
  status: string;
  phase: string;
  invited: boolean;
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
}
interface Counts {
  waiting: number;
  open: number;
  closed: number;
  closedCapped: boolean;
  unread: Record<Tab, number>;
}
interface ThreadItem {
  direction: string;
  kind: string;
  text: string | null;
  automatic: boolean;
  author: unknown;
  activity: { type: string; actorName?: string } | null;
}

/** Signs in on first use: sign-ins are rate limited (20 a minute), so only who acts does. */
function lazyClient(email: string): ApiClient {
  let client: Promise<ApiClient> | undefined;
  return async (path, init) => (await (client ??= system.signIn(email)))(path, init);
}

const phone = () => `+1500${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

/**
 * A workspace with two teams: Support (Ana, Bruno) and Billing (Olga), a supervisor and one SMS
 * inbox; `conversation()` makes conversations in any state.
 */
async function world(settings: { defaultLocale?: string } = {}) {
  const workspace = await system.make.workspace({ settings });
  const support = await system.make.team(workspace.id, { name: 'Support' });
  const billing = await system.make.team(workspace.id, { name: 'Billing' });
  const roomy = { capacity: 50 };
  const ana = await system.make.user(workspace.id, { name: 'Ana Agent', ...roomy });
  const bruno = await system.make.user(workspace.id, { name: 'Bruno Agent', ...roomy });
  const olga = await system.make.user(workspace.id, { name: 'Olga Billing', ...roomy });
  const supervisor = await system.make.user(workspace.id, {
    name: 'Sara Super',
    role: 'supervisor',
    ...roomy,
  });
  await system.make.member(workspace.id, support.id, ana.id);
  await system.make.member(workspace.id, support.id, bruno.id);
  await system.make.member(workspace.id, billing.id, olga.id);
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: support.id });

  const conversation = async (
    values: Partial<typeof schema.conversations.$inferInsert> & {
      language?: string;
      participants?: string[];
      inboxId?: string;
      identity?: 'phone' | 'whatsapp';
    } = {},
  ) => {
    const { language, participants = [], identity = 'phone', ...rest } = values;
    const address = phone();
    const contact = await system.make.contact(
      workspace.id,
      { kind: identity, address },
      { language: language ?? null },
    );
    const made = await system.make.conversation({
      workspaceId: workspace.id,
      inboxId: inbox.id,
      contactId: contact.id,
      teamId: support.id,
      reference: `SB-${randomBytes(3).toString('hex').toUpperCase()}`,
      ...(rest.status && rest.status !== 'waiting' ? { waitingSince: null } : {}),
      ...rest,
    });
    const holders = [...participants, ...(rest.assigneeId ? [rest.assigneeId] : [])];
    for (const userId of new Set(holders)) {
      await system.db.db
        .insert(schema.conversationParticipants)
        .values({ workspaceId: workspace.id, conversationId: made.id, userId })
        .onConflictDoNothing();
    }
    return { ...made, phone: address };
  };

  return {
    workspace,
    support,
    billing,
    inbox,
    users: { ana, bruno, olga, supervisor },
    clients: {
      ana: lazyClient(ana.email),
      bruno: lazyClient(bruno.email),
      olga: lazyClient(olga.email),
      supervisor: lazyClient(supervisor.email),
    },
    conversation,
  };
}

async function ids(client: ApiClient, query: string): Promise<string[]> {
  const response = await client(`/api/v1/conversations?limit=100&${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await json<{ items: Item[] }>(response)).items.map((item) => item.id).sort();
}

async function counts(client: ApiClient, query = ''): Promise<Counts> {
  const response = await client(`/api/v1/conversations/counts${query ? `?${query}` : ''}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return json<Counts>(response);
}

async function thread(client: ApiClient, conversationId: string): Promise<ThreadItem[]> {
  return (
    await json<{ items: ThreadItem[] }>(
      await client(`/api/v1/conversations/${conversationId}/messages?limit=200`),
    )
  ).items;
}

async function textsReceivedBy(to: string): Promise<string[]> {
  const messages = await json<Array<{ body: string }>>(
    await fetch(`${system.sandboxUrl}/sandbox/twilio/messages?to=${encodeURIComponent(to)}`),
  );
  return messages.map((message) => message.body);
}

async function errorOf(response: Response) {
  return { status: response.status, ...(await json<{ error: { code: string } }>(response)).error };
}

const post = (client: ApiClient, id: string, action: string, body?: unknown) =>
  client(`/api/v1/conversations/${id}/${action}`, { method: 'POST', body });

describe('whose inbox the list shows', () => {
  it('gives staff the whole workspace (scope=all) or their own tabs (scope=mine)', async () => {
    const w = await world();
    const anas = await w.conversation({ status: 'open', assigneeId: w.users.ana.id });
    const olgas = await w.conversation({
      status: 'open',
      assigneeId: w.users.olga.id,
      teamId: w.billing.id,
    });
    const queued = await w.conversation({ status: 'waiting' });
    const billingQueue = await w.conversation({ status: 'waiting', teamId: w.billing.id });

    const everyone = await ids(w.clients.supervisor, 'tab=open&scope=all');
    expect(everyone).toEqual([anas.id, olgas.id].sort());
    // Without a scope staff keep seeing everything (what older clients expect).
    expect(await ids(w.clients.supervisor, 'tab=open')).toEqual(everyone);
    expect(await ids(w.clients.supervisor, 'tab=waiting&scope=all')).toEqual(
      [queued.id, billingQueue.id].sort(),
    );

    // The supervisor holds nothing and is in no team: their own view is empty.
    expect(await ids(w.clients.supervisor, 'tab=open&scope=mine')).toEqual([]);
    expect(await ids(w.clients.supervisor, 'tab=waiting&scope=mine')).toEqual([]);
    // An agent's scope=mine is what they always had.
    expect(await ids(w.clients.ana, 'tab=open&scope=mine')).toEqual([anas.id]);
    expect(await ids(w.clients.ana, 'tab=open')).toEqual([anas.id]);
  });

  it("shows exactly what one agent's own tabs list, without what that agent hid", async () => {
    const w = await world();
    const { ana, bruno, olga } = w.users;
    const brunos = await w.conversation({ status: 'open', assigneeId: bruno.id });
    const brunosHidden = await w.conversation({ status: 'open', assigneeId: bruno.id });
    const anas = await w.conversation({ status: 'open', assigneeId: ana.id });
    const invitedBruno = await w.conversation({ status: 'open', assigneeId: ana.id });
    await w.clients.ana(`/api/v1/conversations/${invitedBruno.id}/invite`, {
      body: { userId: bruno.id },
    });
    const olgas = await w.conversation({
      status: 'open',
      assigneeId: olga.id,
      teamId: w.billing.id,
    });
    const supportQueue = await w.conversation({ status: 'waiting' });
    const unrouted = await w.conversation({ status: 'waiting', teamId: null });
    const billingQueue = await w.conversation({ status: 'waiting', teamId: w.billing.id });
    const brunoClosed = await w.conversation({
      status: 'closed',
      outcome: 'resolved',
      closedAt: new Date(),
      participants: [bruno.id],
    });
    const anaClosed = await w.conversation({
      status: 'closed',
      outcome: 'resolved',
      closedAt: new Date(),
      participants: [ana.id],
    });
    expect((await post(w.clients.bruno, brunosHidden.id, 'hide')).status).toBe(204);

    const view = (tab: Tab) => ids(w.clients.supervisor, `tab=${tab}&agentId=${bruno.id}`);
    for (const tab of ['waiting', 'open', 'closed'] as const) {
      expect(await view(tab), tab).toEqual(await ids(w.clients.bruno, `tab=${tab}`));
    }
    expect(await view('open')).toEqual([brunos.id, invitedBruno.id].sort());
    expect(await view('waiting')).toEqual([supportQueue.id, unrouted.id].sort());
    expect(await view('closed')).toEqual([brunoClosed.id]);
    for (const other of [anas.id, olgas.id, billingQueue.id, anaClosed.id, brunosHidden.id]) {
      expect([
        ...(await view('open')),
        ...(await view('waiting')),
        ...(await view('closed')),
      ]).not.toContain(other);
    }
    // What Bruno hid is his business: the workspace view still shows it to the supervisor.
    expect(await ids(w.clients.supervisor, 'tab=open&scope=all')).toContain(brunosHidden.id);

    // Olga's view: Billing's queue and her own, nothing of Support's.
    expect(await ids(w.clients.supervisor, `tab=waiting&agentId=${olga.id}`)).toEqual(
      [unrouted.id, billingQueue.id].sort(),
    );
    expect(await ids(w.clients.supervisor, `tab=open&agentId=${olga.id}`)).toEqual([olgas.id]);
  });

  it("keeps the needs-help view to an agent's teams, and whole for staff", async () => {
    const w = await world();
    const { ana, olga } = w.users;
    const supportHelp = await w.conversation({
      status: 'open',
      phase: 'needs_help',
      assigneeId: ana.id,
    });
    const billingHelp = await w.conversation({
      status: 'open',
      phase: 'needs_help',
      assigneeId: olga.id,
      teamId: w.billing.id,
    });
    const both = [supportHelp.id, billingHelp.id].sort();
    expect(await ids(w.clients.supervisor, 'view=needs_help&scope=all')).toEqual(both);
    // Staff may join any of them, so their own view has them all too.
    expect(await ids(w.clients.supervisor, 'view=needs_help&scope=mine')).toEqual(both);
    expect(await ids(w.clients.supervisor, `view=needs_help&agentId=${olga.id}`)).toEqual([
      billingHelp.id,
    ]);
    expect(await ids(w.clients.bruno, 'view=needs_help')).toEqual([supportHelp.id]);
  });

  it('counts follow the same scope', async () => {
    const w = await world();
    const { ana, bruno } = w.users;
    await w.conversation({ status: 'open', assigneeId: ana.id, unreadCount: 2 });
    await w.conversation({ status: 'open', assigneeId: bruno.id });
    await w.conversation({ status: 'open', assigneeId: bruno.id });
    await w.conversation({ status: 'waiting', teamId: w.billing.id });
    await w.conversation({ status: 'waiting' });

    const all = await counts(w.clients.supervisor, 'scope=all');
    expect(all).toMatchObject({ open: 3, waiting: 2, closed: 0, unread: { open: 1 } });
    expect(await counts(w.clients.supervisor)).toEqual(all);
    expect(await counts(w.clients.supervisor, 'scope=mine')).toMatchObject({
      open: 0,
      waiting: 0,
    });

    const brunosView = await counts(w.clients.supervisor, `agentId=${bruno.id}`);
    expect(brunosView).toEqual(await counts(w.clients.bruno));
    expect(brunosView).toMatchObject({ open: 2, waiting: 1, unread: { open: 0 } });
    expect(await counts(w.clients.supervisor, `agentId=${ana.id}`)).toMatchObject({
      open: 1,
      waiting: 1,
      unread: { open: 1 },
    });
  });

  it("counts the workspace's Closed tab up to 999 and says when there are more", async () => {
    const w = await world();
    const closedOnes = async (count: number) => {
      const one = await w.conversation({ status: 'closed', closedAt: new Date() });
      // Copies of one closed conversation, each with its own contact (one live per contact).
      await system.db.sql`
        with made as (
          insert into contacts (workspace_id, name)
          select ${w.workspace.id}, 'Customer ' || n from generate_series(2, ${count}) n
          returning id)
        insert into conversations (workspace_id, inbox_id, contact_id, reference, team_id,
          status, closed_at)
        select ${w.workspace.id}, ${w.inbox.id}, made.id,
          'SB-' || upper(substr(md5(made.id::text), 1, 12)), ${w.support.id}, 'closed', now()
        from made`;
      return one;
    };
    const first = await closedOnes(999);
    const exact = await counts(w.clients.supervisor, 'scope=all');
    expect(exact).toMatchObject({ closed: 999, closedCapped: false });
    // What the supervisor hid is not counted, while the count is exact.
    expect((await post(w.clients.supervisor, first.id, 'hide')).status).toBe(204);
    expect(await counts(w.clients.supervisor, 'scope=all')).toMatchObject({
      closed: 998,
      closedCapped: false,
    });

    await closedOnes(2);
    expect(await counts(w.clients.supervisor, 'scope=all')).toMatchObject({
      closed: 999,
      closedCapped: true,
    });
    // An agent's own Closed tab is always exact.
    expect(await counts(w.clients.ana)).toMatchObject({ closed: 0, closedCapped: false });
  });

  it('refuses the other views to agents, unknown agents and mixed scopes', async () => {
    const w = await world();
    const { ana, bruno } = w.users;
    for (const query of [
      'tab=open&scope=all',
      `tab=open&agentId=${bruno.id}`,
      // Even their own id: an agent's list is simply theirs.
      `tab=open&agentId=${ana.id}`,
      `tab=waiting&view=needs_help&scope=all`,
    ]) {
      const response = await w.clients.ana(`/api/v1/conversations?${query}`);
      expect(await errorOf(response), query).toMatchObject({ status: 403, code: 'forbidden' });
    }
    for (const query of ['scope=all', `agentId=${bruno.id}`]) {
      const response = await w.clients.ana(`/api/v1/conversations/counts?${query}`);
      expect(await errorOf(response), query).toMatchObject({ status: 403, code: 'forbidden' });
    }
    expect((await w.clients.ana('/api/v1/conversations?tab=open&scope=mine')).status).toBe(200);

    const elsewhere = await system.make.workspace();
    const stranger = await system.make.user(elsewhere.id, { name: 'Stranger' });
    for (const agentId of [randomUUID(), stranger.id]) {
      for (const path of [
        `/api/v1/conversations?tab=open&agentId=${agentId}`,
        `/api/v1/conversations/counts?agentId=${agentId}`,
      ]) {
        expect(await errorOf(await w.clients.supervisor(path)), path).toMatchObject({
          status: 404,
          code: 'not_found',
        });
      }
    }
    for (const path of [
      `/api/v1/conversations?tab=open&scope=all&agentId=${bruno.id}`,
      `/api/v1/conversations/counts?scope=all&agentId=${bruno.id}`,
    ]) {
      expect((await w.clients.supervisor(path)).status, path).toBe(400);
    }
    const anonymous = await fetch(`${system.apiUrl}/api/v1/conversations?scope=all`);
    expect(anonymous.status).toBe(401);
  });
});

type World = Awaited<ReturnType<typeof world>>;
/** One workspace for the join and steer cases: each makes its own conversations. */
let shared: World;

describe('a supervisor joins a conversation', () => {
  beforeAll(async () => {
    shared = await world();
  });

  it('tells the customer who joined, in their language, without counting as an answer', async () => {
    const w = shared;
    const { bruno } = w.users;
    const customerSince = new Date(Date.now() - 5 * 60_000);
    const chat = await w.conversation({
      status: 'open',
      phase: 'in_progress',
      assigneeId: bruno.id,
      language: 'es-MX',
      lastInboundAt: customerSince,
      unansweredSince: customerSince,
    });

    const joined = await post(w.clients.supervisor, chat.id, 'join');
    expect(joined.status, await joined.clone().text()).toBe(200);
    expect(await json(joined)).toMatchObject({
      status: 'open',
      phase: 'in_progress',
      invited: true,
      assignee: { id: bruno.id },
    });

    const notice = 'Sara Super se unió a la conversación.';
    const items = await thread(w.clients.supervisor, chat.id);
    expect(items.filter((item) => item.activity?.type === 'joined')).toEqual([
      expect.objectContaining({ activity: expect.objectContaining({ actorName: 'Sara Super' }) }),
    ]);
    expect(items.filter((item) => item.direction === 'outbound')).toEqual([
      expect.objectContaining({ kind: 'message', text: notice, automatic: true, author: null }),
    ]);
    // It reaches the customer's phone like any reply.
    await waitFor(
      async () => ((await textsReceivedBy(chat.phone)).includes(notice) ? true : undefined),
      { what: 'the join notice at the customer', timeoutMs: 15_000 },
    );

    // Nobody answered the customer yet: the response clocks are untouched.
    const [row] = await system.db.db
      .select()
      .from(schema.conversations)
      .where(eq(schema.conversations.id, chat.id));
    expect(row).toMatchObject({ firstResponseAt: null, phase: 'in_progress' });
    expect(row?.unansweredSince?.getTime()).toBe(customerSince.getTime());

    // It is in the supervisor's own Open now; joining again changes nothing.
    expect(await ids(w.clients.supervisor, 'tab=open&scope=mine')).toContain(chat.id);
    expect((await post(w.clients.supervisor, chat.id, 'join')).status).toBe(200);
    const again = await thread(w.clients.supervisor, chat.id);
    expect(again.filter((item) => item.direction === 'outbound')).toHaveLength(1);
    expect(again.filter((item) => item.activity?.type === 'joined')).toHaveLength(1);
  });

  it('falls back to the workspace language, then English', async () => {
    const portuguese = await world({ defaultLocale: 'pt-BR' });
    const english = shared;
    const cases = [
      { w: portuguese, language: undefined, text: 'Sara Super entrou na conversa.' },
      // A language we do not write in falls back as if none was set.
      { w: portuguese, language: 'fr', text: 'Sara Super entrou na conversa.' },
      { w: english, language: 'de', text: 'Sara Super joined the conversation.' },
      { w: portuguese, language: 'en', text: 'Sara Super joined the conversation.' },
    ];
    for (const { w, language, text } of cases) {
      const chat = await w.conversation({
        status: 'open',
        assigneeId: w.users.ana.id,
        ...(language ? { language } : {}),
      });
      expect((await post(w.clients.supervisor, chat.id, 'join')).status).toBe(200);
      const outbound = (await thread(w.clients.supervisor, chat.id)).filter(
        (item) => item.direction === 'outbound',
      );
      expect(
        outbound.map((item) => item.text),
        language,
      ).toEqual([text]);
    }
  });

  it('stays quiet on WhatsApp once the 24-hour window closed', async () => {
    const w = shared;
    const whatsapp = await system.smsInbox(w.workspace.id, {
      kind: 'whatsapp_twilio',
      defaultTeamId: w.support.id,
    });
    const chat = await w.conversation({
      status: 'open',
      assigneeId: w.users.ana.id,
      inboxId: whatsapp.id,
      identity: 'whatsapp',
      lastInboundAt: new Date(Date.now() - 30 * 60 * 60_000),
    });
    expect((await post(w.clients.supervisor, chat.id, 'join')).status).toBe(200);
    const items = await thread(w.clients.supervisor, chat.id);
    expect(items.some((item) => item.activity?.type === 'joined')).toBe(true);
    expect(items.filter((item) => item.direction === 'outbound')).toEqual([]);
  });

  it('lets agents join only what their team asked help with, and nobody a closed one', async () => {
    const w = shared;
    const chat = await w.conversation({ status: 'open', assigneeId: w.users.bruno.id });
    expect(await errorOf(await post(w.clients.ana, chat.id, 'join'))).toMatchObject({
      status: 404,
    });
    await post(w.clients.bruno, chat.id, 'help', { note: 'Can someone look?' });
    expect((await post(w.clients.ana, chat.id, 'join')).status).toBe(200);
    // A teammate's join is a colleague's business, not the customer's.
    expect(
      (await thread(w.clients.ana, chat.id)).filter((item) => item.direction === 'outbound'),
    ).toEqual([]);
    expect(await errorOf(await post(w.clients.bruno, chat.id, 'join'))).toMatchObject({
      status: 409,
      code: 'already_yours',
    });

    const closed = await w.conversation({
      status: 'closed',
      outcome: 'resolved',
      closedAt: new Date(),
    });
    expect(await errorOf(await post(w.clients.supervisor, closed.id, 'join'))).toMatchObject({
      status: 409,
      code: 'not_open',
    });
  });
});

describe('a supervisor steers a conversation', () => {
  it('reassigns it to another agent, redirects it to a team and closes it', async () => {
    const w = shared;
    const { ana, bruno, olga } = w.users;
    const chat = await w.conversation({ status: 'open', assigneeId: bruno.id });

    const assigned = await post(w.clients.supervisor, chat.id, 'assign', { userId: ana.id });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
    expect(await json(assigned)).toMatchObject({ status: 'open', assignee: { id: ana.id } });
    expect(await ids(w.clients.ana, 'tab=open')).toContain(chat.id);
    expect(await ids(w.clients.bruno, 'tab=open')).not.toContain(chat.id);
    expect(await ids(w.clients.supervisor, `tab=open&agentId=${ana.id}`)).toContain(chat.id);

    const redirected = await post(w.clients.supervisor, chat.id, 'transfer', {
      toTeamId: w.billing.id,
    });
    expect(redirected.status, await redirected.clone().text()).toBe(200);
    expect(await json(redirected)).toMatchObject({
      status: 'waiting',
      assignee: null,
      team: { id: w.billing.id, name: 'Billing' },
    });
    expect(await ids(w.clients.olga, 'tab=waiting')).toContain(chat.id);
    expect(await ids(w.clients.ana, 'tab=open')).not.toContain(chat.id);
    expect(await ids(w.clients.supervisor, `tab=waiting&agentId=${olga.id}`)).toContain(chat.id);

    const closed = await post(w.clients.supervisor, chat.id, 'close', { outcome: 'resolved' });
    expect(closed.status, await closed.clone().text()).toBe(200);
    expect(await json(closed)).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect(await ids(w.clients.supervisor, 'tab=closed&scope=all')).toContain(chat.id);
  });

  it('refuses reassigning to agents', async () => {
    const w = shared;
    const chat = await w.conversation({ status: 'open', assigneeId: w.users.bruno.id });
    const refused = await post(w.clients.bruno, chat.id, 'assign', { userId: w.users.ana.id });
    expect(await errorOf(refused)).toMatchObject({ status: 403, code: 'forbidden' });
  });
});
