import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildSandbox, type SandboxApp } from '../src/index';

export const SUPPORT_ADDRESS = 'support@demo.test';
export const CUSTOMER_ADDRESS = 'sam@customer.test';
/** The Reply-To Switchboard sets: the support address tagged with a conversation token. */
export const REPLY_TO_ADDRESS = 'support+t0k3n@demo.test';

export interface ListenedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface MailListener {
  port: number;
  received: ListenedMail[];
  /** While set, every message is refused with this SMTP answer. */
  refuse: { code: number; message: string } | null;
  waitFor(count: number, timeoutMs?: number): Promise<ListenedMail[]>;
  close(): Promise<void>;
}

/** A stand-in for Switchboard's forwarding listener: a real SMTP server that records what comes. */
export async function startMailListener(): Promise<MailListener> {
  const received: ListenedMail[] = [];
  const listener: MailListener = {
    port: 0,
    received,
    refuse: null,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (listener.refuse) {
          const { code, message } = listener.refuse;
          return callback(Object.assign(new Error(message), { responseCode: code }));
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        simpleParser(raw)
          .then((parsed) => {
            received.push({ envelope, raw, parsed });
            callback(null, 'OK: stored by the test listener');
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listener.port = (server.server.address() as AddressInfo).port;
  return listener;
}

export interface MailSandbox {
  app: SandboxApp;
  url: string;
  smtpPort: number;
}

export async function startMailSandbox(
  deliverToPort: number,
  statusDelayMs = 20,
): Promise<MailSandbox> {
  const app = buildSandbox({
    mail: {
      smtpPort: 0,
      deliverTo: { host: '127.0.0.1', port: deliverToPort },
      supportAddress: SUPPORT_ADDRESS,
    },
    statusDelayMs,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, smtpPort: app.mailPort() };
}

export interface MailWorld {
  listener: MailListener;
  sandbox: MailSandbox;
}

/**
 * One listener and one sandbox delivering to it for the enclosing suite, both emptied before each
 * test. The object is filled in when the suite starts, so read its fields in hooks and tests only.
 */
export function useMailWorld(): MailWorld {
  const world = {} as MailWorld;
  beforeAll(async () => {
    world.listener = await startMailListener();
    world.sandbox = await startMailSandbox(world.listener.port);
  });
  afterAll(async () => {
    await world.sandbox.app.close();
    await world.listener.close();
  });
  beforeEach(async () => {
    world.listener.received.length = 0;
    world.listener.refuse = null;
    await emptyMailboxes(world.sandbox.url);
  });
  return world;
}

/** Switchboard sending one message to the sandbox's SMTP server, as its email inboxes do. */
export async function sendAsSwitchboard(
  smtpPort: number,
  mail: {
    to: string | string[];
    subject: string;
    text: string;
    html?: string;
    from?: string;
    replyTo?: string;
    messageId?: string;
    inReplyTo?: string;
    references?: string[];
    headers?: Record<string, string>;
    envelopeFrom?: string;
  },
) {
  const transport = createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true });
  try {
    const to = [mail.to].flat();
    return await transport.sendMail({
      from: mail.from ?? `Demo Support <${SUPPORT_ADDRESS}>`,
      to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references ? { references: mail.references } : {}),
      ...(mail.headers ? { headers: mail.headers } : {}),
      envelope: { from: mail.envelopeFrom ?? SUPPORT_ADDRESS, to },
    });
  } finally {
    transport.close();
  }
}

export async function postJson(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

export async function mailbox(sandboxUrl: string, address: string): Promise<any[]> {
  const response = await fetch(
    `${sandboxUrl}/sandbox/mail/mailbox?${new URLSearchParams({ address }).toString()}`,
  );
  return ((await response.json()) as { items: any[] }).items;
}

export async function emptyMailboxes(sandboxUrl: string) {
  await fetch(`${sandboxUrl}/sandbox/mail/mailbox`, { method: 'DELETE' });
}

/** Polls a mailbox until it holds `count` messages. */
export async function waitForMailbox(
  sandboxUrl: string,
  address: string,
  count: number,
  timeoutMs = 5000,
): Promise<any[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = await mailbox(sandboxUrl, address);
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${items.length}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
