import { schema } from '@switchboard/db';
import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Supervisor mode in the browser (issue 6): a supervisor looks at one agent's inbox, joins a
 * conversation (the customer is told, in Spanish here) and reassigns it to another agent,
 * whose Open tab receives it live.
 */

const scenario = useAgentScenario({ statusDelayMs: 50 });
const REFERENCE = 'SB-SUP01';
const OTHERS_REFERENCE = 'SB-SUP02';
const NOTICE = 'Sara Super se unió a la conversación.';
let agent2: { id: string; email: string; name: string };
let supervisor: { id: string; email: string; name: string };

beforeAll(async () => {
  const { system, workspace, team, agent } = scenario;
  agent2 = await system.make.user(workspace.id, { name: 'Bruno Agent', capacity: 10 });
  await system.make.member(workspace.id, team.id, agent2.id);
  supervisor = await system.make.user(workspace.id, { name: 'Sara Super', role: 'supervisor' });
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });

  const openFor = async (
    assigneeId: string,
    reference: string,
    address: string,
    values: { language?: string; preview: string },
  ) => {
    const contact = await system.make.contact(
      workspace.id,
      { kind: 'phone', address },
      { name: `Customer ${reference}`, language: values.language ?? null },
    );
    const conversation = await system.make.conversation({
      workspaceId: workspace.id,
      inboxId: inbox.id,
      contactId: contact.id,
      teamId: team.id,
      reference,
      status: 'open',
      phase: 'in_progress',
      assigneeId,
      waitingSince: null,
      lastInboundAt: new Date(),
      lastMessagePreview: values.preview,
    });
    await system.db.db.insert(schema.conversationParticipants).values({
      workspaceId: workspace.id,
      conversationId: conversation.id,
      userId: assigneeId,
    });
    return conversation;
  };
  await openFor(agent2.id, REFERENCE, '+15005550441', {
    language: 'es',
    preview: 'Mi pedido no llegó',
  });
  // Agent 1's own conversation: it must not show in agent 2's inbox.
  await openFor(agent.id, OTHERS_REFERENCE, '+15005550442', { preview: 'Where is my refund?' });
});

describe('supervisor mode', () => {
  it(
    "switches to agent 2's inbox, joins a conversation, reassigns it and agent 1 sees it live",
    { timeout: 90_000 },
    async () => {
      const { system, agent } = scenario;
      const item = (page: Page, reference: string) =>
        page.locator(`[data-testid="conversation-item"][data-reference="${reference}"]`);

      // Agent 1 is working on their Open tab when the reassignment happens.
      const anaContext = await scenario.browser.newContext({ locale: 'en-US' });
      const ana = await anaContext.newPage();
      await signInAgent(ana, system.apiUrl, agent.email);
      await ana.getByTestId('tab-open').click();
      await item(ana, OTHERS_REFERENCE).waitFor();
      await waitForRealtime(ana);
      // Agents never get the switch.
      expect(await ana.getByTestId('supervisor-mode-bar').count()).toBe(0);
      expect(await item(ana, REFERENCE).count()).toBe(0);

      const saraContext = await scenario.browser.newContext({
        locale: 'en-US',
        viewport: { width: 1440, height: 900 },
      });
      const sara = await saraContext.newPage();
      await signInAgent(sara, system.apiUrl, supervisor.email);
      const bar = sara.getByTestId('supervisor-mode-bar');
      await bar.waitFor();
      await sara.getByTestId('tab-open').click();
      await expect.poll(() => bar.getAttribute('data-on')).toBe('false');
      // Off, the supervisor's own inbox: they hold nothing.
      await sara.getByTestId('conversation-list').getByText('No open conversations').waitFor();
      await waitForRealtime(sara);

      // On: every conversation of the workspace, each with who holds it.
      await sara.getByTestId('supervisor-mode-switch').click();
      await expect.poll(() => bar.getAttribute('data-on')).toBe('true');
      await item(sara, REFERENCE).waitFor();
      await item(sara, OTHERS_REFERENCE).waitFor();
      await expect
        .poll(() => item(sara, REFERENCE).getByTestId('conversation-holder').textContent())
        .toContain('Bruno Agent');

      // Agent 2's inbox only: their conversation, not agent 1's; the link keeps the choice.
      await sara.getByTestId('supervisor-agent-select').click();
      await sara.getByRole('option', { name: 'Bruno Agent' }).click();
      await expect.poll(() => new URL(sara.url()).searchParams.get('agent')).toBe(agent2.id);
      await item(sara, OTHERS_REFERENCE).waitFor({ state: 'detached' });
      await item(sara, REFERENCE).waitFor();
      await expect.poll(() => sara.getByTestId('tab-count-open').textContent()).toBe('1');
      await sara.reload();
      await item(sara, REFERENCE).waitFor();
      await expect.poll(() => bar.getAttribute('data-on')).toBe('true');
      expect(await item(sara, OTHERS_REFERENCE).count()).toBe(0);
      await waitForRealtime(sara);

      // Join: the thread shows the joined line and the customer's notice, in Spanish.
      await item(sara, REFERENCE).click();
      const header = sara.getByTestId('conversation-header');
      await expect.poll(() => header.getAttribute('data-reference')).toBe(REFERENCE);
      await sara.getByTestId('join-button').click();
      const thread = sara.getByTestId('thread');
      await thread
        .locator('[data-activity="joined"]', { hasText: 'Sara Super' })
        .waitFor({ timeout: 10_000 });
      await thread
        .locator('[data-testid="message-item"][data-automatic]', { hasText: NOTICE })
        .waitFor({ timeout: 10_000 });
      await sara.getByTestId('join-button').waitFor({ state: 'detached' });

      // Reassign to agent 1.
      await sara.getByTestId('supervisor-actions').click();
      await sara.getByTestId('supervisor-reassign').click();
      const modal = sara.getByTestId('reassign-modal');
      await modal
        .locator(`[data-testid="agent-option"][data-agent-email="${agent.email}"]`)
        .click();
      await sara.getByTestId('reassign-confirm').click();
      await modal.waitFor({ state: 'detached' });
      await expect
        .poll(() => sara.getByTestId('header-assignee').textContent(), { timeout: 10_000 })
        .toContain(agent.name);
      await thread.locator('[data-activity="assigned"]').waitFor({ timeout: 10_000 });

      // It arrives in agent 1's Open tab without a reload, and leaves agent 2's.
      await item(ana, REFERENCE).waitFor({ timeout: 15_000 });
      await item(sara, REFERENCE).waitFor({ state: 'detached', timeout: 15_000 });
      await item(ana, REFERENCE).click();
      await ana
        .getByTestId('thread')
        .locator('[data-testid="message-item"][data-automatic]', { hasText: NOTICE })
        .waitFor({ timeout: 10_000 });

      await anaContext.close();
      await saraContext.close();
    },
  );
});
