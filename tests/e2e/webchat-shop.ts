import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentScenario } from '@switchboard/stack/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export interface Shop {
  /** The shop's product page, on its own origin, embedding the widget. */
  url: string;
  inboxId: string;
}

/**
 * For the enclosing suite, after `useAgentScenario`: a web chat inbox of the scenario's team and
 * a customer's website that embeds it with its one script tag. The page's own loud styles must
 * not reach the widget.
 */
export function useShop(scenario: AgentScenario): Shop {
  const shop = {} as Shop;
  let server: Server | undefined;
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
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    shop.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/products/straw-hat`;
    shop.inboxId = inbox.id;
  });
  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });
  return shop;
}

/** A shopper on the shop's page with the chat open. */
export async function openChat(browser: Browser, shop: Shop, locale = 'en-US') {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(shop.url);
  await page.getByTestId('sb-launcher').click();
  return { context, page };
}

/** Fills the pre-chat form and starts chatting; returns the conversation's reference. */
export async function startChat(
  page: Page,
  answers: { name: string; contact: string; firstMessage: string },
): Promise<string> {
  await page.getByTestId('sb-name').fill(answers.name);
  await page.getByTestId('sb-contact').fill(answers.contact);
  await page.getByTestId('sb-start').click();
  const composer = page.getByTestId('sb-composer');
  await composer.fill(answers.firstMessage);
  await composer.press('Enter');
  return referenceOf(page);
}

export async function referenceOf(page: Page): Promise<string> {
  const reference = page.getByTestId('sb-reference');
  await reference.waitFor({ timeout: 20_000 });
  const code = /SB-[A-Z0-9]+/.exec((await reference.textContent()) ?? '')?.[0];
  expect(code).toBeDefined();
  return code ?? '';
}
