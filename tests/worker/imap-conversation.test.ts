import {
  startDovecot,
  startTestSystem,
  waitFor,
  type Dovecot,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: TestSystem;
let server: Dovecot;

beforeAll(async () => {
  system = await startTestSystem();
  server = await startDovecot();
});
afterAll(async () => {
  await system?.stop();
  await server?.stop();
});

describe('a mailbox read over IMAP', () => {
  it('turns new mail into a waiting conversation the agent can see', async () => {
    const workspace = await system.make.workspace();
    const team = await system.make.team(workspace.id);
    const agent = await system.make.user(workspace.id);
    await system.make.member(workspace.id, team.id, agent.id);
    const inbox = await system.make.smsInbox(workspace.id, {
      kind: 'email',
      name: 'Soporte',
      address: 'soporte@example.test',
      externalId: null,
      defaultTeamId: team.id,
      credentials: {
        imapHost: server.host,
        imapPort: String(server.port),
        imapSecure: 'false',
        imapUser: server.user,
        imapPass: server.password,
        smtpHost: '127.0.0.1',
        smtpPort: String(system.sandbox.mailPort()),
        smtpSecure: 'false',
      },
    });
    const client = await system.signIn(agent.email);
    await server.deliver(
      [
        'From: Lucía Gómez <lucia@mail.test>',
        'To: soporte@example.test',
        'Subject: Factura de octubre',
        `Date: ${new Date().toUTCString()}`,
        'Message-ID: <factura-octubre@mail.test>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        '¿Me reenvían la factura de octubre?',
        '',
      ].join('\r\n'),
    );
    const conversation = await waitFor(
      async () => {
        const page = (await (await client('/api/v1/conversations?tab=waiting')).json()) as {
          items: any[];
        };
        return page.items.find((item: any) => item.lastMessagePreview?.includes('factura'));
      },
      { what: 'the mail as a waiting conversation', timeoutMs: 15_000 },
    );
    expect(conversation.contact).toMatchObject({
      name: 'Lucía Gómez',
      identities: [{ kind: 'email', address: 'lucia@mail.test' }],
    });

    // Admins see how far the mailbox was read; agents may not.
    const admin = await system.make.user(workspace.id, { role: 'admin' });
    const adminClient = await system.signIn(admin.email);
    const sync = await waitFor(
      async () => {
        const state = (await (
          await adminClient(`/api/v1/inboxes/${inbox.id}/mail-sync`)
        ).json()) as { mode: string; backfill: { status: string }; lastError: string | null };
        return state.backfill.status === 'done' ? state : undefined;
      },
      { what: 'the backfill done' },
    );
    expect(sync).toMatchObject({ mode: 'imap', lastError: null });
    expect((await client(`/api/v1/inboxes/${inbox.id}/mail-sync`)).status).toBe(403);
  });
});
