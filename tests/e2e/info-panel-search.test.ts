import { schema } from '@switchboard/db';
import { signInAgent, useAgentScenario, waitFor } from '@switchboard/stack/testing';
import { and, asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from '../api/fixtures';

const scenario = useAgentScenario({ statusDelayMs: 50 });
const phone = '+15005550123';
let inbox: { id: string; address: string };
let conversationId: string;
let contactId: string;
let wantedMessageId: string;

async function customerTexts(body: string) {
  const response = await scenario.system.postTwilio(
    `/webhooks/twilio/${inbox.id}`,
    incomingSms({
      accountSid: scenario.system.twilioAccount.accountSid,
      from: phone,
      to: inbox.address,
      body,
    }),
    scenario.system.twilioAccount.authToken,
  );
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  const { system, workspace, team } = scenario;
  inbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
  await customerTexts('Hola, necesito cambiar la dirección de entrega del paquete 4411');
  await customerTexts('Gracias, quedo atento');

  // Both texts stored, in one conversation of one contact.
  const rows = await waitFor(
    async () => {
      const found = await system.db.db
        .select({
          id: schema.messages.id,
          text: schema.messages.text,
          conversationId: schema.messages.conversationId,
          contactId: schema.conversations.contactId,
        })
        .from(schema.messages)
        .innerJoin(
          schema.conversations,
          eq(schema.conversations.id, schema.messages.conversationId),
        )
        .where(
          and(
            eq(schema.messages.workspaceId, workspace.id),
            eq(schema.messages.direction, 'inbound'),
          ),
        )
        .orderBy(asc(schema.messages.occurredAt));
      return found.length >= 2 ? found : undefined;
    },
    { what: 'both inbound texts', timeoutMs: 20_000 },
  );
  const wanted = rows.find((row) => row.text?.includes('paquete'));
  if (!wanted) throw new Error('the first text was not stored');
  wantedMessageId = wanted.id;
  conversationId = wanted.conversationId;
  contactId = wanted.contactId;

  // The same customer also wrote by email once: a second identity of the same contact.
  await system.db.db.insert(schema.contactIdentities).values({
    workspaceId: workspace.id,
    contactId,
    kind: 'email',
    address: 'lucia.perez@example.test',
    displayName: 'Lucía Pérez',
  });
  await system.db.db
    .update(schema.contacts)
    .set({ country: 'MX', language: 'es' })
    .where(eq(schema.contacts.id, contactId));
});

async function openAgentPage(): Promise<Page> {
  const page = await scenario.browser.newPage({
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  await signInAgent(page, scenario.system.apiUrl, scenario.agent.email);
  await page.getByTestId('tab-waiting').waitFor();
  return page;
}

describe('the info panel', () => {
  it('shows every identity of the contact and keeps a note across a reload', async () => {
    const page = await openAgentPage();
    await page.goto(`${scenario.system.apiUrl}/waiting/${conversationId}`);

    const panel = page.getByTestId('info-panel');
    const identities = panel.getByTestId('contact-identity');
    await expect.poll(() => identities.count(), { timeout: 10_000 }).toBe(2);
    expect(await identities.evaluateAll((rows) => rows.map((row) => row.dataset.kind))).toEqual(
      expect.arrayContaining(['phone', 'email']),
    );
    expect(await panel.getByTestId('contact-identities').textContent()).toContain(
      'lucia.perez@example.test',
    );
    expect(await panel.getByTestId('contact-country').textContent()).toContain('Mexico');

    const notes = panel.getByTestId('contact-notes');
    await notes.fill('Prefers a call in the afternoon. VIP since 2021.');
    await expect
      .poll(() => panel.getByTestId('contact-notes-status').getAttribute('data-state'), {
        timeout: 10_000,
      })
      .toBe('saved');

    await page.reload();
    await expect
      .poll(() => page.getByTestId('info-panel').getByTestId('contact-notes').inputValue(), {
        timeout: 10_000,
      })
      .toBe('Prefers a call in the afternoon. VIP since 2021.');
    await page.close();
  });
});

describe('search', () => {
  it('finds a message by a word inside it and opens the conversation at that message', async () => {
    const page = await openAgentPage();
    const input = page.getByTestId('search-input');
    await input.click();
    await input.fill('paquete');

    const hit = page.locator('[data-testid="search-result"][data-kind="message"]');
    await hit.first().waitFor({ timeout: 10_000 });
    expect(await hit.first().getByTestId('search-snippet').textContent()).toContain('paquete');
    expect(await hit.first().locator('mark').first().textContent()).toBe('paquete');

    // The keyboard picks it: the first result is active, Enter opens it.
    await input.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith(`/${conversationId}`));
    const target = page.locator(
      `[data-testid="message-item"][data-message-id="${wantedMessageId}"]`,
    );
    await expect
      .poll(() => target.getAttribute('data-highlighted'), { timeout: 10_000 })
      .toBe('true');
    expect(await target.textContent()).toContain('paquete');
    // Only that message.
    expect(
      await page.locator('[data-testid="message-item"][data-highlighted="true"]').count(),
    ).toBe(1);
    expect(await target.isVisible()).toBe(true);
    await page.close();
  });

  it('finds a contact by a fragment of their phone number and opens their conversation', async () => {
    const page = await openAgentPage();
    const input = page.getByTestId('search-input');
    await input.click();
    await input.fill('5550123');

    const hit = page.locator('[data-testid="search-result"][data-kind="contact"]');
    await hit.first().waitFor({ timeout: 10_000 });
    expect(await hit.first().textContent()).toContain(phone);
    await hit.first().click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${conversationId}`));
    await page.getByTestId('thread-pane').waitFor();

    // A word nobody wrote: the dropdown says so.
    await input.click();
    await input.fill('zanahoria');
    await page.getByTestId('search-empty').waitFor({ timeout: 10_000 });
    await input.press('Escape');
    await expect.poll(() => page.getByTestId('search-empty').count()).toBe(0);
    await page.close();
  });
});

describe('saved filters', () => {
  it('saves the current tab and search under a name, applies it later and deletes it', async () => {
    const page = await openAgentPage();
    await page.getByTestId('tab-waiting').click();
    const input = page.getByTestId('search-input');
    await input.fill('paquete');
    await input.press('Escape');

    await page.getByTestId('saved-filters-button').click();
    await page.getByTestId('saved-filter-save').click();
    expect(await page.getByTestId('saved-filter-summary').textContent()).toContain('Waiting');
    await page.getByTestId('saved-filter-name').fill('Paquetes en espera');
    await page.getByTestId('saved-filter-submit').click();
    await page.getByTestId('saved-filter-name').waitFor({ state: 'detached' });

    // Somewhere else, with another search, the saved filter brings both back.
    await page.getByTestId('tab-open').click();
    await input.fill('');
    await page.getByTestId('saved-filters-button').click();
    const saved = page.locator('[data-testid="saved-filter-item"][data-name="Paquetes en espera"]');
    await saved.click();
    await page.waitForURL((url) => url.pathname === '/waiting');
    expect(await input.inputValue()).toBe('paquete');
    await page
      .locator('[data-testid="search-result"][data-kind="message"]')
      .first()
      .waitFor({ timeout: 10_000 });

    await input.press('Escape');
    await page.getByTestId('saved-filters-button').click();
    await saved.getByTestId('saved-filter-delete').click();
    await expect.poll(() => saved.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });
});

describe('staff contact actions', () => {
  it('a supervisor merges a duplicate into the contact and blocks it, with a confirmation each', async () => {
    const { system, workspace } = scenario;
    await system.make.contact(
      workspace.id,
      { kind: 'whatsapp', address: '+5215512345678' },
      { name: 'Lucía WhatsApp' },
    );
    const supervisor = await system.make.user(workspace.id, {
      name: 'Sara Super',
      role: 'supervisor',
    });
    const page = await scenario.browser.newPage({
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    });
    await signInAgent(page, system.apiUrl, supervisor.email);
    await page.getByTestId('tab-waiting').waitFor();
    await page.goto(`${system.apiUrl}/waiting/${conversationId}`);
    const panel = page.getByTestId('info-panel');
    await expect.poll(() => panel.getByTestId('contact-identity').count()).toBe(2);

    await panel.getByTestId('contact-menu').click();
    await page.getByTestId('contact-merge').click();
    await page.getByTestId('merge-search').fill('Lucía WhatsApp');
    await page.getByTestId('merge-candidate').first().click();
    // The confirmation says what moves before anything does.
    expect(await page.getByTestId('merge-confirm').textContent()).toContain('+5215512345678');
    await page.getByTestId('merge-submit').click();
    await expect
      .poll(() => panel.getByTestId('contact-identity').count(), { timeout: 10_000 })
      .toBe(3);

    await panel.getByTestId('contact-menu').click();
    await page.getByTestId('contact-block').click();
    await page.getByTestId('contact-block-confirm').click();
    await panel.getByTestId('contact-blocked-badge').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByTestId('info-panel').getByTestId('contact-blocked-badge').waitFor();
    await page.close();
  });
});
