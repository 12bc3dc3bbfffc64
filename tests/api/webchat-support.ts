import { randomUUID } from 'node:crypto';
import { waitFor, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { expect } from 'vitest';
import { json } from './support';

export interface WebchatWorld {
  workspaceId: string;
  inbox: { id: string };
  support: { id: string };
  billing: { id: string };
  ana: ApiClient;
  anaId: string;
  bruno: ApiClient;
}

export interface VisitorView {
  conversation: null | {
    id: string;
    reference: string;
    status: 'waiting' | 'open' | 'closed';
    outcome: string | null;
    queuePosition: number | null;
    estimatedWaitSeconds: number | null;
    agent: { name: string; avatarUrl: string | null } | null;
    ending: string | null;
    rating: { score: number; comment: string | null } | null;
    offline: boolean;
    contactEmail: string | null;
  };
  joins: Array<{ at: string; agent: { name: string; avatarUrl: string | null } }>;
  messages: Array<{
    id: string;
    direction: 'inbound' | 'outbound';
    text: string;
    author: { name: string } | null;
    automatic: boolean;
    clientMessageId: string | null;
    channel: string | null;
    attachments: Array<{ id: string; fileName: string; contentType: string; url: string }>;
  }>;
}

let site = 0;

/**
 * The widget's side of the API: no cookie, only the visitor token. Takes the file's test system
 * by getter, as it starts in `beforeAll`.
 */
export function webchatKit(systemOf: () => TestSystem) {
  /** A workspace whose web chat is served by Support (Ana); Billing (Bruno) can be picked. */
  async function world(values: { ana?: Record<string, unknown> } = {}): Promise<WebchatWorld> {
    const workspace = await systemOf().make.workspace();
    const support = await systemOf().make.team(workspace.id, { name: 'Support' });
    const billing = await systemOf().make.team(workspace.id, { name: 'Billing' });
    await systemOf().make.team(workspace.id, { name: 'Nobody here' });
    const ana = await systemOf().make.user(workspace.id, { name: 'Ana Agent', ...values.ana });
    const bruno = await systemOf().make.user(workspace.id, { name: 'Bruno Agente' });
    await systemOf().make.member(workspace.id, support.id, ana.id);
    await systemOf().make.member(workspace.id, billing.id, bruno.id);
    return {
      workspaceId: workspace.id,
      inbox: await webchatInbox(workspace.id, support.id),
      support,
      billing,
      ana: await systemOf().signIn(ana.email),
      anaId: ana.id,
      bruno: await systemOf().signIn(bruno.email),
    };
  }

  function webchatInbox(workspaceId: string, defaultTeamId: string) {
    return systemOf().make.smsInbox(workspaceId, {
      kind: 'webchat',
      name: 'Web chat',
      address: `shop-${site++}`,
      externalId: null,
      credentials: {},
      defaultTeamId,
      settings: { webchat: { greeting: 'Hi there!', color: '#123456' } },
    });
  }

  function visitor(
    path: string,
    init: { token?: string; body?: unknown; method?: string; form?: FormData } = {},
  ) {
    const jsonBody = init.body !== undefined;
    return fetch(`${systemOf().apiUrl}/api/v1/webchat${path}`, {
      method: init.method ?? (jsonBody || init.form ? 'POST' : 'GET'),
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(jsonBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(jsonBody ? { body: JSON.stringify(init.body) } : init.form ? { body: init.form } : {}),
    });
  }

  async function newVisitor(inboxId: string, body: Record<string, unknown> = {}) {
    const response = await visitor(`/${inboxId}/visitors`, { body });
    expect(response.status).toBe(200);
    return json<{ token: string; visitorId: string }>(response);
  }

  async function write(token: string, text: string, extra: Record<string, unknown> = {}) {
    const clientMessageId = randomUUID();
    const response = await visitor('/messages', {
      token,
      body: { clientMessageId, text, ...extra },
    });
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({ id: clientMessageId });
    return clientMessageId;
  }

  const view = async (token: string) =>
    json<VisitorView>(await visitor('/conversation', { token }));

  /** Waits until the visitor's view passes `check`, and returns it. */
  const viewWhen = (token: string, check: (seen: VisitorView) => boolean, what: string) =>
    waitFor(
      async () => {
        const seen = await view(token);
        return check(seen) ? seen : undefined;
      },
      // Gently: the visitor API is rate limited per address, as on a real site.
      { what, intervalMs: 250 },
    );

  return { world, webchatInbox, visitor, newVisitor, write, view, viewWhen };
}

export const errorOf = async (response: Response) =>
  (await json<{ error: { code: string; message: string } }>(response)).error;
