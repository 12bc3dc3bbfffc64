import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms, statusCallback } from './fixtures';
import { json, smsScenario, waitForWaitingConversation, type SmsScenario } from './support';

let system: TestSystem;
let scenario: SmsScenario;
let phoneSeq = 200;

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await smsScenario(system);
});
afterAll(() => system.stop());

interface SandboxMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
}

/** A customer texts in, the agent accepts: returns the open conversation's id and the phone. */
async function openConversation() {
  const phone = `+1500555${String(phoneSeq++).padStart(4, '0')}`;
  await system.postTwilio(
    `/webhooks/twilio/${scenario.inbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from: phone,
      to: scenario.inbox.address,
      body: 'Hi',
    }),
    system.twilioAccount.authToken,
  );
  const conversation = await waitForWaitingConversation(scenario.client, phone);
  const accepted = await scenario.client(`/api/v1/conversations/${conversation.id}/accept`, {
    method: 'POST',
  });
  expect(accepted.status).toBe(200);
  return { id: conversation.id, phone };
}

async function reply(conversationId: string, text: string) {
  const response = await scenario.client(`/api/v1/conversations/${conversationId}/messages`, {
    body: { text },
  });
  expect(response.status).toBe(201);
  return json<{ id: string; status: string }>(response);
}

async function messageStatus(conversationId: string, messageId: string) {
  const page = await json(
    await scenario.client(`/api/v1/conversations/${conversationId}/messages`),
  );
  return page.items.find((message: { id: string }) => message.id === messageId) as
    { status: string; errorCode: string | null; errorMessage: string | null } | undefined;
}

const untilStatus = (
  conversationId: string,
  messageId: string,
  status: string,
  timeoutMs = 10_000,
) =>
  waitFor(
    async () => {
      const message = await messageStatus(conversationId, messageId);
      return message?.status === status ? message : undefined;
    },
    { what: `status ${status}`, timeoutMs },
  ).catch(async (error: Error) => {
    // What the provider and our event log saw, so a failure explains itself.
    const events = await system.db
      .sql`select provider_event_id, processed_at, attempts, last_error from inbound_events where kind = 'status' order by id`;
    const [row] = await system.db
      .sql`select status, provider_message_id, metadata, error_code from messages where id = ${messageId}`;
    throw new Error(
      `${error.message}; message is ${JSON.stringify(row)}; status events ${JSON.stringify(events)}`,
    );
  });

async function sandboxMessagesTo(phone: string): Promise<SandboxMessage[]> {
  return json(
    await fetch(`${system.sandboxUrl}/sandbox/twilio/messages?to=${encodeURIComponent(phone)}`),
  );
}

describe('replies over SMS', () => {
  it('sends the reply to the customer from the inbox number and ends delivered', async () => {
    const { id, phone } = await openConversation();
    const message = await reply(id, 'Su pedido llega mañana 📦');
    expect(message.status).toBe('queued');

    await untilStatus(id, message.id, 'delivered');
    const received = await sandboxMessagesTo(phone);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      to: phone,
      from: scenario.inbox.address,
      body: 'Su pedido llega mañana 📦',
      status: 'delivered',
    });

    const conversation = await json(await scenario.client(`/api/v1/conversations/${id}`));
    expect(conversation.phase).toBe('waiting_customer');
  });

  it('never moves a delivery status backwards when callbacks arrive late or out of order', async () => {
    const { id, phone } = await openConversation();
    const message = await reply(id, 'Checking order');
    await untilStatus(id, message.id, 'delivered');
    const [sent] = await sandboxMessagesTo(phone);
    if (!sent) throw new Error('sandbox has no message');

    const post = (status: string) =>
      system.postTwilio(
        `/webhooks/twilio/${scenario.inbox.id}/status`,
        statusCallback({
          accountSid: system.twilioAccount.accountSid,
          sid: sent.sid,
          status,
          from: scenario.inbox.address,
          to: phone,
        }),
        system.twilioAccount.authToken,
      );
    expect((await post('read')).status).toBe(200);
    await untilStatus(id, message.id, 'read');
    for (const late of ['sent', 'delivered', 'queued', 'failed'])
      expect((await post(late)).status).toBe(200);
    await waitFor(
      async () => {
        const pending = await system.db
          .sql`select count(*)::int as n from inbound_events where processed_at is null`;
        return pending[0]?.n === 0;
      },
      { what: 'callbacks processed' },
    );
    expect((await messageStatus(id, message.id))?.status).toBe('read');
  });

  it('marks the reply failed with the provider code and an explanation when Twilio refuses it', async () => {
    const { id } = await openConversation();
    await fetch(`${system.sandboxUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 400,
        code: 21211,
        message: "The 'To' number is not a valid phone number.",
        count: 1,
      }),
    });
    const message = await reply(id, 'This will bounce');
    const failed = await untilStatus(id, message.id, 'failed');
    expect(failed.errorCode).toBe('21211');
    expect(failed.errorMessage).toMatch(/not valid/i);
  });

  it('retries after a 429 and then sends the reply exactly once', async () => {
    const { id, phone } = await openConversation();
    await fetch(`${system.sandboxUrl}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, code: 20429, message: 'Too Many Requests', count: 2 }),
    });
    const message = await reply(id, 'Retry me');
    await untilStatus(id, message.id, 'delivered');
    const received = await sandboxMessagesTo(phone);
    expect(received.map((entry) => entry.body)).toEqual(['Retry me']);
  });

  it('never sends twice when the connection drops after Twilio took the message', async () => {
    const { id, phone } = await openConversation();
    await fetch(`${system.sandboxUrl}/sandbox/faults/lost-response`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    const message = await reply(id, 'Only once, please');
    // Twilio's callbacks overtake the reconciled send; they are applied as soon as it is recorded.
    await untilStatus(id, message.id, 'delivered', 15_000);
    const received = await sandboxMessagesTo(phone);
    expect(received.map((entry) => entry.body)).toEqual(['Only once, please']);
  });

  it('never sends twice when recording the send fails after Twilio took the message', async () => {
    // The tests above keep their conversations open, which fills the agent's default capacity.
    await system.db.sql`update users set capacity = 20`;
    const { id, phone } = await openConversation();
    // Postgres fails the first write of the provider's id, as a restart or failover would.
    await system.db.sql.unsafe(`
      create sequence record_send_failures;
      create function fail_first_record_send() returns trigger language plpgsql as $$
      begin
        if new.provider_message_id is not null and old.provider_message_id is null
          and new.text = 'Recorded on the second try' and nextval('record_send_failures') = 1 then
          raise exception 'the connection to Postgres was lost';
        end if;
        return new;
      end $$;
      create trigger fail_first_record_send before update on messages
        for each row execute function fail_first_record_send();`);
    try {
      const message = await reply(id, 'Recorded on the second try');
      await untilStatus(id, message.id, 'delivered', 15_000);
      const received = await sandboxMessagesTo(phone);
      expect(received.map((entry) => entry.body)).toEqual(['Recorded on the second try']);
    } finally {
      await system.db.sql.unsafe(`
        drop trigger fail_first_record_send on messages;
        drop function fail_first_record_send();
        drop sequence record_send_failures;`);
    }
  });

  it('refuses to send to the customer before the conversation is accepted', async () => {
    const phone = '+15005559999';
    await system.postTwilio(
      `/webhooks/twilio/${scenario.inbox.id}`,
      incomingSms({
        accountSid: system.twilioAccount.accountSid,
        from: phone,
        to: scenario.inbox.address,
        body: 'Hello?',
      }),
      system.twilioAccount.authToken,
    );
    const waiting = await waitForWaitingConversation(scenario.client, phone);
    const response = await scenario.client(`/api/v1/conversations/${waiting.id}/messages`, {
      body: { text: 'too early' },
    });
    expect(response.status).toBe(409);
    expect((await json(response)).error.code).toBe('not_open');
  });
});
