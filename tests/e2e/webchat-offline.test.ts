import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import { describe, expect, it } from 'vitest';
import { openChat, referenceOf, useShop } from './webchat-shop';

const scenario = useAgentScenario({ statusDelayMs: 50 });
const shop = useShop(scenario);

describe('a shopper writes while nobody is online', () => {
  it(
    'leaves a message in the offline form, told where the answer will go; the team finds it waiting, marked offline',
    { timeout: 120_000 },
    async () => {
      const { system, agent } = scenario;
      // The only agent of the shop's team has gone home.
      await system.db.sql`update users set presence = 'offline' where id = ${agent.id}`;

      const { context, page: shopper } = await openChat(scenario.browser, shop);
      await shopper.getByTestId('sb-offline-notice').getByText('Nobody is available').waitFor();
      expect(await shopper.getByTestId('sb-start').textContent()).toBe('Send message');

      // The message is part of the form: an empty one is not sent.
      await shopper.getByTestId('sb-name').fill('Lucía Pérez');
      await shopper.getByTestId('sb-contact').fill('Lucia@Example.com');
      await shopper.getByTestId('sb-start').click();
      await shopper.getByTestId('sb-form-error').getByText('write your message').waitFor();
      await shopper
        .getByTestId('sb-offline-message')
        .fill('My order SOL-1182 never arrived. Where is it?');
      await shopper.getByTestId('sb-start').click();

      const confirmation = shopper.getByTestId('sb-offline-confirmation');
      await confirmation.getByText('Thanks, we got your message.').waitFor();
      expect(await confirmation.textContent()).toContain(
        'We will answer you by email at lucia@example.com.',
      );
      const code = await referenceOf(shopper);
      await expect
        .poll(() => confirmation.textContent(), { timeout: 15_000 })
        .toContain(`Your reference: ${code}`);
      // The message itself shows below, and the chat goes on from there.
      await shopper
        .getByTestId('sb-message')
        .filter({ hasText: 'never arrived' })
        .and(shopper.locator('[data-state="listed"]'))
        .waitFor({ timeout: 15_000 });
      expect(await shopper.getByTestId('sb-composer').isVisible()).toBe(true);
      // Nobody is coming soon: no place in a line that is not moving.
      expect(await shopper.getByTestId('sb-queue').count()).toBe(0);

      // The team, back in the morning, finds it in Waiting with the message.
      const desk = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await desk.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-waiting').click();
      await waitForRealtime(ana);
      const item = ana.locator(`[data-testid="conversation-item"][data-reference="${code}"]`);
      // Marked in the list as an offline message.
      expect(await item.getByTestId('offline-message').textContent()).toBe('Offline message');
      await item.click();
      await ana
        .getByTestId('message-item')
        .filter({ hasText: 'My order SOL-1182 never arrived' })
        .waitFor();

      const client = await system.signIn(agent.email);
      const waiting = (await (await client('/api/v1/conversations?tab=waiting')).json()) as {
        items: Array<{ id: string; reference: string; status: string; receivedOffline: boolean }>;
      };
      const listed = waiting.items.find((item) => item.reference === code);
      expect(listed).toMatchObject({ status: 'waiting', receivedOffline: true });
      // Counted as an offline message, for the team's indicators and whoever reads it.
      const [row] = await system.db.sql<
        { received_offline: boolean; page_url: string | null; offline: unknown }[]
      >`
        select c.received_offline, m.metadata->>'pageUrl' as page_url,
          m.metadata->'offline' as offline
        from conversations c join messages m on m.conversation_id = c.id and m.direction = 'inbound'
        where c.reference = ${code}`;
      expect(row).toEqual({ received_offline: true, page_url: shop.url, offline: true });

      await desk.close();
      await context.close();
    },
  );
});
