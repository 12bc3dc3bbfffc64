import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scenario = useAgentScenario({ statusDelayMs: 50 });
let shopServer: Server;
let shopUrl: string;

/** A customer's website on its own origin, embedding the widget with its one script tag. */
beforeAll(async () => {
  const { system, workspace, team } = scenario;
  const inbox = await system.make.smsInbox(workspace.id, {
    kind: 'webchat',
    name: 'Tienda Sol',
    address: 'tienda-sol',
    externalId: null,
    credentials: {},
    defaultTeamId: team.id,
    settings: { webchat: { greeting: 'Ask us anything about your order.', color: '#e8590c' } },
  });
  const page = `<!doctype html><html><head><title>Tienda Sol</title>
    <style>* { font-size: 40px !important; } button { display: none !important; }</style></head>
    <body><h1>Straw hat</h1>
    <script src="${system.apiUrl}/widget.js" data-inbox="${inbox.id}" async></script></body></html>`;
  shopServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => shopServer?.close(resolve));
});

describe('a shopper chats from the web chat widget', () => {
  it('is one script any website may load, cached briefly', async () => {
    const response = await fetch(`${scenario.system.apiUrl}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toContain('data-switchboard-widget');
  });

  it(
    'starts a chat the agent answers, reloads and loses the network without losing a word',
    { timeout: 120_000 },
    async () => {
      const { system, agent } = scenario;
      const customer = await scenario.browser.newContext({ locale: 'en-US' });
      const shop = await customer.newPage();
      await shop.goto(shopUrl);

      // The host page hides every button and blows up fonts; the widget's shadow root is immune.
      const launcher = shop.getByTestId('sb-launcher');
      await launcher.click();
      await shop.getByTestId('sb-greeting').getByText('Ask us anything').waitFor();
      await shop.getByTestId('sb-name').fill('Lucía Pérez');
      await shop.getByTestId('sb-contact').fill('not a contact');
      await shop.getByTestId('sb-start').click();
      await shop.getByTestId('sb-form-error').getByText('country code').waitFor();
      await shop.getByTestId('sb-contact').fill('lucia@example.com');
      await shop.getByTestId('sb-start').click();

      const composer = shop.getByTestId('sb-composer');
      await composer.fill('Hello, the hat I got is too small');
      await composer.press('Enter');
      const reference = shop.getByTestId('sb-reference');
      await reference.waitFor({ timeout: 20_000 });
      const code = /SB-[A-Z0-9]+/.exec((await reference.textContent()) ?? '')?.[0];
      expect(code).toBeDefined();
      await expect
        .poll(() => shop.getByTestId('sb-queue').textContent())
        .toBe('You are number 1 in line');
      await expect
        .poll(() => shop.getByTestId('sb-greeting').textContent())
        .toContain('Hi Lucía Pérez!');

      // The agent finds it in Waiting and takes it.
      const desk = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await desk.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-waiting').click();
      await waitForRealtime(ana);
      await ana.locator(`[data-testid="conversation-item"][data-reference="${code}"]`).click();
      await ana.getByTestId('accept-button').click();

      // Minimized, the shopper still learns that someone answered: a badge and the tab title.
      await launcher.click();
      await ana.getByTestId('reply-input').fill('Hi Lucía! Which size do you need?');
      await ana.getByTestId('reply-send').click();
      await expect
        .poll(() => shop.getByTestId('sb-badge').textContent(), { timeout: 15_000 })
        .toBe('1');
      expect(await shop.title()).toBe('(1) Tienda Sol');
      await launcher.click();
      const reply = shop.getByTestId('sb-message').filter({ hasText: 'Which size do you need?' });
      await reply.waitFor();
      expect(await reply.getAttribute('data-direction')).toBe('outbound');
      expect(await reply.textContent()).toContain('Ana Agent');
      expect(await shop.getByTestId('sb-badge').isHidden()).toBe(true);
      expect(await shop.title()).toBe('Tienda Sol');
      await expect
        .poll(() => shop.getByTestId('sb-agent').textContent())
        .toBe('You are chatting with Ana Agent');

      // A reload comes back to the same conversation, history and all, without asking again.
      await shop.reload();
      await shop.getByTestId('sb-message').filter({ hasText: 'too small' }).waitFor();
      await shop.getByTestId('sb-message').filter({ hasText: 'Which size' }).waitFor();
      expect(await shop.getByTestId('sb-reference').textContent()).toContain(code);
      expect(await shop.getByTestId('sb-prechat').isHidden()).toBe(true);

      // The network drops for five seconds; what the shopper writes meanwhile is kept and sent.
      await customer.setOffline(true);
      await shop.getByTestId('sb-connection').waitFor({ state: 'visible' });
      await composer.fill('Size 58, please');
      await composer.press('Enter');
      const offlineMessage = shop.getByTestId('sb-message').filter({ hasText: 'Size 58' });
      expect(await offlineMessage.getAttribute('data-state')).toBe('sending');
      await shop.waitForTimeout(5_000);
      await customer.setOffline(false);
      await shop.getByTestId('sb-connection').waitFor({ state: 'hidden', timeout: 15_000 });
      await expect
        .poll(() => offlineMessage.getAttribute('data-state'), { timeout: 20_000 })
        .toBe('listed');

      const thread = ana.getByTestId('message-item');
      await thread.filter({ hasText: 'Size 58, please' }).waitFor({ timeout: 15_000 });
      // One uninterrupted conversation, every message once.
      for (const text of ['too small', 'Which size', 'Size 58'])
        expect(await shop.getByTestId('sb-message').filter({ hasText: text }).count()).toBe(1);
      expect(await thread.filter({ hasText: 'Size 58, please' }).count()).toBe(1);

      await desk.close();
      await customer.close();
    },
  );
});
