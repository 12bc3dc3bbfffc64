import { schema } from '@switchboard/db';
import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let supportAgent: ApiClient;
let salesAgent: ApiClient;
let supervisor: ApiClient;
let marta: { id: string };
let orderConversation: { id: string };
let orderMessage: { id: string };
let noteMessage: { id: string };
let busy: { workspaceId: string; inboxId: string };

type Found = {
  messages: Array<{
    conversationId: string;
    messageId: string;
    reference: string;
    contactName: string | null;
    kind: string;
    snippet: string;
    highlights: Array<[number, number]>;
  }>;
  contacts: Array<{ id: string; name: string | null; identities: Array<{ address: string }> }>;
  conversations: Array<{ id: string; reference: string }>;
};

const find = async (client: ApiClient, q: string) => {
  const response = await client(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(response.status, q).toBe(200);
  return json<Found>(response);
};

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const db = system.db.db;
  const workspace = await system.make.workspace();
  const support = await system.make.team(workspace.id, { name: 'Support' });
  const sales = await system.make.team(workspace.id, { name: 'Sales' });
  const ana = await system.make.user(workspace.id, { name: 'Ana Support' });
  const bruno = await system.make.user(workspace.id, { name: 'Bruno Sales' });
  const sara = await system.make.user(workspace.id, { role: 'supervisor' });
  await system.make.member(workspace.id, support.id, ana.id);
  await system.make.member(workspace.id, sales.id, bruno.id);
  const inbox = await system.make.smsInbox(workspace.id);
  busy = { workspaceId: workspace.id, inboxId: inbox.id };

  marta = await system.make.contact(
    workspace.id,
    { kind: 'phone', address: '+15005550042' },
    { name: 'Marta Gómez' },
  );
  orderConversation = await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: inbox.id,
    contactId: marta.id,
    reference: 'SB-PED01',
    teamId: support.id,
  });
  const message = (values: Partial<typeof schema.messages.$inferInsert>) =>
    db
      .insert(schema.messages)
      .values({
        workspaceId: workspace.id,
        conversationId: orderConversation.id,
        inboxId: inbox.id,
        direction: 'inbound',
        kind: 'message',
        status: 'received',
        ...values,
      })
      .returning()
      .then((rows) => rows[0]!);
  orderMessage = await message({
    text: 'Buenas tardes. ¿Dónde está mi pedido? Lo compré hace una semana.',
    authorContactId: marta.id,
  });
  noteMessage = await message({
    direction: 'internal',
    kind: 'note',
    text: 'Cliente pidió reembolso si no llega mañana',
    authorUserId: ana.id,
  });
  // Activity lines are the system's log, never search results.
  await message({
    direction: 'internal',
    kind: 'activity',
    text: 'pedido reasignado reembolso',
    activity: { type: 'assigned' },
  });

  const sam = await system.make.contact(
    workspace.id,
    { kind: 'email', address: 'sam.orders@example.test' },
    { name: 'Sam Buyer' },
  );
  const salesConversation = await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: inbox.id,
    contactId: sam.id,
    reference: 'SB-SAL02',
    teamId: sales.id,
  });
  await db.insert(schema.messages).values({
    workspaceId: workspace.id,
    conversationId: salesConversation.id,
    inboxId: inbox.id,
    direction: 'inbound',
    kind: 'message',
    status: 'received',
    text: 'My order arrived broken, I need a replacement',
  });

  // Another workspace with the same words, numbers and reference style.
  const elsewhere = await system.make.workspace();
  const foreignInbox = await system.make.smsInbox(elsewhere.id);
  const foreignContact = await system.make.contact(
    elsewhere.id,
    { kind: 'phone', address: '+15005550043' },
    { name: 'Marta Foránea' },
  );
  const foreignConversation = await system.make.conversation({
    workspaceId: elsewhere.id,
    inboxId: foreignInbox.id,
    contactId: foreignContact.id,
    reference: 'SB-PED99',
  });
  await db.insert(schema.messages).values({
    workspaceId: elsewhere.id,
    conversationId: foreignConversation.id,
    inboxId: foreignInbox.id,
    direction: 'inbound',
    kind: 'message',
    status: 'received',
    text: 'Mi pedido no llegó',
  });

  supportAgent = await system.signIn(ana.email);
  salesAgent = await system.signIn(bruno.email);
  supervisor = await system.signIn(sara.email);
});
afterAll(() => system.stop());

describe('search', () => {
  it('finds a message by a word inside it, with a snippet and where to open it', async () => {
    const found = await find(supportAgent, 'pedido');
    expect(found.messages).toHaveLength(1);
    const [hit] = found.messages;
    expect(hit).toMatchObject({
      conversationId: orderConversation.id,
      messageId: orderMessage.id,
      reference: 'SB-PED01',
      contactName: 'Marta Gómez',
      kind: 'message',
    });
    expect(hit!.snippet).toContain('¿Dónde está mi pedido?');
    const highlighted = hit!.highlights.map(([start, end]) => hit!.snippet.slice(start, end));
    expect(highlighted).toContain('pedido');
  });

  it('matches inflected Spanish and English forms', async () => {
    const plural = await find(supportAgent, 'pedidos');
    expect(plural.messages.map((hit) => hit.messageId)).toEqual([orderMessage.id]);
    const english = await find(supervisor, 'orders');
    expect(english.messages.map((hit) => hit.reference)).toEqual(['SB-SAL02']);
  });

  it('finds private notes but never activity lines', async () => {
    const found = await find(supportAgent, 'reembolso');
    expect(found.messages.map((hit) => [hit.messageId, hit.kind])).toEqual([
      [noteMessage.id, 'note'],
    ]);
  });

  it('finds a contact by a fragment of their phone number, typed any way', async () => {
    for (const q of ['5550042', '(500) 555-0042', 'marta gó']) {
      const found = await find(supportAgent, q);
      expect(
        found.contacts.map((contact) => contact.id),
        q,
      ).toEqual([marta.id]);
      expect(found.contacts[0]!.identities[0]!.address).toBe('+15005550042');
    }
    // Wildcards are searched for literally.
    expect((await find(supervisor, '%_')).contacts).toEqual([]);
  });

  it('finds a conversation by its reference, whole or in part, in any case', async () => {
    expect((await find(supportAgent, 'SB-PED01')).conversations.map((c) => c.id)).toEqual([
      orderConversation.id,
    ]);
    expect((await find(supportAgent, 'ped0')).conversations.map((c) => c.reference)).toEqual([
      'SB-PED01',
    ]);
  });

  it("shows an agent only what they may see, and nobody another workspace's data", async () => {
    const sales = await find(salesAgent, 'pedido');
    expect(sales.messages).toEqual([]);
    expect((await find(salesAgent, 'SB-PED01')).conversations).toEqual([]);
    expect((await find(salesAgent, '5550042')).contacts).toEqual([]);
    expect((await find(supportAgent, 'orders')).messages).toEqual([]);

    const everything = await find(supervisor, 'pedido');
    expect(everything.messages.map((hit) => hit.reference)).toEqual(['SB-PED01']);
    expect((await find(supervisor, 'SB-PED')).conversations.map((c) => c.reference)).toEqual([
      'SB-PED01',
    ]);
    expect((await find(supervisor, 'Marta')).contacts.map((c) => c.name)).toEqual(['Marta Gómez']);
  });

  it('refuses a query shorter than 2 characters and needs a session', async () => {
    for (const q of ['a', '   ', ' b ', 'x'.repeat(201)]) {
      const response = await supportAgent(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(400);
      expect((await json(response)).error.code).toBe('invalid_request');
    }
    expect((await fetch(`${system.apiUrl}/api/v1/search?q=pedido`)).status).toBe(401);
  });

  // Last: it makes the workspace busy for every test after it.
  it('searches a busy workspace from its newest messages, for agents and supervisors alike', async () => {
    // 20,000 newer messages: enough for the first pass over the newest ones to run for everyone.
    await system.db.sql`
      insert into messages (workspace_id, conversation_id, inbox_id, direction, kind, status,
        text, occurred_at)
      select ${busy.workspaceId}, ${orderConversation.id}, ${busy.inboxId}, 'inbound', 'message',
        'received', 'Seguimiento del envío ' || n, now() + n * interval '1 millisecond'
      from generate_series(1, 20000) n`;
    const [latest] = await system.db.sql<{ id: string }[]>`
      select id from messages where text = 'Seguimiento del envío 20000'`;
    for (const client of [supportAgent, supervisor]) {
      const newest = await find(client, 'envío');
      expect(newest.messages).toHaveLength(20);
      expect(newest.messages[0]?.messageId).toBe(latest?.id);
      // A word only older messages hold is still found, through the whole search.
      const older = await find(client, 'pedido');
      expect(older.messages.map((hit) => hit.messageId)).toContain(orderMessage.id);
    }
    expect((await find(salesAgent, 'envío')).messages).toEqual([]);
  });
});
