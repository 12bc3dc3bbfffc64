import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import {
  CUSTOMER_ADDRESS,
  REPLY_TO_ADDRESS,
  sendAsSwitchboard,
  SUPPORT_ADDRESS,
  useMailWorld,
} from './mail-helpers';

const UI_TIMEOUT = { timeout: 10_000 };

// A real browser is slower than the rest of the suite, above all on a busy CI machine.
describe('customer mail page', { timeout: 45_000 }, () => {
  const world = useMailWorld();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath() });
  }, 30_000);
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await page.context().close();
  });

  async function openMail(locale: string, query = '') {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    await page.goto(`${world.sandbox.url}/mail${query}`);
    return page;
  }

  it('writes to support, sees the business’s answer threaded, and replies to it', async () => {
    await openMail('en-US', `?address=${encodeURIComponent(CUSTOMER_ADDRESS)}`);
    await expect.poll(() => page.getByTestId('mail-to').inputValue()).toBe(SUPPORT_ADDRESS);
    expect(await page.getByTestId('mail-from').inputValue()).toBe(CUSTOMER_ADDRESS);
    expect(await page.getByTestId('mail-send').textContent()).toBe('Send');

    await page.getByTestId('mail-name').fill('Sam Jones');
    await page.getByTestId('mail-subject').fill('Order 1234 never arrived');
    await page.getByTestId('mail-text').fill('Hello,\nmy order never arrived.');
    await page.getByTestId('mail-send').click();
    const [question] = await world.listener.waitFor(1);
    expect(question!.parsed.from?.value).toEqual([
      { address: CUSTOMER_ADDRESS, name: 'Sam Jones' },
    ]);
    expect(question!.parsed.subject).toBe('Order 1234 never arrived');
    expect(question!.parsed.text).toBe('Hello,\nmy order never arrived.\n');
    const sent = page.locator('[data-testid="mail-message"][data-direction="out"]');
    await sent.waitFor(UI_TIMEOUT);
    expect(await sent.getAttribute('data-message-id')).toBe(question!.parsed.messageId);
    expect(await page.getByTestId('mail-subject').inputValue()).toBe('');

    // Switchboard answers through the sandbox's SMTP server, HTML that must not run.
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: CUSTOMER_ADDRESS,
      subject: 'Re: Order 1234 never arrived [SB-7K3Q9]',
      text: 'It ships today.',
      html: '<p>It ships <b>today</b>.</p><img src="x" onerror="parent.hacked = true"><script>parent.hacked = true</script>',
      replyTo: REPLY_TO_ADDRESS,
      messageId: '<answer-1@demo.test>',
      inReplyTo: question!.parsed.messageId!,
      references: [question!.parsed.messageId!],
    });
    const answer = page.locator('[data-testid="mail-message"][data-direction="in"]');
    await answer.waitFor(UI_TIMEOUT);
    expect(await answer.getAttribute('data-message-id')).toBe('<answer-1@demo.test>');
    expect(await answer.getByTestId('mail-body').textContent()).toBe('It ships today.');
    // One thread: the question and its answer together.
    expect(await page.locator('section.thread').count()).toBe(1);
    expect(await page.locator('section.thread [data-testid="mail-message"]').count()).toBe(2);

    await answer.getByTestId('mail-show-html').click();
    const frame = answer.locator('iframe');
    await frame.waitFor(UI_TIMEOUT);
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect
      .poll(() => page.frameLocator('iframe').locator('b').textContent(), UI_TIMEOUT)
      .toBe('today');
    expect(await page.evaluate('typeof globalThis.hacked')).toBe('undefined');

    await answer.getByTestId('mail-reply').click();
    await page.getByTestId('mail-client').selectOption('outlook');
    await page.getByTestId('mail-reply-text').fill('Thanks, got the tracking number.');
    await page.getByTestId('mail-reply-send').click();
    const replyMail = (await world.listener.waitFor(2))[1]!;
    expect(replyMail.envelope.to).toEqual([REPLY_TO_ADDRESS]);
    expect(replyMail.parsed.subject).toBe('RE: Order 1234 never arrived [SB-7K3Q9]');
    expect(replyMail.parsed.references).toEqual([
      question!.parsed.messageId,
      '<answer-1@demo.test>',
    ]);
    expect(replyMail.parsed.html).toContain('divRplyFwdMsg');
    await expect
      .poll(
        () => page.locator('[data-testid="mail-message"][data-direction="out"]').count(),
        UI_TIMEOUT,
      )
      .toBe(2);
    expect(await page.getByTestId('mail-reply-text').count()).toBe(0);
    expect(await page.locator('section.thread').count()).toBe(1);
  });

  it('speaks Spanish to a Spanish browser and remembers the customer’s address', async () => {
    await openMail('es-ES');
    expect(await page.getByTestId('mail-send').textContent()).toBe('Enviar');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByTestId('mail-from').fill('lucia@cliente.test');
    await page.getByTestId('mail-from').press('Tab');
    await page.reload();
    await expect.poll(() => page.getByTestId('mail-from').inputValue()).toBe('lucia@cliente.test');
  });
});
