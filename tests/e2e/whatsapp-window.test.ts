import {
  signInAgent,
  useAgentScenario,
  waitForRealtime,
  type CloudInbox,
} from '@switchboard/stack/testing';
import { beforeAll, describe, expect, it } from 'vitest';

const scenario = useAgentScenario({ statusDelayMs: 200 });
let inbox: CloudInbox;

beforeAll(async () => {
  inbox = await scenario.system.cloudInbox(scenario.workspace.id, {
    defaultTeamId: scenario.team.id,
  });
});

describe('a WhatsApp conversation past its 24-hour window', () => {
  it('offers only templates, previews the filled-in template and sends it to the customer', async () => {
    const customer = '+5491144440001';
    const written = await fetch(`${scenario.system.sandboxUrl}/sandbox/meta/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: customer,
        profileName: 'Lucía Gómez',
        to: inbox.address,
        type: 'text',
        text: 'Hola, ¿mi pedido?',
      }),
    });
    expect(written.status).toBe(200);

    const page = await scenario.browser.newPage({ locale: 'es-ES' });
    await signInAgent(page, scenario.system.apiUrl, scenario.agent.email);
    await waitForRealtime(page);
    await page.getByTestId('tab-waiting').click();
    const row = page.getByTestId('conversation-item').filter({ hasText: '¿mi pedido?' });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.getByTestId('accept-button').click();
    await expect
      .poll(() => page.getByTestId('window-status').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('open');
    await page.getByTestId('reply-input').waitFor();

    // A day and a bit later the window has closed.
    await scenario.system.db
      .sql`update conversations set last_inbound_at = now() - interval '25 hours' where inbox_id = ${inbox.id}`;
    await page.reload();
    await expect
      .poll(() => page.getByTestId('window-status').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('closed');
    expect(await page.getByTestId('reply-input').count()).toBe(0);

    await page.getByTestId('template-sync').click();
    await page.getByTestId('template-select').click();
    await page.getByRole('option', { name: /order_update.*es/ }).click();
    await page.getByTestId('template-param-1').fill('Lucía');
    await page.getByTestId('template-param-2').fill('A-1042');
    await expect
      .poll(() => page.getByTestId('template-preview').textContent())
      .toContain('Hola Lucía, tu pedido A-1042 fue enviado.');
    await page.getByTestId('template-send').click();

    const sent = page
      .getByTestId('message-item')
      .filter({ hasText: 'Hola Lucía, tu pedido A-1042 fue enviado.' });
    await expect
      .poll(() => sent.getAttribute('data-status'), { timeout: 10_000 })
      .toBe('delivered');
    const thread = await fetch(
      `${scenario.system.sandboxUrl}/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${encodeURIComponent(inbox.address)}`,
    );
    expect(await thread.text()).toContain('A-1042');
  });
});
