import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSid } from './fixtures';
import { json } from './support';

let system: TestSystem;
let inbox: { id: string; address: string };
let client: Awaited<ReturnType<TestSystem['signIn']>>;

beforeAll(async () => {
  system = await startTestSystem();
  const workspace = await system.make.workspace();
  const agent = await system.make.user(workspace.id);
  inbox = await system.smsInbox(workspace.id, { kind: 'whatsapp_twilio' });
  client = await system.signIn(agent.email);
});
afterAll(() => system.stop());

/** An incoming WhatsApp message as Twilio posts it: prefixed addresses, profile name and WaId. */
function incomingWhatsApp(from: string, extra: Record<string, string>) {
  const sid = newSid();
  return {
    SmsMessageSid: sid,
    NumMedia: '0',
    ProfileName: 'María José',
    MessageType: 'text',
    SmsSid: sid,
    WaId: from.slice(1),
    SmsStatus: 'received',
    To: `whatsapp:${inbox.address}`,
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: sid,
    AccountSid: system.twilioAccount.accountSid,
    From: `whatsapp:${from}`,
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

/** The customer writes from the sandbox's WhatsApp, which opens Twilio's 24-hour window. */
const customerWrites = (from: string, body: string) =>
  fetch(`${system.sandboxUrl}/sandbox/twilio/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      from: `whatsapp:${from}`,
      to: `whatsapp:${inbox.address}`,
      body,
      profileName: 'María José',
    }),
  });

async function messageOf(conversationId: string, messageId: string, status: string) {
  return waitFor(
    async () => {
      const page = await json(await client(`/api/v1/conversations/${conversationId}/messages`));
      const found = page.items.find((message: any) => message.id === messageId);
      return found?.status === status ? found : undefined;
    },
    { what: `the reply ${status}` },
  );
}

const post = (fields: Record<string, string>) =>
  system.postTwilio(`/webhooks/twilio/${inbox.id}`, fields, system.twilioAccount.authToken);

async function conversationOf(phone: string) {
  return waitFor(
    async () => {
      const page = await json(await client('/api/v1/conversations?tab=waiting'));
      return page.items.find((item: any) =>
        item.contact.identities.some((identity: any) => identity.address === phone),
      );
    },
    { what: `a WhatsApp conversation from ${phone}` },
  );
}

describe('WhatsApp through Twilio', () => {
  it('files the message under the WhatsApp identity with the profile name, and replies on WhatsApp', async () => {
    expect((await customerWrites('+5215550001111', 'Hola 👋')).status).toBe(200);
    const conversation = await conversationOf('+5215550001111');
    expect(conversation.contact).toMatchObject({
      name: 'María José',
      identities: [{ kind: 'whatsapp', address: '+5215550001111' }],
    });
    expect(conversation.inbox.kind).toBe('whatsapp_twilio');

    await client(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    const sent = await json(
      await client(`/api/v1/conversations/${conversation.id}/messages`, {
        body: { text: '¡Hola, María José!' },
      }),
    );
    await waitFor(
      async () => {
        const page = await json(await client(`/api/v1/conversations/${conversation.id}/messages`));
        return page.items.find((message: any) => message.id === sent.id)?.status === 'delivered';
      },
      { what: 'the WhatsApp reply to be delivered' },
    );
    const received = await json(await fetch(`${system.sandboxUrl}/sandbox/twilio/messages`));
    expect(received.at(-1)).toMatchObject({
      to: 'whatsapp:+5215550001111',
      from: `whatsapp:${inbox.address}`,
      body: '¡Hola, María José!',
    });
  });

  it('shows a shared location instead of an empty message', async () => {
    await post(
      incomingWhatsApp('+5215550002222', {
        Body: '',
        Latitude: '19.4326',
        Longitude: '-99.1332',
        Label: 'Zócalo',
        MessageType: 'location',
      }),
    );
    const conversation = await conversationOf('+5215550002222');
    const page = await json(await client(`/api/v1/conversations/${conversation.id}/messages`));
    const message = page.items.find((item: any) => item.kind === 'message');
    expect(message.text).toBe('📍 Zócalo · 19.4326, -99.1332');
  });

  it('explains a reply WhatsApp refused because the window had closed at Twilio (63016)', async () => {
    // Straight to our webhook: Twilio itself never saw the customer write, so its window is shut.
    await post(incomingWhatsApp('+5215550003333', { Body: 'Hola' }));
    const conversation = await conversationOf('+5215550003333');
    await client(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    const sent = await json(
      await client(`/api/v1/conversations/${conversation.id}/messages`, { body: { text: 'Hola' } }),
    );
    const failed = await messageOf(conversation.id, sent.id, 'failed');
    expect(failed.errorCode).toBe('63016');
    expect(failed.errorMessage).toMatch(/24 hours/);
  });

  it('refuses free text after 24 hours and sends an approved Content template instead', async () => {
    const phone = '+5215550004444';
    await customerWrites(phone, '¿Hay novedades?');
    const conversation = await conversationOf(phone);
    await client(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    await system.db
      .sql`update conversations set last_inbound_at = now() - interval '30 hours' where id = ${conversation.id}`;
    await fetch(`${system.sandboxUrl}/sandbox/meta/customers/age`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: `whatsapp:${phone}`,
        business: `whatsapp:${inbox.address}`,
        hours: 30,
      }),
    });
    const refused = await client(`/api/v1/conversations/${conversation.id}/messages`, {
      body: { text: 'Hola' },
    });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('whatsapp_window_closed');

    const templates = await json(
      await client(`/api/v1/inboxes/${inbox.id}/templates/sync`, { body: {} }),
    );
    const followUp = templates.items.find(
      (item: any) => item.name === 'follow_up' && item.language === 'es',
    );
    expect(followUp).toMatchObject({ parameterCount: 1 });
    const sent = await json(
      await client(`/api/v1/conversations/${conversation.id}/messages`, {
        body: { template: { id: followUp.id, parameters: ['María José'] } },
      }),
    );
    await messageOf(conversation.id, sent.id, 'delivered');
    const received = await json(await fetch(`${system.sandboxUrl}/sandbox/twilio/messages`));
    expect(received.at(-1).body).toContain('María José');
  });

  it('carries pictures both ways: the customer photo is stored, the agent photo reaches the phone', async () => {
    const phone = '+5215550005555';
    const picture = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await fetch(`${system.sandboxUrl}/sandbox/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: `whatsapp:${phone}`,
        to: `whatsapp:${inbox.address}`,
        body: 'Mira',
        profileName: 'María José',
        media: [{ contentType: 'image/png', dataBase64: picture.toString('base64') }],
      }),
    });
    const conversation = await conversationOf(phone);
    const stored = await waitFor(
      async () => {
        const page = await json(await client(`/api/v1/conversations/${conversation.id}/messages`));
        const message = page.items.find((item: any) => item.direction === 'inbound');
        return message?.attachments[0]?.state === 'ready' ? message : undefined;
      },
      { what: 'the customer photo stored' },
    );
    const file = await client(stored.attachments[0].url);
    expect(Buffer.from(await file.arrayBuffer()).equals(picture)).toBe(true);

    await client(`/api/v1/conversations/${conversation.id}/accept`, { method: 'POST' });
    const form = new FormData();
    form.append('text', 'Así debería verse');
    form.append('file', new Blob([picture], { type: 'image/png' }), 'ejemplo.png');
    const sent = await json(
      await client(`/api/v1/conversations/${conversation.id}/messages/media`, { body: form }),
    );
    // Twilio fetches the file from our signed link before it can deliver it.
    await messageOf(conversation.id, sent.id, 'delivered');
    const received = await json(await fetch(`${system.sandboxUrl}/sandbox/twilio/messages`));
    expect(received.at(-1)).toMatchObject({ body: 'Así debería verse' });
    expect(received.at(-1).num_media).toBe('1');
  });
});
