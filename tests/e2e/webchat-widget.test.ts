import { randomUUID } from 'node:crypto';
import { signResumeToken } from '@switchboard/domain';
import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openChat, startChat, useShop } from './webchat-shop';

const scenario = useAgentScenario({ statusDelayMs: 50 });
const site = useShop(scenario);

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
      // Counts the tones the widget plays, since a test cannot listen.
      await customer.addInitScript(`
        window.tones = 0;
        const play = AudioContext.prototype.createOscillator;
        AudioContext.prototype.createOscillator = function () {
          window.tones++;
          return play.call(this);
        };
      `);
      const shop = await customer.newPage();
      await shop.goto(site.url);

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
      // And hears it: a short chime.
      expect(await shop.evaluate('window.tones')).toBe(2);
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

  it(
    'picks the conversation up in another browser from the link sent with replies, and clears the link',
    { timeout: 60_000 },
    async () => {
      const first = await openChat(scenario.browser, site);
      const code = await startChat(first.page, {
        name: 'Marta Gil',
        contact: '+34 600 111 222',
        firstMessage: 'Is the straw hat washable?',
      });
      await first.context.close();

      // The link back from an email or SMS reply, opened on another device.
      const phone = await scenario.browser.newContext({ locale: 'es-ES' });
      const page = await phone.newPage();
      const { resumeToken } = await linkOf(code);
      await page.goto(`${site.url}?ref=sms#sb-chat=${encodeURIComponent(resumeToken)}`);
      const history = page.getByTestId('sb-message').filter({ hasText: 'washable' });
      await history.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('sb-panel').isVisible()).toBe(true);
      expect(await page.getByTestId('sb-reference').textContent()).toBe(`Tu referencia: ${code}`);
      expect(await page.getByTestId('sb-prechat').isHidden()).toBe(true);
      // Nobody should bookmark or forward a working token by accident.
      expect(page.url()).toBe(`${site.url}?ref=sms`);

      // Writing from here continues the same conversation, and says which page it came from.
      await page.getByTestId('sb-composer').fill('¿Y se puede planchar?');
      await page.getByTestId('sb-composer').press('Enter');
      const sent = page.getByTestId('sb-message').filter({ hasText: 'planchar' });
      await expect.poll(() => sent.getAttribute('data-state'), { timeout: 15_000 }).toBe('listed');
      expect(await page.getByTestId('sb-reference').textContent()).toBe(`Tu referencia: ${code}`);
      const rows = await scenario.system.db.sql<{ page_url: string | null }[]>`
        select m.metadata->>'pageUrl' as page_url from messages m
        join conversations c on c.id = m.conversation_id
        where c.reference = ${code} and m.direction = 'inbound' order by m.seq`;
      expect(rows.map((row) => row.page_url)).toEqual([site.url, `${site.url}?ref=sms`]);
      await phone.close();
    },
  );

  it(
    'switches a browser that chats as someone else only if the shopper chooses to, and never for a link we did not make',
    { timeout: 90_000 },
    async () => {
      const marta = await openChat(scenario.browser, site);
      const martaCode = await startChat(marta.page, {
        name: 'Marta Gil',
        contact: 'marta@example.com',
        firstMessage: 'Do you ship to the Canary Islands?',
      });
      const martaToken = await visitorTokenIn(marta.page);
      await marta.context.close();

      // Pablo chats on his own computer, where Marta's links will be opened.
      const pablo = await openChat(scenario.browser, site);
      const page = pablo.page;
      const pabloCode = await startChat(page, {
        name: 'Pablo Ruiz',
        contact: 'pablo@example.com',
        firstMessage: 'Where is my order?',
      });
      const pabloToken = await visitorTokenIn(page);
      const stillPablo = async () => {
        expect(await page.getByTestId('sb-reference').textContent()).toContain(pabloCode);
        await page.getByTestId('sb-message').filter({ hasText: 'Where is my order?' }).waitFor();
        expect(await visitorTokenIn(page)).toBe(pabloToken);
        expect(page.url()).not.toContain('sb-chat');
      };

      // A link carrying a visitor's own token (as links once did) is refused by the server.
      await page.goto(`${site.url}?from=old-mail#sb-chat=${encodeURIComponent(martaToken)}`);
      const notice = page.getByTestId('sb-resume-notice');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.textContent()).toContain('This chat link has expired');
      await stillPablo();

      // Another inbox's link is not this chat's: nothing happens at all.
      const { conversationId, visitorId } = await linkOf(martaCode);
      const otherInbox = signResumeToken(scenario.system.config.SECRET_KEY, {
        inboxId: randomUUID(),
        visitorId,
        conversationId,
      });
      await page.goto(`${site.url}?from=other-shop#sb-chat=${encodeURIComponent(otherInbox)}`);
      await page.getByTestId('sb-message').filter({ hasText: 'Where is my order?' }).waitFor();
      expect(await notice.isHidden()).toBe(true);
      expect(await page.getByTestId('sb-resume-choice').isHidden()).toBe(true);
      await stillPablo();

      // Marta's real link: Pablo is asked, and stays.
      const { resumeToken } = await linkOf(martaCode);
      await page.goto(`${site.url}?from=mail#sb-chat=${encodeURIComponent(resumeToken)}`);
      const choice = page.getByTestId('sb-resume-choice');
      await choice.waitFor({ timeout: 15_000 });
      await page.getByTestId('sb-resume-stay').click();
      await choice.waitFor({ state: 'hidden' });
      await stillPablo();

      // Opened again in the same tab, he continues Marta's conversation instead.
      await page.evaluate(`location.hash = 'sb-chat=${resumeToken}'`);
      await choice.waitFor({ timeout: 15_000 });
      await page.getByTestId('sb-resume-continue').click();
      await page
        .getByTestId('sb-message')
        .filter({ hasText: 'Canary Islands' })
        .waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('sb-reference').textContent()).toContain(martaCode);
      expect(await page.getByTestId('sb-message').filter({ hasText: 'my order' }).count()).toBe(0);
      expect(await visitorTokenIn(page)).toBe(martaToken);
      expect(page.url()).not.toContain('sb-chat');
      await pablo.context.close();
    },
  );
});

/** The link our follow-up mail or SMS carries for the conversation with this reference. */
async function linkOf(reference: string) {
  const [row] = await scenario.system.db.sql<{ conversation_id: string; visitor_id: string }[]>`
    select c.id as conversation_id, ci.address as visitor_id from conversations c
    join contact_identities ci on ci.contact_id = c.contact_id and ci.kind = 'web'
    where c.reference = ${reference}`;
  expect(row).toBeDefined();
  const conversationId = row?.conversation_id ?? '';
  const visitorId = row?.visitor_id ?? '';
  const resumeToken = signResumeToken(scenario.system.config.SECRET_KEY, {
    inboxId: site.inboxId,
    visitorId,
    conversationId,
  });
  return { resumeToken, conversationId, visitorId };
}

/** The visitor token the widget keeps on this browser. */
async function visitorTokenIn(page: Page): Promise<string> {
  const stored = await page.evaluate<string | null>(
    `localStorage.getItem('switchboard.webchat.${site.inboxId}.visitor')`,
  );
  return (JSON.parse(stored ?? '{}') as { token?: string }).token ?? '';
}
