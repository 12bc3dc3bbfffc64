import { schema } from '@switchboard/db';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { closeWorkerDeps, createWorkerDeps, maintenanceSweep } from '@switchboard/worker';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from '../api/fixtures';
import { json } from '../api/support';

let system: TestSystem;
let phoneSeq = 300;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

interface World {
  workspaceId: string;
  admin: ApiClient;
  inbox: { id: string; address: string };
  team: typeof schema.teams.$inferSelect;
  agent: typeof schema.users.$inferSelect;
}

async function world(
  team: Partial<typeof schema.teams.$inferInsert> = {},
  agentPresence: 'online' | 'offline' = 'offline',
): Promise<World> {
  const workspace = await system.make.workspace();
  const adminUser = await system.make.user(workspace.id, { role: 'admin', presence: 'offline' });
  const support = await system.make.team(workspace.id, { name: 'Support', ...team });
  const agent = await system.make.user(workspace.id, { presence: agentPresence });
  await system.make.member(workspace.id, support.id, agent.id);
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: support.id });
  return {
    workspaceId: workspace.id,
    admin: await system.signIn(adminUser.email),
    inbox,
    team: support,
    agent,
  };
}

const nextPhone = () => `+1500555${String(phoneSeq++).padStart(4, '0')}`;

async function customerWrites(w: World, phone: string, body: string) {
  const response = await system.postTwilio(
    `/webhooks/twilio/${w.inbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from: phone,
      to: w.inbox.address,
      body,
    }),
    system.twilioAccount.authToken,
  );
  expect(response.status).toBe(200);
}

/** The conversation of this phone once the worker stored the message with this text. */
async function conversationWith(w: World, phone: string, text: string) {
  return waitFor(
    async () => {
      const [row] = await system.db.db
        .select({ conversation: schema.conversations })
        .from(schema.messages)
        .innerJoin(
          schema.conversations,
          eq(schema.conversations.id, schema.messages.conversationId),
        )
        .innerJoin(
          schema.contactIdentities,
          eq(schema.contactIdentities.contactId, schema.conversations.contactId),
        )
        .where(
          sql`${schema.contactIdentities.address} = ${phone} and ${schema.messages.text} = ${text}
            and ${schema.conversations.workspaceId} = ${w.workspaceId}`,
        );
      return row?.conversation;
    },
    { what: `the message "${text}"` },
  );
}

async function thread(w: World, conversationId: string) {
  const page = await json<{
    items: Array<{
      direction: string;
      kind: string;
      text: string;
      status: string;
      automatic: boolean;
      author: unknown;
      activity: Record<string, unknown> | null;
    }>;
  }>(await w.admin(`/api/v1/conversations/${conversationId}/messages`));
  return page.items;
}

async function phoneReceived(phone: string): Promise<Array<{ body: string; from: string }>> {
  return json(
    await fetch(`${system.sandboxUrl}/sandbox/twilio/messages?to=${encodeURIComponent(phone)}`),
  );
}

async function sweep() {
  const deps = createWorkerDeps(system.config);
  try {
    return (await maintenanceSweep({ data: {} } as never, deps)) as Record<string, number>;
  } finally {
    await closeWorkerDeps(deps);
  }
}

describe('blocked contacts', () => {
  it('keeps their messages in the thread but never puts the conversation in Waiting', async () => {
    const w = await world({ autoReply: { offline: { enabled: true } } });
    const phone = nextPhone();
    await system.make.contact(w.workspaceId, { kind: 'phone', address: phone }, { blocked: true });

    await customerWrites(w, phone, 'Buy cheap followers now');
    const conversation = await conversationWith(w, phone, 'Buy cheap followers now');
    expect(conversation).toMatchObject({ status: 'closed', outcome: 'cancelled' });

    const waiting = await json<{ items: Array<{ id: string }> }>(
      await w.admin('/api/v1/conversations?tab=waiting'),
    );
    expect(waiting.items.some((item) => item.id === conversation.id)).toBe(false);
    const items = await thread(w, conversation.id);
    expect(
      items.some((item) => item.direction === 'inbound' && item.text === 'Buy cheap followers now'),
    ).toBe(true);

    // A second message joins the same conversation without reopening it.
    await customerWrites(w, phone, 'Hello??');
    const again = await conversationWith(w, phone, 'Hello??');
    expect(again).toMatchObject({ id: conversation.id, status: 'closed', outcome: 'cancelled' });

    // Nobody is online and the team auto-replies, but a blocked contact gets nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await phoneReceived(phone)).toEqual([]);
  });
});

describe('automatic replies', () => {
  it('tells the customer, in their language, that nobody is online, with the reference', async () => {
    const w = await world({
      autoReply: { offline: { enabled: true, expectedResponseMinutes: 45 } },
    });
    const phone = nextPhone();
    await system.make.contact(
      w.workspaceId,
      { kind: 'phone', address: phone },
      { language: 'es-MX' },
    );

    await customerWrites(w, phone, 'Necesito ayuda con mi pedido');
    const conversation = await conversationWith(w, phone, 'Necesito ayuda con mi pedido');
    const [received] = await waitFor(
      async () => {
        const messages = await phoneReceived(phone);
        return messages.length ? messages : undefined;
      },
      { what: 'the auto-reply on the phone' },
    );
    expect(received!.from).toBe(w.inbox.address);
    expect(received!.body).toContain(conversation.reference);
    expect(received!.body).toContain('45 minutos');

    const automatic = (await thread(w, conversation.id)).filter((item) => item.automatic);
    expect(automatic).toHaveLength(1);
    expect(automatic[0]).toMatchObject({
      direction: 'outbound',
      author: null,
      text: received!.body,
    });
    // Still waiting for an agent: an automatic message is not an answer.
    const view = await json(await w.admin(`/api/v1/conversations/${conversation.id}`));
    expect(view).toMatchObject({ status: 'waiting', phase: 'in_progress' });

    // Writing again in the same waiting period gets no second auto-reply.
    await customerWrites(w, phone, '¿Hola?');
    await conversationWith(w, phone, '¿Hola?');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await phoneReceived(phone)).toHaveLength(1);
  });

  it('replies outside business hours even with agents online, with the team’s own text', async () => {
    const w = await world(
      {
        businessHours: { timeZone: 'Pacific/Auckland', days: {} },
        autoReply: {
          offline: {
            enabled: true,
            // Only the known variables are filled: {{constructor}} stays as written.
            text: 'Closed now. Ref {{reference}}, back in {{minutes}} min. {{constructor}}',
            expectedResponseMinutes: 600,
          },
        },
      },
      'online',
    );
    const phone = nextPhone();
    await customerWrites(w, phone, 'Are you open?');
    const conversation = await conversationWith(w, phone, 'Are you open?');
    const [received] = await waitFor(
      async () => {
        const messages = await phoneReceived(phone);
        return messages.length ? messages : undefined;
      },
      { what: 'the auto-reply' },
    );
    expect(received!.body).toBe(
      `Closed now. Ref ${conversation.reference}, back in 600 min. {{constructor}}`,
    );
  });

  it('tells a customer their place in the queue when the team is there', async () => {
    const w = await world(
      {
        autoReply: {
          offline: { enabled: true },
          queuePosition: { enabled: true, minutesPerConversation: 4 },
        },
      },
      'online',
    );
    const first = nextPhone();
    const second = nextPhone();
    await customerWrites(w, first, 'First in line');
    await conversationWith(w, first, 'First in line');
    await waitFor(async () => (await phoneReceived(first)).length > 0, { what: 'first reply' });
    await customerWrites(w, second, 'Second in line');
    const [received] = await waitFor(
      async () => {
        const messages = await phoneReceived(second);
        return messages.length ? messages : undefined;
      },
      { what: 'the queue position' },
    );
    expect(received!.body).toContain('number 2');
    expect(received!.body).toContain('8 minutes');
  });
});

describe('time-based changes', () => {
  it('wakes a snoozed conversation when its time comes', async () => {
    const w = await world({}, 'online');
    const contact = await system.make.contact(w.workspaceId, {
      kind: 'phone',
      address: nextPhone(),
    });
    const base = {
      workspaceId: w.workspaceId,
      inboxId: w.inbox.id,
      teamId: w.team.id,
      status: 'open' as const,
      assigneeId: w.agent.id,
      phase: 'snoozed' as const,
      waitingSince: null,
    };
    const due = await system.make.conversation({
      ...base,
      contactId: contact.id,
      reference: 'SB-WAKE1',
      snoozedUntil: new Date(Date.now() - 60_000),
    });
    const other = await system.make.contact(w.workspaceId, { kind: 'phone', address: nextPhone() });
    const later = await system.make.conversation({
      ...base,
      contactId: other.id,
      reference: 'SB-WAKE2',
      snoozedUntil: new Date(Date.now() + 3_600_000),
    });

    await sweep();
    const woken = await json(await w.admin(`/api/v1/conversations/${due.id}`));
    expect(woken).toMatchObject({ status: 'open', phase: 'in_progress', snoozedUntil: null });
    expect((await thread(w, due.id)).some((item) => item.activity?.type === 'woke')).toBe(true);
    const still = await json(await w.admin(`/api/v1/conversations/${later.id}`));
    expect(still.phase).toBe('snoozed');

    // Idempotent: a second sweep changes nothing and logs nothing more.
    await sweep();
    expect((await thread(w, due.id)).filter((item) => item.activity?.type === 'woke')).toHaveLength(
      1,
    );
  });

  it('closes as no_reply a conversation whose customer stayed silent for the team’s hours', async () => {
    const w = await world({ idleCloseHours: 2 }, 'online');
    const make = async (reference: string, hoursAgo: number) => {
      const contact = await system.make.contact(w.workspaceId, {
        kind: 'phone',
        address: nextPhone(),
      });
      const conversation = await system.make.conversation({
        workspaceId: w.workspaceId,
        inboxId: w.inbox.id,
        contactId: contact.id,
        teamId: w.team.id,
        reference,
        status: 'open',
        assigneeId: w.agent.id,
        phase: 'waiting_customer',
        waitingSince: null,
      });
      // Move the agent's last reply back in time rather than waiting for it.
      await system.db.db
        .update(schema.conversations)
        .set({ lastOutboundAt: sql`now() - make_interval(hours => ${hoursAgo})` })
        .where(eq(schema.conversations.id, conversation.id));
      return conversation;
    };
    const silent = await make('SB-IDLE1', 3);
    const recent = await make('SB-IDLE2', 1);
    const guest = await system.make.user(w.workspaceId);
    await system.db.sql`
      insert into conversation_participants (workspace_id, conversation_id, user_id, invited_at)
      values (${w.workspaceId}, ${silent.id}, ${guest.id}, now())`;

    const swept = await sweep();
    expect(swept.idleClosed).toBeGreaterThanOrEqual(1);
    const closed = await json(await w.admin(`/api/v1/conversations/${silent.id}`));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'no_reply' });
    const line = (await thread(w, silent.id)).find((item) => item.activity?.type === 'closed');
    expect(line?.activity).toMatchObject({ by: 'system', outcome: 'no_reply', actorId: null });
    // As when an agent closes it: the guest keeps it in Closed, but is no longer invited.
    const [participant] = await system.db.sql`
      select invited_at from conversation_participants
      where conversation_id = ${silent.id} and user_id = ${guest.id}`;
    expect(participant).toMatchObject({ invited_at: null });
    const open = await json(await w.admin(`/api/v1/conversations/${recent.id}`));
    expect(open).toMatchObject({ status: 'open', phase: 'waiting_customer' });
  });
});
