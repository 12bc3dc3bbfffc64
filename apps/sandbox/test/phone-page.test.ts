import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import {
  BUSINESS_NUMBER,
  sdkClient,
  startReceiver,
  startSandbox,
  type Receiver,
  type RunningSandbox,
} from './helpers';

const CUSTOMER = '+15005550123';

// A real browser is slower than the rest of the suite, above all on a busy CI machine.
describe('customer phone page', { timeout: 30_000 }, () => {
  let sandbox: RunningSandbox;
  let receiver: Receiver;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({
      smsUrl: `${receiver.url}/webhooks/twilio/inbox-1`,
      statusDelayMs: 150,
    });
    browser = await chromium.launch({ executablePath: chromiumPath() });
  }, 30_000);
  afterAll(async () => {
    await browser.close();
    await sandbox.app.close();
    await receiver.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function openPhone(locale: string, query = '') {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 800 } });
    page = await context.newPage();
    await page.goto(`${sandbox.url}/phone${query}`);
    return page;
  }

  it('texts the business and shows the reply with live delivery ticks', async () => {
    await openPhone('en-US', `?customer=${encodeURIComponent(CUSTOMER)}`);
    await expect.poll(() => page.getByTestId('phone-business').inputValue()).toBe(BUSINESS_NUMBER);
    expect(await page.getByTestId('phone-number').inputValue()).toBe(CUSTOMER);
    expect(await page.getByTestId('phone-send').textContent()).toBe('Send');

    await page.getByTestId('phone-input').fill('Where is my order?');
    await page.getByTestId('phone-send').click();
    const sent = page.locator('[data-testid="phone-message"][data-direction="out"]');
    await sent.waitFor();
    expect(await sent.textContent()).toBe('Where is my order?');
    expect(await page.getByTestId('phone-input').inputValue()).toBe('');
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.params).toMatchObject({
      From: CUSTOMER,
      To: BUSINESS_NUMBER,
      Body: 'Where is my order?',
    });

    // The app answers through the Messages API, as Switchboard's worker does.
    await sdkClient(sandbox.url).messages.create({
      to: CUSTOMER,
      from: BUSINESS_NUMBER,
      body: 'It ships today.',
    });
    const reply = page.locator('[data-testid="phone-message"][data-direction="in"]');
    await reply.waitFor();
    expect(await reply.textContent()).toBe('It ships today.');
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 5000 }).toBe('delivered');
  });

  it('speaks Spanish to a Spanish browser and remembers the customer’s number', async () => {
    await openPhone('es-ES');
    expect(await page.getByTestId('phone-send').textContent()).toBe('Enviar');
    expect(await page.getByTestId('phone-number').inputValue()).toBe('+15005550006');
    await page.getByTestId('phone-number').fill('+34600111222');
    await page.getByTestId('phone-number').press('Enter');
    await page.getByTestId('phone-number').blur();
    await page.reload();
    await expect.poll(() => page.getByTestId('phone-number').inputValue()).toBe('+34600111222');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
  });
});
