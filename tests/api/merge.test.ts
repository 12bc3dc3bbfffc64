import { schema } from '@switchboard/db';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from './fixtures';
import { json, smsScenario, waitForWaitingConversation, type SmsScenario } from './support';

let system: TestSystem;
let scenario: SmsScenario;
let supervisor: ApiClient;
let emailInbox: { id: string };

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await smsScenario(system);
  const sara = await system.make.user(scenario.workspaceId, {
    name: 'Sara Super',
    role: 'supervisor',
  });
  supervisor = await system.signIn(sara.email);
  emailInbox = await system.make.smsInbox(scenario.workspaceId, { kind: 'email', name: 'Email' });
});
afterAll(() => system.stop());

const text = (from: string, body: string) =>
  system.postTwilio(
    `/webhooks/twilio/${scenario.inbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from,
      to: scenario.inbox.address,
      body,
    }),
    system.twilioAccount.authToken,
  );

const merge = (client: ApiClient, into: string, contactId: string) =>
  client(`/api/v1/contacts/${into}/merge`, { method: 'POST', body: { contactId } });

describe('merging contacts', () => {
  it('moves identities and conversations to the survivor, and later texts land there', async () => {
    const phone = '+15005550077';
    expect((await text(phone, 'Hola, soy Lucía')).status).toBe(200);
    const fromPhone = await waitForWaitingConversation(scenario.client, phone);
    const duplicateId = fromPhone.contact.id;

    const survivor = await system.make.contact(
      scenario.workspaceId,
      { kind: 'email', address: 'lucia@example.test' },
      { name: 'Lucía Pérez', country: 'MX' },
    );
    await system.db.db
      .update(schema.contacts)
      .set({ language: 'es', notes: 'Wrote by email first.' })
      .where(eq(schema.contacts.id, duplicateId));
    const byEmail = await system.make.conversation({
      workspaceId: scenario.workspaceId,
      inboxId: emailInbox.id,
      contactId: survivor.id,
      reference: 'SB-MRG01',
    });

    // Agents may not merge.
    const refused = await merge(scenario.client, survivor.id, duplicateId);
    expect(refused.status).toBe(403);

    const response = await merge(supervisor, survivor.id, duplicateId);
    expect(response.status).toBe(200);
    const merged = await json(response);
    expect(merged).toMatchObject({
      id: survivor.id,
      name: 'Lucía Pérez',
      country: 'MX',
      language: 'es',
      notes: 'Wrote by email first.',
    });
    expect(
      merged.identities.map((identity: { address: string }) => identity.address).sort(),
    ).toEqual([phone, 'lucia@example.test'].sort());
    expect(merged.openConversations.map((item: { id: string }) => item.id).sort()).toEqual(
      [fromPhone.id, byEmail.id].sort(),
    );

    // The duplicate is kept, pointing at the survivor; its id answers the survivor.
    const [kept] = await system.db.db
      .select()
      .from(schema.contacts)
      .where(eq(schema.contacts.id, duplicateId));
    expect(kept?.mergedIntoId).toBe(survivor.id);
    expect((await json(await supervisor(`/api/v1/contacts/${duplicateId}`))).id).toBe(survivor.id);

    // The thread says so, and the conversation now shows the survivor.
    const thread = await json(
      await supervisor(`/api/v1/conversations/${fromPhone.id}/messages?limit=200`),
    );
    expect(
      thread.items.some(
        (item: { activity: { type?: string } | null }) => item.activity?.type === 'contacts_merged',
      ),
    ).toBe(true);
    const moved = await json(await scenario.client(`/api/v1/conversations/${fromPhone.id}`));
    expect(moved.contact.id).toBe(survivor.id);

    // A new text from the merged contact's phone lands on the survivor.
    expect((await text(phone, 'Otra pregunta sobre mi pedido')).status).toBe(200);
    const landed = await waitFor(
      async () => {
        const [row] = await system.db.db
          .select({
            conversationId: schema.messages.conversationId,
            contactId: schema.conversations.contactId,
            author: schema.messages.authorContactId,
          })
          .from(schema.messages)
          .innerJoin(
            schema.conversations,
            eq(schema.conversations.id, schema.messages.conversationId),
          )
          .where(
            and(
              eq(schema.messages.workspaceId, scenario.workspaceId),
              eq(schema.messages.text, 'Otra pregunta sobre mi pedido'),
            ),
          );
        return row;
      },
      { what: 'the second text' },
    );
    expect(landed).toEqual({
      conversationId: fromPhone.id,
      contactId: survivor.id,
      author: survivor.id,
    });
    const contacts = await system.db.db
      .select({ id: schema.contacts.id })
      .from(schema.contacts)
      .where(eq(schema.contacts.workspaceId, scenario.workspaceId));
    expect(contacts).toHaveLength(2);
  });

  it('refuses to merge a contact into itself or one already merged', async () => {
    const a = await system.make.contact(scenario.workspaceId, {
      kind: 'email',
      address: 'a@example.test',
    });
    const b = await system.make.contact(scenario.workspaceId, {
      kind: 'email',
      address: 'b@example.test',
    });
    const itself = await merge(supervisor, a.id, a.id);
    expect(itself.status).toBe(409);
    expect((await json(itself)).error.code).toBe('merge_into_itself');

    expect((await merge(supervisor, a.id, b.id)).status).toBe(200);
    for (const [into, other] of [
      [a.id, b.id],
      [b.id, a.id],
    ] as const) {
      const again = await merge(supervisor, into, other);
      expect(again.status).toBe(409);
      expect((await json(again)).error.code).toBe('already_merged');
    }
  });

  it('refuses when both have a live conversation in the same inbox, naming both', async () => {
    const c = await system.make.contact(scenario.workspaceId, {
      kind: 'email',
      address: 'c@example.test',
    });
    const d = await system.make.contact(scenario.workspaceId, {
      kind: 'email',
      address: 'd@example.test',
    });
    for (const [contactId, reference] of [
      [c.id, 'SB-LIVEC'],
      [d.id, 'SB-LIVED'],
    ] as const)
      await system.make.conversation({
        workspaceId: scenario.workspaceId,
        inboxId: emailInbox.id,
        contactId,
        reference,
      });
    const response = await merge(supervisor, c.id, d.id);
    expect(response.status).toBe(409);
    const error = (await json(response)).error;
    expect(error.code).toBe('both_have_live_conversation');
    expect(error.message).toContain('SB-LIVEC');
    expect(error.message).toContain('SB-LIVED');
    // Nothing moved.
    const identities = await json(await supervisor(`/api/v1/contacts/${d.id}`));
    expect(identities.id).toBe(d.id);
    expect(identities.identities).toEqual([
      { kind: 'email', address: 'd@example.test', displayName: null },
    ]);
  });

  it('answers 404 for a contact of another workspace', async () => {
    const elsewhere = await system.make.workspace();
    const foreign = await system.make.contact(elsewhere.id, {
      kind: 'email',
      address: 'foreign@example.test',
    });
    const mine = await system.make.contact(scenario.workspaceId, {
      kind: 'email',
      address: 'mine@example.test',
    });
    for (const [into, other] of [
      [mine.id, foreign.id],
      [foreign.id, mine.id],
    ] as const) {
      const response = await merge(supervisor, into, other);
      expect(response.status).toBe(404);
    }
    const [row] = await system.db.db
      .select()
      .from(schema.contacts)
      .where(eq(schema.contacts.id, foreign.id));
    expect(row?.mergedIntoId).toBeNull();
  });
});
