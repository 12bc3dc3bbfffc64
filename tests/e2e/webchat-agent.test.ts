import { randomUUID } from 'node:crypto';
import {
  signInAgent,
  useAgentScenario,
  waitFor,
  waitForRealtime,
  type ApiClient,
} from '@switchboard/stack/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const scenario = useAgentScenario({ statusDelayMs: 50 });
let inboxId: string;
let ana: ApiClient;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  const { system, workspace, team, agent } = scenario;
  const inbox = await system.make.smsInbox(workspace.id, {
    kind: 'webchat',
    name: 'Tienda Sol',
    address: 'tienda-sol-agent',
    externalId: null,
    credentials: {},
    defaultTeamId: team.id,
  });
  inboxId = inbox.id;
  ana = await system.signIn(agent.email);
});
afterAll(() => {
  for (const socket of sockets) socket.close();
});

interface Frame {
  type: string;
  conversationId?: string;
  name?: string;
}

/** The widget's side, driven through the public visitor API and socket (no cookie). */
async function visitorWrites(name: string, text: string) {
  const base = `${scenario.system.apiUrl}/api/v1/webchat`;
  const started = await fetch(`${base}/${inboxId}/visitors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(started.status).toBe(200);
  const { token, visitorId } = (await started.json()) as { token: string; visitorId: string };
  const sent = await fetch(`${base}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientMessageId: randomUUID(), text }),
  });
  expect(sent.status).toBe(202);

  const socket = new WebSocket(
    `${base.replace('http', 'ws')}/socket?token=${encodeURIComponent(token)}`,
  );
  sockets.push(socket);
  const frames: Frame[] = [];
  socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Frame));
  await waitFor(async () => frames.some((frame) => frame.type === 'hello'), {
    what: 'the visitor socket',
  });

  const conversation = await waitFor(
    async () => {
      const page = (await (await ana('/api/v1/conversations?tab=waiting&limit=100')).json()) as {
        items: Array<{ id: string; reference: string; contact: { identities: unknown[] } }>;
      };
      return page.items.find((item) => JSON.stringify(item.contact.identities).includes(visitorId));
    },
    { what: 'the web chat in Waiting' },
  );
  return { token, socket, frames, conversation };
}

/** Ana signs in, finds the chat in Waiting and accepts it. */
async function anaTakes(page: Page, reference: string) {
  await signInAgent(page, scenario.system.apiUrl, scenario.agent.email);
  await page.getByTestId('tab-waiting').click();
  await waitForRealtime(page);
  await page.locator(`[data-testid="conversation-item"][data-reference="${reference}"]`).click();
  await page.getByTestId('accept-button').click();
  await expect
    .poll(() => page.getByTestId('reply-box').getAttribute('data-disabled'))
    .toBe('false');
}

describe('typing between the agent and the web chat visitor', () => {
  it(
    'shows the agent that the visitor is typing and tells the visitor when the agent types',
    { timeout: 90_000 },
    async () => {
      const visitor = await visitorWrites('Lucía Pérez', 'My parcel is late');
      const desk = await scenario.browser.newContext({ locale: 'en-US' });
      const page = await desk.newPage();
      await anaTakes(page, visitor.conversation.reference);

      // The visitor types in the widget: Ana sees it under the thread, and only for a while.
      const typing = page.getByTestId('visitor-typing');
      expect(await typing.textContent()).toBe('');
      visitor.socket.send(JSON.stringify({ type: 'typing' }));
      await expect.poll(() => typing.textContent()).toBe('Lucía Pérez is typing…');
      await expect.poll(() => typing.textContent(), { timeout: 8_000 }).toBe('');

      const agentTyping = () => visitor.frames.filter((frame) => frame.type === 'agent.typing');
      // A private note is not for the customer: writing one says nothing to them.
      await page.getByTestId('reply-mode').getByText('Private note').click();
      await page.getByTestId('reply-input').pressSequentially('Check the courier', { delay: 20 });
      await page.waitForTimeout(1_000);
      expect(agentTyping()).toEqual([]);

      // A reply is: the widget hears that Ana is typing, with her name.
      await page.getByTestId('reply-input').fill('');
      await page.getByTestId('reply-mode').getByText('Reply').click();
      await page.getByTestId('reply-input').pressSequentially('Let me check', { delay: 20 });
      await waitFor(async () => agentTyping().length > 0, { what: 'agent.typing at the visitor' });
      expect(agentTyping()[0]).toEqual({
        type: 'agent.typing',
        conversationId: visitor.conversation.id,
        name: 'Ana Agent',
      });
      // Keystrokes are throttled: a few words are one or two hints, not one per key.
      expect(agentTyping().length).toBeLessThanOrEqual(2);

      await desk.close();
    },
  );
});

describe('the end of a web chat, as the agent sees it', () => {
  it(
    'shows that the customer ended the chat and, live, the rating they gave',
    { timeout: 90_000 },
    async () => {
      const visitor = await visitorWrites('Bruno Díaz', 'Can I change the colour?');
      const { id } = visitor.conversation;
      expect((await ana(`/api/v1/conversations/${id}/accept`, { method: 'POST' })).status).toBe(
        200,
      );
      const asVisitor = (path: string, body: unknown) =>
        fetch(`${scenario.system.apiUrl}/api/v1/webchat${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.token}` },
          body: JSON.stringify(body),
        });
      expect((await asVisitor('/conversation/close', {})).status).toBe(200);

      const desk = await scenario.browser.newContext({ locale: 'en-US' });
      const page = await desk.newPage();
      await signInAgent(page, scenario.system.apiUrl, scenario.agent.email);
      await waitForRealtime(page);
      await page.goto(`${scenario.system.apiUrl}/closed/${id}`);
      await waitForRealtime(page);
      const line = (type: string) =>
        page.locator(`[data-testid="message-item"][data-activity="${type}"]`);
      await expect
        .poll(() => line('closed').textContent())
        .toMatch(/^The customer ended the chat · Resolved/);
      expect(await page.getByTestId('info-rating').count()).toBe(0);

      // The customer rates it from the widget while Ana looks at it.
      const rated = await asVisitor('/conversation/rating', {
        score: 4,
        comment: 'Quick and kind',
      });
      expect(rated.status).toBe(200);
      const rating = page.getByTestId('info-rating');
      await expect.poll(() => rating.getAttribute('data-score'), { timeout: 10_000 }).toBe('4');
      expect(await rating.textContent()).toContain('4 out of 5');
      expect(await rating.textContent()).toContain('Quick and kind');
      await expect
        .poll(() => line('rated').textContent())
        .toMatch(/^The customer rated the conversation 4 out of 5/);

      await desk.close();
    },
  );
});
