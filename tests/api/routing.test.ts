import { schema } from '@switchboard/db';
import { demo, seedDemo } from '@switchboard/stack';
import { eq } from 'drizzle-orm';
import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from './fixtures';
import { json, waitForWaitingConversation } from './support';

let system: TestSystem;
let phoneSeq = 100;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

interface World {
  workspaceId: string;
  admin: ApiClient;
  inbox: { id: string; address: string };
  support: { id: string };
  billing: { id: string };
  billingTag: { id: string };
}

/** A workspace whose SMS inbox feeds Support; Billing and a "billing" tag wait for rules. */
async function world(): Promise<World> {
  const workspace = await system.make.workspace();
  const adminUser = await system.make.user(workspace.id, { role: 'admin' });
  const support = await system.make.team(workspace.id, { name: 'Support' });
  const billing = await system.make.team(workspace.id, { name: 'Billing' });
  const [billingTag] = await system.db.db
    .insert(schema.tags)
    .values({ workspaceId: workspace.id, name: 'billing', color: 'green' })
    .returning();
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: support.id });
  return {
    workspaceId: workspace.id,
    admin: await system.signIn(adminUser.email),
    inbox,
    support,
    billing,
    billingTag: billingTag!,
  };
}

async function addRule(w: World, rule: Record<string, unknown>) {
  const response = await w.admin('/api/v1/routing-rules', { body: rule });
  expect(response.status).toBe(201);
  return json<{ id: string; position: number }>(response);
}

const nextPhone = () => `+1500555${String(phoneSeq++).padStart(4, '0')}`;

/** The customer texts the inbox; returns the conversation as the admin sees it. */
async function customerWrites(
  w: World,
  body: string,
  extra: Record<string, string> = {},
  phone = nextPhone(),
) {
  const response = await system.postTwilio(
    `/webhooks/twilio/${w.inbox.id}`,
    {
      ...incomingSms({
        accountSid: system.twilioAccount.accountSid,
        from: phone,
        to: w.inbox.address,
        body,
      }),
      ...extra,
    },
    system.twilioAccount.authToken,
  );
  expect(response.status).toBe(200);
  const { id } = await waitForWaitingConversation(w.admin, phone);
  return json(await w.admin(`/api/v1/conversations/${id}`));
}

async function routedLines(w: World, conversationId: string) {
  const page = await json<{
    items: Array<{ kind: string; activity: Record<string, unknown> | null }>;
  }>(await w.admin(`/api/v1/conversations/${conversationId}/messages`));
  return page.items.filter((item) => item.kind === 'activity' && item.activity?.type === 'routed');
}

describe('routing rules', () => {
  it('sends a message with a keyword to the rule’s team, with its tag and priority', async () => {
    const w = await world();
    await addRule(w, {
      name: 'Billing words',
      conditions: { keywords: ['factura', 'invoice', 'pago', 'refund'] },
      actions: { teamId: w.billing.id, tagIds: [w.billingTag.id], priority: 2 },
    });

    // Case and accents do not matter: "PAGÓ" is the keyword "pago".
    const routed = await customerWrites(w, '¿Por qué me cobraron dos veces? Ya PAGÓ mi esposa');
    expect(routed).toMatchObject({ teamId: w.billing.id, priority: 2, status: 'waiting' });
    expect(routed.tags.map((tag: { name: string }) => tag.name)).toEqual(['billing']);
    const lines = await routedLines(w, routed.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.activity).toMatchObject({ type: 'routed', rule: 'Billing words' });

    // Whole words only: "refunded" is not "refund", "facturación" is not "factura".
    const untouched = await customerWrites(w, 'I was refunded, thanks. Facturación all good');
    expect(untouched).toMatchObject({ teamId: w.support.id, priority: 0, tags: [] });
    expect(await routedLines(w, untouched.id)).toHaveLength(0);
  });

  it('matches phrases, and routes by channel', async () => {
    const w = await world();
    const sales = await system.make.team(w.workspaceId, { name: 'Sales' });
    await addRule(w, {
      name: 'Email only',
      conditions: { channels: ['email'] },
      actions: { teamId: w.billing.id },
    });
    await addRule(w, {
      name: 'Price questions',
      conditions: { keywords: ['how much'] },
      actions: { teamId: sales.id, priority: 1 },
    });
    await addRule(w, {
      name: 'All SMS',
      conditions: { channels: ['sms_twilio'] },
      actions: { priority: 3 },
    });

    const phrase = await customerWrites(w, 'Hi! How   much is the premium plan?');
    expect(phrase).toMatchObject({ teamId: sales.id, priority: 1 });
    const sms = await customerWrites(w, 'Hello there');
    expect(sms).toMatchObject({ teamId: w.support.id, priority: 3 });
  });

  it('routes by the contact’s country and language', async () => {
    const w = await world();
    const brazil = await system.make.team(w.workspaceId, { name: 'Brasil' });
    await addRule(w, {
      name: 'Mexico',
      conditions: { contactCountries: ['MX'] },
      actions: { teamId: w.billing.id },
    });
    await addRule(w, {
      name: 'Portuguese',
      conditions: { contactLanguages: ['pt'] },
      actions: { teamId: brazil.id },
    });

    const mexican = await customerWrites(w, 'Hola', { FromCountry: 'MX' });
    expect(mexican.teamId).toBe(w.billing.id);
    const american = await customerWrites(w, 'Hello', { FromCountry: 'US' });
    expect(american.teamId).toBe(w.support.id);

    const phone = nextPhone();
    await system.make.contact(
      w.workspaceId,
      { kind: 'phone', address: phone },
      { language: 'pt-BR' },
    );
    const portuguese = await customerWrites(w, 'Olá', {}, phone);
    expect(portuguese.teamId).toBe(brazil.id);
  });

  it('routes by the target team’s business hours, read in its time zone', async () => {
    const w = await world();
    // An empty schedule: whatever the time, this team is closed.
    const night = await system.make.team(w.workspaceId, {
      name: 'Night desk',
      businessHours: { timeZone: 'Asia/Tokyo', days: {} },
    });
    await addRule(w, {
      name: 'Night desk while open',
      conditions: { businessHours: 'inside' },
      actions: { teamId: night.id, priority: 5 },
    });
    await addRule(w, {
      name: 'Night desk while closed',
      conditions: { businessHours: 'outside' },
      actions: { teamId: night.id, priority: 1 },
    });
    const routed = await customerWrites(w, 'Anyone there?');
    expect(routed).toMatchObject({ teamId: night.id, priority: 1 });
    expect((await routedLines(w, routed.id))[0]!.activity).toMatchObject({
      rule: 'Night desk while closed',
    });

    // Open all week, every minute: the "inside" rule wins.
    const always = await world();
    const allDay = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((day) => [day, ['00:00-24:00']]),
    );
    await system.db.db
      .update(schema.teams)
      .set({ businessHours: { timeZone: 'America/Mexico_City', days: allDay } })
      .where(eq(schema.teams.id, always.support.id));
    await addRule(always, {
      name: 'Inside',
      conditions: { businessHours: 'inside' },
      actions: { priority: 6 },
    });
    expect(await customerWrites(always, 'Hi')).toMatchObject({ priority: 6 });

    // A team without business hours counts as always open.
    const w2 = await world();
    await addRule(w2, {
      name: 'Outside Support hours',
      conditions: { businessHours: 'outside' },
      actions: { priority: 4 },
    });
    await addRule(w2, {
      name: 'Inside Support hours',
      conditions: { businessHours: 'inside' },
      actions: { priority: 2 },
    });
    expect(await customerWrites(w2, 'Hi')).toMatchObject({ teamId: w2.support.id, priority: 2 });
  });

  it('applies the first matching rule only, skips disabled ones, and follows a new order', async () => {
    const w = await world();
    const sales = await system.make.team(w.workspaceId, { name: 'Sales' });
    const off = await addRule(w, {
      name: 'Switched off',
      enabled: false,
      conditions: { keywords: ['refund'] },
      actions: { priority: 9 },
    });
    const first = await addRule(w, {
      name: 'Refunds to Billing',
      conditions: { keywords: ['refund'] },
      actions: { teamId: w.billing.id },
    });
    const second = await addRule(w, {
      name: 'Refunds to Sales',
      conditions: { keywords: ['refund'] },
      actions: { teamId: sales.id, priority: 1 },
    });
    expect([off.position, first.position, second.position]).toEqual([0, 1, 2]);

    expect(await customerWrites(w, 'I want a refund')).toMatchObject({
      teamId: w.billing.id,
      priority: 0,
    });

    const moved = await w.admin(`/api/v1/routing-rules/${second.id}`, {
      method: 'PATCH',
      body: { position: 0 },
    });
    expect(moved.status).toBe(200);
    const order = await json<Array<{ name: string; position: number }>>(
      await w.admin('/api/v1/routing-rules'),
    );
    expect(order.map((rule) => [rule.position, rule.name])).toEqual([
      [0, 'Refunds to Sales'],
      [1, 'Switched off'],
      [2, 'Refunds to Billing'],
    ]);
    expect(await customerWrites(w, 'refund please')).toMatchObject({
      teamId: sales.id,
      priority: 1,
    });

    expect((await w.admin(`/api/v1/routing-rules/${off.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    const left = await json<Array<{ name: string; position: number }>>(
      await w.admin('/api/v1/routing-rules'),
    );
    expect(left.map((rule) => [rule.position, rule.name])).toEqual([
      [0, 'Refunds to Sales'],
      [1, 'Refunds to Billing'],
    ]);
  });

  it('routes a conversation the customer reopens', async () => {
    const w = await world();
    const phone = nextPhone();
    const first = await customerWrites(w, 'Hello', {}, phone);
    await system.db.sql`update conversations set status = 'closed', outcome = 'resolved',
      closed_at = now(), waiting_since = null where id = ${first.id}`;
    await addRule(w, {
      name: 'Invoices',
      conditions: { keywords: ['invoice'] },
      actions: { teamId: w.billing.id },
    });
    const reopened = await customerWrites(w, 'Where is my invoice?', {}, phone);
    expect(reopened).toMatchObject({ id: first.id, status: 'waiting', teamId: w.billing.id });
  });
});

describe('business hours', () => {
  it('are read in the team’s time zone', async () => {
    // Today's ISO weekday in Tokyo, which is often not today in UTC.
    const zone = 'Asia/Tokyo';
    // Both routings must see the same Tokyo day: wait out a run that would straddle its midnight.
    const tokyoOffset = 9 * 3_600_000;
    const untilTokyoMidnight = 86_400_000 - ((Date.now() + tokyoOffset) % 86_400_000);
    if (untilTokyoMidnight < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, untilTokyoMidnight + 100));
    }
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(
      new Date(),
    );
    const today = String(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday) + 1);
    const others = ['1', '2', '3', '4', '5', '6', '7'].filter((day) => day !== today);
    const routeWith = async (days: string[]) => {
      const w = await world();
      await system.db.db
        .update(schema.teams)
        .set({
          businessHours: {
            timeZone: zone,
            days: Object.fromEntries(days.map((day) => [day, ['00:00-24:00']])),
          },
        })
        .where(eq(schema.teams.id, w.support.id));
      await addRule(w, {
        name: 'Inside',
        conditions: { businessHours: 'inside' },
        actions: { priority: 1 },
      });
      await addRule(w, {
        name: 'Outside',
        conditions: { businessHours: 'outside' },
        actions: { priority: 2 },
      });
      return (await customerWrites(w, 'Hello')).priority;
    };
    expect(await routeWith([today])).toBe(1);
    expect(await routeWith(others)).toBe(2);
  });
});

describe('routing rules API', () => {
  it('shows rules to staff only and lets only admins change them', async () => {
    const w = await world();
    const rule = await addRule(w, { name: 'Any', conditions: {}, actions: { priority: 1 } });
    const supervisorUser = await system.make.user(w.workspaceId, { role: 'supervisor' });
    const agentUser = await system.make.user(w.workspaceId);
    const supervisor = await system.signIn(supervisorUser.email);
    const agent = await system.signIn(agentUser.email);

    expect((await supervisor('/api/v1/routing-rules')).status).toBe(200);
    expect((await agent('/api/v1/routing-rules')).status).toBe(403);
    const body = { name: 'Mine', conditions: {}, actions: {} };
    expect((await supervisor('/api/v1/routing-rules', { body })).status).toBe(403);
    expect(
      (
        await supervisor(`/api/v1/routing-rules/${rule.id}`, {
          method: 'PATCH',
          body: { name: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await agent(`/api/v1/routing-rules/${rule.id}`, { method: 'DELETE' })).status).toBe(
      403,
    );

    const other = await world();
    expect(
      (
        await other.admin(`/api/v1/routing-rules/${rule.id}`, {
          method: 'PATCH',
          body: { name: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await other.admin(`/api/v1/routing-rules/${rule.id}`, { method: 'DELETE' })).status,
    ).toBe(404);
  });

  it('refuses a team or tag of another workspace with 400', async () => {
    const w = await world();
    const other = await world();
    const foreignTeam = await other.admin('/api/v1/routing-rules', {
      body: { name: 'Steal', conditions: {}, actions: { teamId: w.billing.id } },
    });
    expect(foreignTeam.status).toBe(400);
    expect((await json(foreignTeam)).error.code).toBe('unknown_team');
    const foreignTag = await other.admin('/api/v1/routing-rules', {
      body: { name: 'Steal', conditions: {}, actions: { tagIds: [w.billingTag.id] } },
    });
    expect(foreignTag.status).toBe(400);
    expect((await json(foreignTag)).error.code).toBe('unknown_tag');

    const rule = await addRule(other, { name: 'Ok', conditions: {}, actions: {} });
    const patched = await other.admin(`/api/v1/routing-rules/${rule.id}`, {
      method: 'PATCH',
      body: { actions: { teamId: w.billing.id } },
    });
    expect(patched.status).toBe(400);
    const badChannel = await other.admin('/api/v1/routing-rules', {
      body: { name: 'Fax', conditions: { channels: ['fax'] }, actions: {} },
    });
    expect(badChannel.status).toBe(400);
  });
});

describe('the demo workspace', () => {
  it('routes billing words to Billing, where agent2 works beside the Support team', async () => {
    const seeded = await seedDemo(system.db.db, {
      secretKey: system.config.SECRET_KEY,
      password: 'password',
      sandboxSmtpPort: 1,
      shopOrigins: [],
    });
    // Seeding again changes nothing (one rule, one Billing team).
    await seedDemo(system.db.db, {
      secretKey: system.config.SECRET_KEY,
      password: 'password',
      sandboxSmtpPort: 1,
      shopOrigins: [],
    });
    const admin = await system.signIn(demo.users[0].email, 'password');
    const teams = await json<Array<{ id: string; name: string; memberIds: string[] }>>(
      await admin('/api/v1/teams'),
    );
    const agents = await system.db.sql<Array<{ id: string; email: string }>>`
      select id, email from users where email like 'agent%@demo.test' order by email`;
    const support = teams.find((team) => team.name === demo.teamName)!;
    const billing = teams.find((team) => team.name === demo.billingTeamName)!;
    expect(support.memberIds.sort()).toEqual(agents.map((agent) => agent.id).sort());
    expect(billing.memberIds).toEqual([agents[1]!.id]);
    const rules = await json<Array<{ name: string }>>(await admin('/api/v1/routing-rules'));
    expect(rules).toHaveLength(1);

    const phone = nextPhone();
    const response = await system.postTwilio(
      `/webhooks/twilio/${seeded.inboxes.sms}`,
      incomingSms({
        accountSid: demo.twilio.accountSid,
        from: phone,
        to: demo.twilio.smsNumber,
        body: 'No me llegó la factura de octubre',
      }),
      demo.twilio.authToken,
    );
    expect(response.status).toBe(200);
    const { id } = await waitForWaitingConversation(admin, phone);
    const conversation = await json(await admin(`/api/v1/conversations/${id}`));
    expect(conversation.teamId).toBe(billing.id);
    expect(conversation.tags.map((tag: { name: string }) => tag.name)).toEqual(['billing']);
  });
});
