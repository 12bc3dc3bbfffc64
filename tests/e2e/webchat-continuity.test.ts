import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scenario = useAgentScenario({ statusDelayMs: 50 });
let shopServer: Server;
let shopUrl: string;
let webchatInboxId: string;

/** The shop's website on its own origin, its web chat answered by the same team as its email. */
beforeAll(async () => {
  const { system, workspace, team } = scenario;
  let page = '';
  shopServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}`;
  shopUrl = `${origin}/sombrero`;
  const inbox = await system.make.smsInbox(workspace.id, {
    kind: 'webchat',
    name: 'Tienda Sol',
    address: 'tienda-sol-continuity',
    externalId: null,
    credentials: {},
    defaultTeamId: team.id,
    // Follow-up links may lead back to the shop's own pages.
    settings: { webchat: { abandonAfterSeconds: 2, siteOrigins: [origin] } },
  });
  webchatInboxId = inbox.id;
  await system.emailInbox(workspace.id, { defaultTeamId: team.id });
  page = `<!doctype html><html><head><title>Tienda Sol</title></head>
    <body><h1>Sombrero de paja</h1>
    <script src="${system.apiUrl}/widget.js" data-inbox="${inbox.id}" async></script></body></html>`;
});
afterAll(async () => {
  await new Promise((resolve) => shopServer?.close(resolve));
});

describe('a shopper who leaves the chat', () => {
  it('can always come back through the hosted chat page, which opens the chat', async () => {
    const { system } = scenario;
    const page = await fetch(`${system.apiUrl}/chat/${webchatInboxId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`data-inbox="${webchatInboxId}" data-open="true"`);
    const visitor = await scenario.browser.newContext({ locale: 'es-ES' });
    const hosted = await visitor.newPage();
    await hosted.goto(`${system.apiUrl}/chat/${webchatInboxId}`);
    await hosted.getByTestId('sb-prechat').waitFor();
    await visitor.close();
    const unknown = await fetch(`${system.apiUrl}/chat/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it(
    'is answered by email, answers by email, comes back through the link, and it stays one conversation',
    { timeout: 150_000 },
    async () => {
      const { system, agent } = scenario;
      const customer = `lucia.${Date.now()}@mail.test`;

      // The shopper starts a chat on the shop's page.
      const shopperBrowser = await scenario.browser.newContext({ locale: 'es-ES' });
      const shop = await shopperBrowser.newPage();
      await shop.goto(shopUrl);
      await shop.getByTestId('sb-launcher').click();
      await shop.getByTestId('sb-name').fill('Lucía Pérez');
      await shop.getByTestId('sb-contact').fill(customer);
      await shop.getByTestId('sb-start').click();
      await shop.getByTestId('sb-composer').fill('Hola, el sombrero me queda pequeño');
      await shop.getByTestId('sb-composer').press('Enter');
      const reference = /SB-[A-Z0-9]{5}/.exec(
        (await shop.getByTestId('sb-reference').textContent({ timeout: 20_000 })) ?? '',
      )?.[0];
      expect(reference).toBeDefined();

      // The agent takes it and answers in the chat.
      const desk = await scenario.browser.newContext({ locale: 'es-ES' });
      const ana = await desk.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-waiting').click();
      await waitForRealtime(ana);
      await ana.locator(`[data-testid="conversation-item"][data-reference="${reference}"]`).click();
      await ana.getByTestId('accept-button').click();
      await ana.getByTestId('reply-input').fill('¿Qué talla necesitas?');
      await ana.getByTestId('reply-send').click();
      await shop.getByTestId('sb-message').filter({ hasText: '¿Qué talla necesitas?' }).waitFor();

      // The shopper closes the browser. Past the grace period the agent is told, and replies
      // follow the customer by email.
      await shopperBrowser.close();
      const thread = ana.getByTestId('message-item');
      await thread.filter({ hasText: /salió del chat|left the chat/ }).waitFor({ timeout: 20_000 });
      await ana.getByTestId('reply-input').fill('Te enviamos la talla 58 mañana.');
      await ana.getByTestId('reply-send').click();

      // The reply arrives in their mailbox with the reference and a link back to the chat.
      const mail = await scenario.browser.newContext({ locale: 'es-ES' });
      const mailbox = await mail.newPage();
      await mailbox.goto(`${system.sandboxUrl}/mail`);
      await mailbox.getByTestId('mail-from').fill(customer);
      const received = mailbox
        .getByTestId('mail-message')
        .filter({ hasText: 'Te enviamos la talla 58 mañana.' });
      await received.waitFor({ timeout: 20_000 });
      const body = (await received.getByTestId('mail-body').textContent()) ?? '';
      expect(body).toContain(`Referencia ${reference}`);
      const link = /https?:\/\/\S+#sb-chat=\S+/.exec(body)?.[0];
      expect(link?.startsWith(shopUrl)).toBe(true);

      // They answer from their mail client; the agent reads it in the same thread.
      await received.getByTestId('mail-reply').click();
      await mailbox.getByTestId('mail-reply-text').fill('¡Genial, gracias!');
      await mailbox.getByTestId('mail-reply-send').click();
      const answer = thread.filter({ hasText: '¡Genial, gracias!' });
      await answer.waitFor({ timeout: 20_000 });
      expect(await answer.getAttribute('data-direction')).toBe('inbound');
      expect(await ana.getByTestId('conversation-item').filter({ hasText: 'Lucía' }).count()).toBe(
        1,
      );

      // Days later, on another browser, the link from the email reopens the chat with
      // everything said on both channels.
      const later = await scenario.browser.newContext({ locale: 'es-ES' });
      const back = await later.newPage();
      await back.goto(link!);
      const history = back.getByTestId('sb-message');
      for (const text of [
        'me queda pequeño',
        '¿Qué talla necesitas?',
        'Te enviamos la talla 58 mañana.',
        '¡Genial, gracias!',
      ])
        await history.filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
      expect(back.url()).not.toContain('sb-chat');
      expect(await back.getByTestId('sb-reference').textContent()).toContain(reference);

      // Back in the chat, the agent's next reply reaches it live.
      await back.getByTestId('sb-composer').fill('Ya estoy aquí otra vez');
      await back.getByTestId('sb-composer').press('Enter');
      await thread.filter({ hasText: 'Ya estoy aquí otra vez' }).waitFor({ timeout: 20_000 });
      await ana.getByTestId('reply-input').fill('¡Bienvenida de vuelta!');
      await ana.getByTestId('reply-send').click();
      await history.filter({ hasText: '¡Bienvenida de vuelta!' }).waitFor({ timeout: 20_000 });
      // …through the chat itself, not by email.
      const api = await system.signIn(agent.email);
      const id = await ana
        .locator(`[data-testid="conversation-item"][data-reference="${reference}"]`)
        .getAttribute('data-conversation-id');
      const listed = (await (
        await api(`/api/v1/conversations/${id}/messages?limit=100`)
      ).json()) as { items: Array<{ text: string; channel: string | null }> };
      const messages = listed.items;
      expect(messages.find((item) => item.text === '¡Bienvenida de vuelta!')?.channel).toBe(
        'webchat',
      );
      expect(messages.find((item) => item.text === '¡Genial, gracias!')?.channel).toBe('email');

      await later.close();
      await mail.close();
      await desk.close();
    },
  );
});
