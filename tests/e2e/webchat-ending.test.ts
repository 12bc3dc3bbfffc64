import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import { describe, expect, it } from 'vitest';
import { openChat, startChat, useShop } from './webchat-shop';

const scenario = useAgentScenario({ statusDelayMs: 50 });
const shop = useShop(scenario);

describe('a web chat ends', () => {
  it(
    'says who ended it, takes a 1–5 rating with a comment and mails the transcript; the visitor can end it too',
    { timeout: 150_000 },
    async () => {
      const { system, workspace, team, agent } = scenario;
      // Transcripts leave from the workspace's email inbox.
      await system.emailInbox(workspace.id, { defaultTeamId: team.id });
      // Yesterday the team took 3 minutes to take a chat: that is what the next shopper is told.
      const regular = await system.make.contact(workspace.id, {
        kind: 'email',
        address: 'regular@example.com',
      });
      const yesterday = Date.now() - 24 * 3_600_000;
      await system.make.conversation({
        workspaceId: workspace.id,
        inboxId: shop.inboxId,
        contactId: regular.id,
        teamId: team.id,
        reference: 'SB-PAST1',
        status: 'closed',
        outcome: 'resolved',
        createdAt: new Date(yesterday),
        queuedAt: new Date(yesterday),
        waitingSince: null,
        firstAssignedAt: new Date(yesterday + 180_000),
        closedAt: new Date(yesterday + 600_000),
      });
      const { context, page: shopper } = await openChat(scenario.browser, shop);
      const code = await startChat(shopper, {
        name: 'Lucía Pérez',
        contact: 'lucia@example.com',
        firstMessage: 'Do you ship to the Canary Islands?',
      });
      await expect
        .poll(() => shopper.getByTestId('sb-queue').locator('..').textContent())
        .toBe('You are number 1 in line · about 3 min');
      expect(await shopper.getByTestId('sb-end').isVisible()).toBe(true);

      // Ana takes it: the shopper sees her join, then type, then answer.
      const desk = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await desk.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-waiting').click();
      await waitForRealtime(ana);
      await ana.locator(`[data-testid="conversation-item"][data-reference="${code}"]`).click();
      await ana.getByTestId('accept-button').click();
      const joined = shopper.getByTestId('sb-join');
      await joined.waitFor({ timeout: 15_000 });
      await joined.getByText('Ana Agent joined the conversation').waitFor();
      // No photo on file: her initials stand in.
      expect(await joined.locator('.avatar').textContent()).toBe('AA');
      await ana.getByTestId('reply-input').pressSequentially('Yes, we', { delay: 30 });
      await expect
        .poll(() => shopper.getByTestId('sb-typing').textContent(), { timeout: 10_000 })
        .toBe('Ana Agent is typing…');
      await ana.getByTestId('reply-input').fill('Yes, we ship there in 3 days.');
      await ana.getByTestId('reply-send').click();
      await shopper.getByTestId('sb-message').filter({ hasText: 'ship there in 3 days' }).waitFor();
      expect(await shopper.getByTestId('sb-typing').isHidden()).toBe(true);
      await desk.close();

      // She closes it: the shopper reads who ended it and may rate it.
      const client = await system.signIn(agent.email);
      const waitingOrOpen = (await (await client('/api/v1/conversations?tab=open')).json()) as {
        items: Array<{ id: string; reference: string }>;
      };
      const conversationId = waitingOrOpen.items.find((item) => item.reference === code)?.id;
      expect(conversationId).toBeDefined();
      const closed = await client(`/api/v1/conversations/${conversationId}/close`, {
        body: { outcome: 'resolved' },
      });
      expect(closed.status).toBe(200);
      const ending = shopper.getByTestId('sb-closed');
      await ending.waitFor({ timeout: 15_000 });
      expect(await ending.getAttribute('data-ending')).toBe('agent');
      expect(await ending.textContent()).toBe(
        'Ana Agent ended the chat. You can write to us again at any time.',
      );
      expect(await shopper.getByTestId('sb-end').isHidden()).toBe(true);

      const rating = shopper.getByTestId('sb-rating');
      expect(await rating.getByText('How was this chat?').isVisible()).toBe(true);
      expect(await shopper.getByTestId('sb-rating-send').isDisabled()).toBe(true);
      await rating.getByRole('button', { name: '4 of 5' }).click();
      await shopper.getByTestId('sb-rating-comment').fill('Quick, but I had to wait a bit.');
      await shopper.getByTestId('sb-rating-send').click();
      await shopper
        .getByTestId('sb-rating-thanks')
        .getByText('Thanks for your feedback!')
        .waitFor();
      const ratingOf = async () =>
        (
          (await (await client(`/api/v1/conversations/${conversationId}`)).json()) as {
            rating: { score: number; comment: string | null } | null;
          }
        ).rating;
      expect(await ratingOf()).toEqual({ score: 4, comment: 'Quick, but I had to wait a bit.' });

      // Saved, not just shown: after a reload it is still there, and may be changed.
      await shopper.reload();
      await shopper.getByTestId('sb-rating-thanks').waitFor();
      await shopper.getByTestId('sb-rating-thanks').getByRole('button', { name: 'Change' }).click();
      expect(await shopper.getByTestId('sb-rating-comment').inputValue()).toBe(
        'Quick, but I had to wait a bit.',
      );
      await rating.getByRole('button', { name: '5 of 5' }).click();
      await shopper.getByTestId('sb-rating-comment').fill('Actually, perfect.');
      await shopper.getByTestId('sb-rating-send').click();
      await shopper.getByTestId('sb-rating-thanks').waitFor();
      expect(await ratingOf()).toEqual({ score: 5, comment: 'Actually, perfect.' });

      // The transcript, to the email given at the start unless another is typed.
      await shopper.getByTestId('sb-transcript-ask').click();
      expect(await shopper.getByTestId('sb-transcript-email').inputValue()).toBe(
        'lucia@example.com',
      );
      await shopper.getByTestId('sb-transcript-send').click();
      await expect
        .poll(() => shopper.getByTestId('sb-transcript-status').textContent())
        .toBe('We sent the transcript to lucia@example.com.');
      await expect
        .poll(
          async () => {
            const mailbox = (await (
              await fetch(`${system.sandboxUrl}/sandbox/mail/mailbox?address=lucia@example.com`)
            ).json()) as { items: Array<{ direction: string; text: string }> };
            return mailbox.items.some(
              (mail) => mail.direction === 'in' && mail.text.includes('ship there in 3 days'),
            );
          },
          { timeout: 20_000 },
        )
        .toBe(true);

      // Writing again picks the conversation up again: Ana has gone, so it waits in the queue,
      // and the shopper ends it themself.
      await system.db.sql`update users set presence = 'offline' where id = ${agent.id}`;
      await shopper.getByTestId('sb-composer').fill('One more thing: do you have it in blue?');
      await shopper.getByTestId('sb-composer').press('Enter');
      await shopper.getByTestId('sb-queue').waitFor({ timeout: 20_000 });
      expect(await shopper.getByTestId('sb-closed').isHidden()).toBe(true);
      // A misclick asks first and ends nothing.
      await shopper.getByTestId('sb-end').click();
      await shopper.getByTestId('sb-end-no').click();
      expect(await shopper.getByTestId('sb-end-confirm').isHidden()).toBe(true);
      await shopper.getByTestId('sb-end').click();
      await shopper.getByTestId('sb-end-confirm').getByText('End this chat?').waitFor();
      await shopper.getByTestId('sb-end-yes').click();
      await expect
        .poll(() => shopper.getByTestId('sb-closed').textContent())
        .toBe('You ended the chat. You can write to us again at any time.');
      expect(await shopper.getByTestId('sb-closed').getAttribute('data-ending')).toBe('customer');
      const closedTab = (await (await client('/api/v1/conversations?tab=closed')).json()) as {
        items: Array<{ reference: string; outcome: string; closedBy: string }>;
      };
      expect(closedTab.items.find((item) => item.reference === code)).toMatchObject({
        outcome: 'cancelled',
        closedBy: 'customer',
      });

      await context.close();
    },
  );
});
