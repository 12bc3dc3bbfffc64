import { signInAgent, useAgentScenario } from '@switchboard/stack/testing';
import { beforeAll, describe, expect, it } from 'vitest';

const scenario = useAgentScenario({ statusDelayMs: 50 });
let inbox: { id: string; address: string };

beforeAll(async () => {
  inbox = await scenario.system.emailInbox(scenario.workspace.id, {
    defaultTeamId: scenario.team.id,
  });
});

describe('an email conversation', () => {
  it('keeps the customer reply from their mail client in the thread the agent answered', async () => {
    const customer = 'lucia.gomez@mail.test';
    const mail = await scenario.browser.newPage({ locale: 'es-ES' });
    await mail.goto(`${scenario.system.sandboxUrl}/mail`);
    await mail.getByTestId('mail-from').fill(customer);
    await mail.getByTestId('mail-name').fill('Lucía Gómez');
    await mail.getByTestId('mail-to').fill(inbox.address);
    await mail.getByTestId('mail-subject').fill('Mi pedido llegó roto');
    await mail.getByTestId('mail-text').fill('La caja llegó aplastada.');
    await mail.getByTestId('mail-send').click();

    const agent = await scenario.browser.newPage({ locale: 'es-ES' });
    await signInAgent(agent, scenario.system.apiUrl, scenario.agent.email);
    await agent.getByTestId('tab-waiting').click();
    const row = agent.getByTestId('conversation-item').filter({ hasText: 'Lucía' });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await agent.getByTestId('email-subject').first().waitFor();
    expect(await agent.getByTestId('email-subject').first().textContent()).toContain(
      'Mi pedido llegó roto',
    );
    await agent.getByTestId('accept-button').click();
    await agent.getByTestId('reply-input').fill('Te enviamos otro hoy mismo.');
    await agent.getByTestId('reply-send').click();

    // The customer gets it threaded and answers from their client (Outlook here).
    const received = mail
      .getByTestId('mail-message')
      .filter({ hasText: 'Te enviamos otro hoy mismo.' });
    await received.waitFor({ timeout: 15_000 });
    expect(await received.getAttribute('data-direction')).toBe('in');
    await received.getByTestId('mail-reply').click();
    await mail.getByTestId('mail-client').selectOption('outlook');
    await mail.getByTestId('mail-reply-text').fill('¡Gracias! Quedo atenta.');
    await mail.getByTestId('mail-reply-send').click();

    const answer = agent.getByTestId('message-item').filter({ hasText: 'Quedo atenta' });
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.getAttribute('data-direction')).toBe('inbound');
    // Still one conversation: nothing new waiting.
    expect(await agent.getByTestId('conversation-item').filter({ hasText: 'Lucía' }).count()).toBe(
      1,
    );
  });
});
