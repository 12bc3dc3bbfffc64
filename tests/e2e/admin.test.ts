import { signInAgent, useAgentScenario } from '@switchboard/stack/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

const scenario = useAgentScenario({ statusDelayMs: 200 });
let admin: { id: string; email: string };
let inbox: { id: string; address: string };

beforeAll(async () => {
  admin = await scenario.system.make.user(scenario.workspace.id, {
    name: 'Alba Admin',
    role: 'admin',
  });
  inbox = await scenario.system.smsInbox(scenario.workspace.id, {
    defaultTeamId: scenario.team.id,
  });
});

interface Team {
  id: string;
  name: string;
  assignmentMode: string;
  memberIds: string[];
}
interface Rule {
  name: string;
  conditions: { keywords?: string[] };
  actions: { teamId?: string; tagIds?: string[] };
}
interface Tag {
  id: string;
  name: string;
}
interface Conversation {
  id: string;
  team: { id: string; name: string } | null;
  tags: { id: string; name: string }[];
}

async function pickOption(page: Page, input: string, option: string | RegExp) {
  await page.getByTestId(input).click();
  await page.getByRole('option', { name: option }).first().click();
}

// An empty list offers its "New" button twice (header and empty state): tests take the header's.
describe('the admin area', () => {
  it('tells an agent who opens /admin that it needs admin rights', async () => {
    const page = await scenario.browser.newPage({ locale: 'en-US' });
    await signInAgent(page, scenario.system.apiUrl, scenario.agent.email);
    await page.getByTestId('tab-waiting').waitFor();
    expect(await page.getByTestId('admin-link').count()).toBe(0);
    await page.goto(`${scenario.system.apiUrl}/admin/teams`);
    await page.getByTestId('admin-forbidden').waitFor();
    expect(await page.getByTestId('admin-forbidden').textContent()).toContain(
      'You need admin rights',
    );
    await page.close();
  });

  it('lets an admin set up a team and a routing rule that a customer text then follows', async () => {
    const page = await scenario.browser.newPage({ locale: 'en-US' });
    await signInAgent(page, scenario.system.apiUrl, admin.email);
    await page.getByTestId('admin-link').click();
    await page.waitForURL(/\/admin\/teams$/);

    // A tag for the rule to add.
    await page.getByTestId('admin-nav-tags').click();
    await page.getByTestId('tag-new').first().click();
    await page.getByTestId('tag-name').fill('billing');
    await page.getByTestId('tag-color-teal').click();
    await page.getByTestId('tag-save').click();
    await page.getByTestId('tag-row').filter({ hasText: 'billing' }).waitFor();

    // The team: round robin, with Ana as its member.
    await page.getByTestId('admin-nav-teams').click();
    await page.getByTestId('team-new').first().click();
    // Saving without a name is refused before anything is sent.
    await page.getByTestId('team-save').click();
    await page.getByText('This field is required').waitFor();
    await page.getByTestId('team-name').fill('Billing');
    await page.getByTestId('team-mode-round_robin').click();
    await pickOption(page, 'team-members', /Ana Agent/);
    await page.keyboard.press('Escape');
    await page.getByTestId('team-save').click();
    await page.waitForURL(/\/admin\/teams\/[0-9a-f-]{36}$/);

    // The rule: invoice or factura → Billing, tag billing.
    await page.getByTestId('admin-nav-rules').click();
    await page.getByTestId('rule-new').first().click();
    await page.getByTestId('rule-name').fill('Invoices to Billing');
    await page.getByTestId('rule-keywords').fill('invoice');
    await page.keyboard.press('Enter');
    await page.getByTestId('rule-keywords').fill('factura');
    await page.keyboard.press('Enter');
    await pickOption(page, 'rule-team', 'Billing');
    await pickOption(page, 'rule-tags', 'billing');
    await page.keyboard.press('Escape');
    await page.getByTestId('rule-save').click();
    const rule = page.getByTestId('rule-row').filter({ hasText: 'Invoices to Billing' });
    await rule.waitFor();

    // Both survive a reload.
    await page.reload();
    const summaryText = () => rule.getByTestId('rule-summary').textContent();
    await expect.poll(summaryText).toContain('→ Billing');
    const summary = await summaryText();
    expect(summary).toContain('invoice');
    expect(summary).toContain('factura');
    expect(summary).toContain('→ Billing');
    expect(summary).toContain('tag billing');
    await page.getByTestId('admin-nav-teams').click();
    const row = page.getByTestId('team-row').filter({ hasText: 'Billing' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Round robin');
    await row.click();
    expect(await page.getByTestId('team-name').inputValue()).toBe('Billing');
    await page.getByText('Ana Agent').first().waitFor();

    // The API holds what the screens showed.
    const api = await scenario.system.signIn(admin.email);
    const teams = (await (await api('/api/v1/teams')).json()) as Team[];
    const billing = teams.find((team) => team.name === 'Billing');
    expect(billing).toMatchObject({
      assignmentMode: 'round_robin',
      memberIds: [scenario.agent.id],
    });
    const tags = (await (await api('/api/v1/tags')).json()) as Tag[];
    const tag = tags.find((candidate) => candidate.name === 'billing');
    const rules = (await (await api('/api/v1/routing-rules')).json()) as Rule[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      name: 'Invoices to Billing',
      conditions: { keywords: ['invoice', 'factura'] },
      actions: { teamId: billing?.id, tagIds: [tag?.id] },
    });

    // A customer writes about an invoice: the conversation lands in Billing, tagged.
    const phone = await scenario.browser.newPage({ locale: 'en-US' });
    await phone.goto(
      `${scenario.system.sandboxUrl}/phone?customer=${encodeURIComponent('+15005550077')}&business=${encodeURIComponent(inbox.address)}`,
    );
    await phone.getByTestId('phone-input').fill('Hello, my last invoice is wrong');
    await phone.getByTestId('phone-send').click();

    const routed = async () => {
      for (const tab of ['waiting', 'open'] as const) {
        const list = (await (await api(`/api/v1/conversations?tab=${tab}`)).json()) as {
          items: Conversation[];
        };
        if (list.items.length) return list.items[0];
      }
      return null;
    };
    await expect
      .poll(async () => (await routed())?.team?.name, { timeout: 20_000 })
      .toBe('Billing');
    expect((await routed())?.tags.map((tag) => tag.name)).toEqual(['billing']);
    await phone.close();
    await page.close();
  });
  it('lets an admin manage canned responses, tags and the order of rules, showing what the server refuses', async () => {
    const page = await scenario.browser.newPage({ locale: 'en-US' });
    await signInAgent(page, scenario.system.apiUrl, admin.email);
    await page.getByTestId('admin-link').click();

    // A canned response: the shortcut is checked before sending, variables insert by button.
    await page.getByTestId('admin-nav-canned').click();
    await page.getByTestId('canned-new').first().click();
    await page.getByTestId('canned-shortcut').fill('hi!');
    await page.getByTestId('canned-title').fill('Greeting');
    await page.getByTestId('canned-body').fill('Hello ');
    await page.getByTestId('canned-var-contact.name').click();
    await page.getByTestId('canned-save').click();
    await page.getByText('Use 1 to 32 lowercase letters, digits, - or _').waitFor();
    await page.getByTestId('canned-shortcut').fill('hi');
    await page.getByTestId('canned-save').click();
    const canned = page.getByTestId('canned-row').filter({ hasText: 'Greeting' });
    await canned.waitFor();
    expect(await canned.textContent()).toContain('Hello {{contact.name}}');
    await canned.getByTestId('canned-delete').click();
    await page.getByTestId('confirm-delete').click();
    await canned.waitFor({ state: 'detached' });

    // A duplicate tag name is refused by the server and said so in the form.
    await page.getByTestId('admin-nav-tags').click();
    await page.getByTestId('tag-new').first().click();
    await page.getByTestId('tag-name').fill('BILLING');
    await page.getByTestId('tag-save').click();
    await page.getByTestId('admin-form-error').waitFor();
    expect(await page.getByTestId('admin-form-error').getAttribute('data-code')).toBe('tag_exists');
    await page.getByTestId('tag-name').fill('vip');
    await page.getByTestId('tag-color-grape').click();
    await page.getByTestId('tag-save').click();
    const vip = page.getByTestId('tag-row').filter({ hasText: 'vip' });
    await vip.getByTestId('tag-edit').click();
    await page.getByTestId('tag-name').fill('premium');
    await page.getByTestId('tag-save').click();
    await page.getByTestId('tag-row').filter({ hasText: 'premium' }).waitFor();

    // A second rule moves above the first.
    const api = await scenario.system.signIn(admin.email);
    await api('/api/v1/routing-rules', {
      body: {
        name: 'Urgent words',
        conditions: { keywords: ['urgent'] },
        actions: { priority: 2 },
      },
    });
    await page.getByTestId('admin-nav-rules').click();
    const names = () =>
      page
        .getByTestId('rule-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')));
    await expect.poll(names).toEqual(['Invoices to Billing', 'Urgent words']);
    await page
      .getByTestId('rule-row')
      .filter({ hasText: 'Urgent words' })
      .getByTestId('rule-up')
      .click();
    await expect.poll(names).toEqual(['Urgent words', 'Invoices to Billing']);
    const rules = (await (await api('/api/v1/routing-rules')).json()) as Rule[];
    expect(rules.map((rule) => rule.name)).toEqual(['Urgent words', 'Invoices to Billing']);
    await page.close();
  });
});
