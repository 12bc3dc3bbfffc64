import { ingestInboundBatch, processInboundEvent } from '@switchboard/domain';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import {
  closeWorkerDeps,
  createWorkerDeps,
  fileInboundEvents,
  normalize,
  type WorkerDeps,
} from '@switchboard/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from '../api/fixtures';

let system: TestSystem;
let deps: WorkerDeps;
let inbox: { id: string; address: string };

beforeAll(async () => {
  // No running worker: the test decides when and how stored events are filed.
  system = await startTestSystem({ worker: false });
  deps = createWorkerDeps(system.config);
  const workspaceId = (await system.make.workspace()).id;
  inbox = await system.smsInbox(workspaceId);
});
afterAll(async () => {
  await closeWorkerDeps(deps);
  await system.stop();
});

const sms = (from: string, body: string, extra: Record<string, string> = {}) =>
  smsTo(inbox, from, body, extra);

const smsTo = async (
  to: { id: string; address: string },
  from: string,
  body: string,
  extra: Record<string, string> = {},
) => {
  const fields = {
    ...incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from,
      to: to.address,
      body,
    }),
    ...extra,
  };
  const response = await system.postTwilio(
    `/webhooks/twilio/${to.id}`,
    fields,
    system.twilioAccount.authToken,
  );
  expect(response.status).toBe(200);
  return fields.MessageSid;
};

const pendingEventIds = async (of = inbox) =>
  (
    await system.db.sql<{ id: string }[]>`select id from inbound_events
      where inbox_id = ${of.id} and processed_at is null order by id`
  ).map((row) => Number(row.id));

const eventIdOf = async (sid: string) => {
  const [row] = await system.db.sql<{ id: string }[]>`select id from inbound_events
    where inbox_id = ${inbox.id} and provider_event_id like ${`${sid}%`}`;
  return Number(row!.id);
};

const conversationOf = async (phone: string, of = inbox) => {
  const [row] = await system.db.sql<
    {
      id: string;
      status: string;
      phase: string;
      team_id: string | null;
      priority: number;
      unread_count: number;
      received_offline: boolean;
      last_message_preview: string;
      last_message_at: Date;
      version: number;
    }[]
  >`select c.* from conversations c
    join contact_identities ci on ci.contact_id = c.contact_id
    where ci.address = ${phone} and c.inbox_id = ${of.id}
    order by c.created_at desc limit 1`;
  return row!;
};

/** Every line of the thread: an activity by its type, a message by its text. */
const linesOf = async (conversationId: string) =>
  (
    await system.db.sql<{ kind: string; text: string | null; type: string | null }[]>`
      select kind, text, activity->>'type' as type from messages
      where conversation_id = ${conversationId} order by occurred_at, seq`
  ).map((row) => (row.kind === 'activity' ? `(${row.type})` : row.text));

const threadOf = async (conversationId: string) =>
  (
    await system.db.sql<{ text: string }[]>`select text from messages
      where conversation_id = ${conversationId} and kind = 'message'
      order by occurred_at, seq`
  ).map((row) => row.text);

describe('batched inbound filing', () => {
  it('files plain texts into live and new conversations in one batch and leaves every other case to the per-event path', async () => {
    // Customers we know, each with a live conversation; one closed long ago; one blocked.
    // And one we have never heard from.
    for (const phone of ['+15005550701', '+15005550702', '+15005550703', '+15005550704'])
      await sms(phone, 'first');
    await sms('+15005550705', 'first');
    await fileInboundEvents(deps, await pendingEventIds());
    const closed = await conversationOf('+15005550704');
    await system.db.sql`update conversations set status = 'closed', outcome = 'resolved',
      closed_at = now() - interval '30 days', assignee_id = null where id = ${closed.id}`;
    await system.db.sql`update contacts set blocked = true where id =
      (select contact_id from conversations where id = ${(await conversationOf('+15005550705')).id})`;
    const before = await conversationOf('+15005550701');

    // A burst, stored but not yet filed.
    const plain = [
      await sms('+15005550701', 'dos'),
      await sms('+15005550702', 'hello again'),
      await sms('+15005550701', 'tres'),
      await sms('+15005550703', 'olá'),
      await sms('+15005550701', 'cuatro  '),
      await sms('+15005550799', 'a new customer'),
    ];
    const others = [
      await sms('+15005550701', 'about SB-7K3Q9 too'),
      await sms('+15005550704', 'back after a month'),
      await sms('+15005550705', 'blocked, still writing'),
      await sms('+15005550702', 'a photo', {
        NumMedia: '1',
        MediaUrl0: `${system.sandboxUrl}/media/none.png`,
        MediaContentType0: 'image/png',
      }),
    ];
    const burst = await pendingEventIds();
    const { perEvent } = await ingestInboundBatch(deps.domain, burst, normalize);

    const plainIds = new Set(await Promise.all(plain.map(eventIdOf)));
    expect(perEvent).toEqual(burst.filter((id) => !plainIds.has(id)));
    expect(perEvent).toEqual(expect.arrayContaining(await Promise.all(others.map(eventIdOf))));
    expect(await pendingEventIds()).toEqual(perEvent);

    // Each customer's messages are in their conversation, in arrival order, counted unread once.
    const first = await conversationOf('+15005550701');
    expect(first.id).toBe(before.id);
    expect(await threadOf(first.id)).toEqual(['first', 'dos', 'tres', 'cuatro  ']);
    expect(first.unread_count).toBe(before.unread_count + 3);
    expect(first.last_message_preview).toBe('cuatro');
    expect(first.version).toBeGreaterThan(before.version);
    expect(await threadOf((await conversationOf('+15005550702')).id)).toEqual([
      'first',
      'hello again',
    ]);
    expect(await threadOf((await conversationOf('+15005550703')).id)).toEqual(['first', 'olá']);

    // The rest goes through the per-event path; afterwards every message is stored exactly once.
    expect((await fileInboundEvents(deps, perEvent)).size).toBe(0);
    expect(await pendingEventIds()).toEqual([]);
    const stored = await system.db.sql<{ provider_message_id: string; n: number }[]>`
      select provider_message_id, count(*)::int as n from messages
      where inbox_id = ${inbox.id} and direction = 'inbound' group by provider_message_id`;
    expect(stored.every((row) => row.n === 1)).toBe(true);
    expect(stored.map((row) => row.provider_message_id)).toEqual(
      expect.arrayContaining([...plain, ...others]),
    );
    expect(await threadOf(first.id)).toEqual([
      'first',
      'dos',
      'tres',
      'cuatro  ',
      'about SB-7K3Q9 too',
    ]);
    const reopened = await conversationOf('+15005550704');
    expect(reopened.id).not.toBe(closed.id);
    expect(reopened.status).toBe('waiting');

    // Filing the same events again changes nothing.
    expect((await ingestInboundBatch(deps.domain, burst, normalize)).perEvent).toEqual([]);
    expect((await conversationOf('+15005550701')).unread_count).toBe(before.unread_count + 4);
  });

  it('stores a message once when its provider delivers it again under another event id', async () => {
    await sms('+15005550711', 'first');
    await fileInboundEvents(deps, await pendingEventIds());
    const before = await conversationOf('+15005550711');
    const sid = await sms('+15005550711', 'sent once, delivered twice');
    // The same message, stored again as a second event (once before filing, once after).
    const copy = (suffix: string) => system.db.sql`insert into inbound_events
      (workspace_id, inbox_id, kind, provider_event_id, payload, received_at)
      select workspace_id, inbox_id, kind, provider_event_id || ${suffix}, payload, now()
      from inbound_events where provider_event_id = ${sid}`;
    await copy(':again');
    expect(await pendingEventIds()).toHaveLength(2);
    expect((await fileInboundEvents(deps, await pendingEventIds())).size).toBe(0);
    await copy(':later');
    expect((await fileInboundEvents(deps, await pendingEventIds())).size).toBe(0);

    expect(await pendingEventIds()).toEqual([]);
    const after = await conversationOf('+15005550711');
    expect(await threadOf(after.id)).toEqual(['first', 'sent once, delivered twice']);
    expect(after.unread_count).toBe(before.unread_count + 1);
  });
  it('opens one conversation per new customer, as the per-event path would', async () => {
    const workspaceId = (await system.make.workspace()).id;
    const team = await system.make.team(workspaceId, { name: 'Ventas' });
    const sales = await system.smsInbox(workspaceId, { defaultTeamId: team.id });
    await system.db.sql`insert into routing_rules (workspace_id, name, conditions, actions)
      values (${workspaceId}, 'Facturas', ${JSON.stringify({ keywords: ['factura'] })}::jsonb,
        ${JSON.stringify({ priority: 2 })}::jsonb)`;

    // The same kind of first message, filed by the per-event path alone.
    await smsTo(sales, '+15005550801', 'mi factura vencida');
    const [single] = await pendingEventIds(sales);
    expect(await processInboundEvent(deps.domain, single!, normalize)).toBe('processed');

    // A burst: a new customer writing twice, another one about an invoice.
    await smsTo(sales, '+15005550802', 'hola');
    await smsTo(sales, '+15005550803', 'otra factura');
    await smsTo(sales, '+15005550802', 'sigo aquí');
    const burst = await pendingEventIds(sales);
    expect((await ingestInboundBatch(deps.domain, burst, normalize)).perEvent).toEqual([]);
    expect(await pendingEventIds(sales)).toEqual([]);

    const twice = await conversationOf('+15005550802', sales);
    expect(await linesOf(twice.id)).toEqual(['(opened)', 'hola', 'sigo aquí']);
    expect(twice).toMatchObject({
      status: 'waiting',
      team_id: team.id,
      priority: 0,
      unread_count: 2,
      last_message_preview: 'sigo aquí',
      // Nobody of the team is online.
      received_offline: true,
    });

    // Everything a user sees of the conversation but its text.
    const state = (row: Awaited<ReturnType<typeof conversationOf>>) => ({
      status: row.status,
      phase: row.phase,
      team_id: row.team_id,
      priority: row.priority,
      unread_count: row.unread_count,
      received_offline: row.received_offline,
      version: row.version,
    });
    const alone = await conversationOf('+15005550801', sales);
    const batched = await conversationOf('+15005550803', sales);
    expect(state(batched)).toEqual(state(alone));
    expect(batched.priority).toBe(2);
    expect(await linesOf(batched.id)).toEqual(['(opened)', 'otra factura', '(routed)']);
    expect(await linesOf(alone.id)).toEqual(['(opened)', 'mi factura vencida', '(routed)']);

    // One contact per customer, with the identity they wrote from.
    const contacts = await system.db.sql<{ address: string; n: number }[]>`
      select ci.address, count(distinct ci.contact_id)::int as n from contact_identities ci
      where ci.workspace_id = ${workspaceId} group by ci.address order by ci.address`;
    expect(contacts).toEqual([
      { address: '+15005550801', n: 1 },
      { address: '+15005550802', n: 1 },
      { address: '+15005550803', n: 1 },
    ]);
  });

  it('creates one contact when a batch and the per-event path meet the same new customer', async () => {
    const phones = ['+15005550811', '+15005550812', '+15005550813', '+15005550814'];
    for (const phone of phones) {
      const first = await eventIdOf(await sms(phone, 'one'));
      const second = await eventIdOf(await sms(phone, 'two'));
      const [batch] = await Promise.all([
        ingestInboundBatch(deps.domain, [first], normalize),
        processInboundEvent(deps.domain, second, normalize),
      ]);
      // Second to the lock, the batch finds a known customer and leaves the message to the
      // per-event path.
      expect((await fileInboundEvents(deps, batch.perEvent)).size).toBe(0);
    }
    expect(await pendingEventIds()).toEqual([]);
    for (const phone of phones) {
      const rows = await system.db.sql<{ contacts: number; conversations: number }[]>`
        select count(distinct ci.contact_id)::int as contacts,
          count(distinct c.id)::int as conversations
        from contact_identities ci join conversations c on c.contact_id = ci.contact_id
        where ci.address = ${phone}`;
      expect(rows[0]).toEqual({ contacts: 1, conversations: 1 });
      expect((await threadOf((await conversationOf(phone)).id)).sort()).toEqual(['one', 'two']);
    }
  });
});
