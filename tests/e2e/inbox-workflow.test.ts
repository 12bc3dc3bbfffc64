import { schema } from '@switchboard/db';
import {
  signInAgent,
  useAgentScenario,
  waitFor,
  waitForRealtime,
} from '@switchboard/stack/testing';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from '../api/fixtures';

const scenario = useAgentScenario({ statusDelayMs: 50 });
const phone = '+15005550177';
let inbox: { id: string; address: string };
let colleague: { id: string; email: string; name: string };
let reference: string;

beforeAll(async () => {
  const { system, workspace, team } = scenario;
  colleague = await system.make.user(workspace.id, { name: 'Bruno Colega' });
  await system.make.member(workspace.id, team.id, colleague.id);
  inbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });

  const response = await system.postTwilio(
    `/webhooks/twilio/${inbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from: phone,
      to: inbox.address,
      body: 'My parcel arrived damaged, I want a replacement',
    }),
    system.twilioAccount.authToken,
  );
  expect(response.status).toBe(200);
  const conversation = await waitFor(
    async () => {
      const [row] = await system.db.db
        .select({ reference: schema.conversations.reference })
        .from(schema.conversations)
        .where(
          and(
            eq(schema.conversations.workspaceId, workspace.id),
            eq(schema.conversations.status, 'waiting'),
          ),
        );
      return row;
    },
    { what: 'the waiting conversation', timeoutMs: 20_000 },
  );
  reference = conversation.reference;
});

describe('two agents hand a conversation over in the inbox', () => {
  it(
    'accepts, transfers with a note, the colleague sees it live, tags, notes and closes it',
    { timeout: 90_000 },
    async () => {
      const { system, agent } = scenario;

      // The colleague is already working, on the Open tab, when the transfer happens.
      const colleagueContext = await scenario.browser.newContext({ locale: 'en-US' });
      const bruno = await colleagueContext.newPage();
      await signInAgent(bruno, system.apiUrl, colleague.email);
      await bruno.getByTestId('tab-open').waitFor();
      await waitForRealtime(bruno);

      const anaContext = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await anaContext.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-waiting').click();
      const waitingRow = ana.locator(
        `[data-testid="conversation-item"][data-reference="${reference}"]`,
      );
      await waitingRow.click();
      await ana.getByTestId('accept-button').click();
      await expect
        .poll(() => ana.getByTestId('conversation-header').getAttribute('data-status'))
        .toBe('open');

      // Transfer to the colleague with a note for them.
      await ana.getByTestId('transfer-button').click();
      await ana
        .locator(`[data-testid="agent-option"][data-agent-email="${colleague.email}"]`)
        .click();
      await ana.getByTestId('transfer-note').fill('Customer sent photos; replacement approved');
      await ana.getByTestId('transfer-confirm').click();
      await ana.getByTestId('transfer-modal').waitFor({ state: 'detached' });

      // It arrives in the colleague's Open tab without a reload.
      const arrived = bruno.locator(
        `[data-testid="conversation-item"][data-reference="${reference}"]`,
      );
      await arrived.waitFor({ timeout: 15_000 });
      await arrived.click();
      const header = bruno.getByTestId('conversation-header');
      await expect.poll(() => header.getAttribute('data-status')).toBe('open');
      await expect
        .poll(() => bruno.getByTestId('header-assignee').textContent())
        .toContain('Bruno Colega');

      // The transfer note is in the thread as a private note, with an activity line.
      const thread = bruno.getByTestId('thread');
      await thread
        .locator('[data-kind="note"]', { hasText: 'replacement approved' })
        .waitFor({ timeout: 10_000 });
      await thread
        .locator('[data-activity="transferred"]', { hasText: 'Bruno Colega' })
        .waitFor({ timeout: 10_000 });

      // A new tag, created inline from the picker.
      await bruno.getByTestId('tags-button').click();
      await bruno.getByTestId('tag-search').fill('Damaged');
      await bruno.getByTestId('tag-search').press('Enter');
      await bruno
        .getByTestId('header-tags')
        .getByText('Damaged', { exact: true })
        .waitFor({ timeout: 10_000 });
      await bruno.keyboard.press('Escape');
      await arrived.getByTestId('tag-chip').filter({ hasText: 'Damaged' }).waitFor();

      // N switches the composer to a private note (outside any text field).
      await thread.click();
      await bruno.keyboard.press('n');
      await expect
        .poll(() => bruno.getByTestId('reply-box').getAttribute('data-mode'))
        .toBe('note');
      await bruno.getByTestId('reply-input').fill('Shipping label sent by email');
      await bruno.getByTestId('reply-send').click();
      await thread.locator('[data-kind="note"]', { hasText: 'Shipping label sent' }).waitFor();

      // Shift+C opens the outcome dialog.
      await thread.click();
      await bruno.keyboard.press('Shift+C');
      await bruno.getByTestId('close-outcome-resolved').click();
      await bruno.getByTestId('close-confirm').click();
      await expect
        .poll(() => header.getAttribute('data-status'), { timeout: 10_000 })
        .toBe('closed');

      await bruno.getByTestId('tab-closed').click();
      const closedRow = bruno.locator(
        `[data-testid="conversation-item"][data-reference="${reference}"]`,
      );
      await closedRow.filter({ hasText: 'Resolved' }).waitFor({ timeout: 10_000 });

      // The thread tells the story, in order.
      await closedRow.click();
      const activities = await waitFor(
        async () => {
          const types = await bruno
            .getByTestId('thread')
            .locator('[data-activity]')
            .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-activity')));
          return types.includes('closed') ? types : undefined;
        },
        { what: 'the closed activity line', timeoutMs: 10_000 },
      );
      expect(activities).toEqual(
        expect.arrayContaining(['opened', 'accepted', 'transferred', 'tagged', 'closed']),
      );
      expect(activities.indexOf('accepted')).toBeLessThan(activities.indexOf('transferred'));
      expect(activities.indexOf('transferred')).toBeLessThan(activities.indexOf('closed'));
      await expect
        .poll(() => bruno.getByTestId('thread').locator('[data-activity="tagged"]').textContent())
        .toContain('Damaged');

      await anaContext.close();
      await colleagueContext.close();
    },
  );
});

describe('my own view of the inbox', () => {
  it(
    'counts unread in the whole tab, hides a conversation and shows it again from Hidden',
    { timeout: 60_000 },
    async () => {
      const { system, workspace, team, agent } = scenario;
      const open = async (suffix: string, unreadCount: number) => {
        const contact = await system.make.contact(workspace.id, {
          kind: 'phone',
          address: `+1500555030${suffix}`,
        });
        return system.make.conversation({
          workspaceId: workspace.id,
          inboxId: inbox.id,
          contactId: contact.id,
          teamId: team.id,
          reference: `SB-HID${suffix}`,
          status: 'open',
          assigneeId: agent.id,
          waitingSince: null,
          unreadCount,
        });
      };
      await open('1', 3);
      await open('2', 0);

      const context = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await context.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-open').click();
      await expect.poll(() => ana.getByTestId('tab-unread-open').textContent()).toBe('1');

      const item = (reference: string) =>
        ana.locator(`[data-testid="conversation-item"][data-reference="${reference}"]`);
      await item('SB-HID2').click();
      await ana.getByTestId('more-actions').click();
      await ana.getByTestId('menu-hide').click();
      await item('SB-HID2').waitFor({ state: 'detached' });

      await ana.getByTestId('view-hidden').click();
      const hidden = ana.locator('[data-testid="hidden-item"][data-reference="SB-HID2"]');
      await hidden.getByTestId('show-again').click();
      await hidden.waitFor({ state: 'detached' });
      await ana.getByTestId('view-hidden').click();
      await item('SB-HID2').waitFor();
      await item('SB-HID1').waitFor();

      await context.close();
    },
  );
});
