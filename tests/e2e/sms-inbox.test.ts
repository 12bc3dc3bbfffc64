import { signInAgent, useAgentScenario, waitForRealtime } from '@switchboard/stack/testing';
import { beforeAll, describe, expect, it } from 'vitest';

const scenario = useAgentScenario({ statusDelayMs: 200 });
let inbox: { id: string; address: string };

beforeAll(async () => {
  inbox = await scenario.system.smsInbox(scenario.workspace.id, {
    defaultTeamId: scenario.team.id,
  });
});

describe('an agent answers a text from the inbox', () => {
  it('sees the customer text arrive in Waiting, accepts, replies and the phone shows it delivered', async () => {
    const customer = '+15005550042';
    const agentPage = await scenario.browser.newPage({ locale: 'en-US' });
    await signInAgent(agentPage, scenario.system.apiUrl, scenario.agent.email);
    await agentPage.getByTestId('tab-waiting').click();
    await waitForRealtime(agentPage);

    // The customer writes from the simulated phone.
    const phone = await scenario.browser.newPage({ locale: 'en-US' });
    await phone.goto(
      `${scenario.system.sandboxUrl}/phone?customer=${encodeURIComponent(customer)}&business=${encodeURIComponent(inbox.address)}`,
    );
    await phone.getByTestId('phone-input').fill('Hi! Where is my order?');
    await phone.getByTestId('phone-send').click();

    // It shows up live, without a reload.
    const row = agentPage
      .getByTestId('conversation-item')
      .filter({ hasText: 'Where is my order?' });
    await row.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => agentPage.getByTestId('tab-count-waiting').textContent())
      .toContain('1');
    await row.click();
    await agentPage.getByTestId('accept-button').click();
    await agentPage.getByTestId('reply-input').fill('It ships tomorrow morning.');
    await agentPage.getByTestId('reply-send').click();

    const sent = agentPage
      .getByTestId('message-item')
      .filter({ hasText: 'It ships tomorrow morning.' });
    await expect
      .poll(() => sent.getAttribute('data-status'), { timeout: 10_000 })
      .toBe('delivered');

    const reply = phone
      .getByTestId('phone-message')
      .filter({ hasText: 'It ships tomorrow morning.' });
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.getAttribute('data-direction')).toBe('in');
    await expect
      .poll(() => reply.getAttribute('data-status'), { timeout: 10_000 })
      .toBe('delivered');
  });
});
