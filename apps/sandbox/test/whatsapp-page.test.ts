import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import {
  META_NUMBER,
  startReceiver,
  startSandbox,
  TWILIO_WHATSAPP_NUMBER,
  type Receiver,
  type RunningSandbox,
} from './helpers';
import { graph, PIXEL_PNG, sendPath, startJsonReceiver, type JsonReceiver } from './meta-helpers';

const CUSTOMER = '+5215550001111';
const waId = CUSTOMER.slice(1);
const UI_TIMEOUT = { timeout: 10_000 };

// A real browser is slower than the rest of the suite, above all on a busy CI machine.
describe('customer WhatsApp page', { timeout: 45_000 }, () => {
  let sandbox: RunningSandbox;
  let metaApp: JsonReceiver;
  let twilioApp: Receiver;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    metaApp = await startJsonReceiver();
    twilioApp = await startReceiver();
    sandbox = await startSandbox({
      metaWebhookUrl: `${metaApp.url}/webhooks/whatsapp/inbox-1`,
      smsUrl: `${twilioApp.url}/webhooks/twilio/inbox-2`,
      statusDelayMs: 100,
    });
    browser = await chromium.launch({ executablePath: chromiumPath() });
  }, 30_000);
  afterAll(async () => {
    await browser.close();
    await sandbox.app.close();
    await metaApp.close();
    await twilioApp.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function openWhatsApp(locale: string, query = '') {
    const context = await browser.newContext({ locale, viewport: { width: 400, height: 820 } });
    page = await context.newPage();
    await page.goto(`${sandbox.url}/whatsapp${query}`);
    return page;
  }

  const messages = (direction: 'in' | 'out') =>
    page.locator(`[data-testid="wa-message"][data-direction="${direction}"]`);
  const customerMessages = () =>
    metaApp.received
      .map((webhook) => webhook.body.entry[0].changes[0].value)
      .filter((value) => value.messages)
      .map((value) => ({ contact: value.contacts[0], message: value.messages[0] }));

  it('chats with a Cloud API business: text, a photo, a reaction and a quoted reply', async () => {
    await openWhatsApp('en-US', `?customer=${encodeURIComponent(CUSTOMER)}`);
    await expect
      .poll(() => page.getByTestId('wa-business').inputValue(), UI_TIMEOUT)
      .toBe(`meta:${META_NUMBER.phoneNumberId}`);
    expect(await page.getByTestId('wa-send').textContent()).toBe('Send');
    await page.getByTestId('wa-name').fill('Lucía Gómez');

    await page.getByTestId('wa-input').fill('Where is my order?');
    await page.getByTestId('wa-send').click();
    const sent = messages('out').first();
    await expect.poll(() => sent.getAttribute('data-status'), UI_TIMEOUT).toBe('delivered');
    expect(await sent.getByTestId('wa-text').textContent()).toBe('Where is my order?');
    expect(await page.getByTestId('wa-input').inputValue()).toBe('');
    expect(customerMessages()[0]).toMatchObject({
      contact: { profile: { name: 'Lucía Gómez' }, wa_id: waId },
      message: { from: waId, type: 'text', text: { body: 'Where is my order?' } },
    });

    // A photo, with what is typed as its caption.
    await page.getByTestId('wa-input').fill('The box');
    await page
      .getByTestId('wa-attach')
      .setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect.poll(() => messages('out').count(), UI_TIMEOUT).toBe(2);
    await expect.poll(() => messages('out').nth(1).locator('img').count(), UI_TIMEOUT).toBe(1);
    const photo = customerMessages()[1]!.message;
    expect(photo).toMatchObject({
      type: 'image',
      image: { caption: 'The box', mime_type: 'image/png' },
    });
    const media = await graph(sandbox.url, `/v23.0/${photo.image.id}`);
    const download = await fetch(media.body.url, {
      headers: { authorization: `Bearer ${META_NUMBER.accessToken}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(PIXEL_PNG)).toBe(true);

    // The agent answers; the open page reads it, which Meta reports as `read`.
    const reply = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: waId,
        type: 'text',
        text: { body: 'It ships today.' },
      },
    });
    const agentMessageId = reply.body.messages[0].id as string;
    const agentMessage = page.locator(`[data-testid="wa-message"][data-id="${agentMessageId}"]`);
    await agentMessage.waitFor(UI_TIMEOUT);
    expect(await agentMessage.getByTestId('wa-text').textContent()).toBe('It ships today.');
    await expect
      .poll(() => metaApp.statuses(agentMessageId).map((status) => status.status), UI_TIMEOUT)
      .toEqual(['sent', 'delivered', 'read']);
    await expect.poll(() => agentMessage.getAttribute('data-status'), UI_TIMEOUT).toBe('read');

    // The agent reads the customer's messages: their ticks turn blue.
    await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: customerMessages()[1]!.message.id,
      },
    });
    await expect.poll(() => sent.getAttribute('data-status'), UI_TIMEOUT).toBe('read');
    expect(await sent.locator('.tick.read').count()).toBe(1);

    // React to the agent's message with ❤️.
    await agentMessage.click();
    await page.getByTestId('wa-reply').waitFor(UI_TIMEOUT);
    await page.getByTestId('wa-react-1').click();
    await expect
      .poll(() => agentMessage.getByTestId('wa-reaction').textContent(), UI_TIMEOUT)
      .toBe('❤️');
    expect(customerMessages()[2]!.message).toMatchObject({
      type: 'reaction',
      reaction: { message_id: agentMessageId, emoji: '❤️' },
    });
    expect(await page.getByTestId('wa-reply').isVisible()).toBe(false);

    // Tap the agent's message and answer it: the reply quotes it.
    await agentMessage.click();
    await page.getByTestId('wa-input').fill('Great, thanks');
    await page.getByTestId('wa-input').press('Enter');
    await expect.poll(() => messages('out').count(), UI_TIMEOUT).toBe(3);
    expect(await messages('out').nth(2).getByTestId('wa-quote').textContent()).toContain(
      'It ships today.',
    );
    expect(customerMessages()[3]!.message).toMatchObject({
      type: 'text',
      text: { body: 'Great, thanks' },
      context: { from: META_NUMBER.displayPhoneNumber.slice(1), id: agentMessageId },
    });

    // A template arrives rendered with its parameters.
    await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: waId,
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Lucía' },
                { type: 'text', text: 'A-1042' },
              ],
            },
          ],
        },
      },
    });
    await expect
      .poll(() => messages('in').last().getByTestId('wa-text').textContent(), UI_TIMEOUT)
      .toBe('Hi Lucía, your order A-1042 has shipped.');
  });

  it('speaks Spanish, remembers the customer, and chats with a Twilio WhatsApp sender too', async () => {
    await openWhatsApp('es-ES');
    expect(await page.getByTestId('wa-send').textContent()).toBe('Enviar');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByTestId('wa-number').fill('+34600111222');
    await page.getByTestId('wa-number').press('Tab');
    await page.getByTestId('wa-name').fill('Marta');
    await page.getByTestId('wa-name').press('Tab');
    await expect
      .poll(() => page.getByTestId('wa-business').locator('option').count(), UI_TIMEOUT)
      .toBe(3);
    await page.getByTestId('wa-business').selectOption(`twilio:${TWILIO_WHATSAPP_NUMBER}`);

    await page.getByTestId('wa-input').fill('Hola desde Twilio');
    await page.getByTestId('wa-send').click();
    const [webhook] = await twilioApp.waitFor(1, 10_000);
    expect(webhook!.params).toMatchObject({
      From: 'whatsapp:+34600111222',
      To: TWILIO_WHATSAPP_NUMBER,
      Body: 'Hola desde Twilio',
      ProfileName: 'Marta',
      WaId: '34600111222',
    });
    await expect
      .poll(() => messages('out').first().getAttribute('data-status'), UI_TIMEOUT)
      .toBe('delivered');
    // Twilio carries no WhatsApp reactions, so the page offers none there.
    await messages('out').first().click();
    expect(await page.getByTestId('wa-react-0').isVisible()).toBe(false);

    await page.reload();
    await expect
      .poll(() => page.getByTestId('wa-number').inputValue(), UI_TIMEOUT)
      .toBe('+34600111222');
    expect(await page.getByTestId('wa-name').inputValue()).toBe('Marta');
    await expect
      .poll(() => page.getByTestId('wa-business').inputValue(), UI_TIMEOUT)
      .toBe(`twilio:${TWILIO_WHATSAPP_NUMBER}`);
  });
});
