import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  buildApp,
  closeApiDeps,
  createApiDeps,
  startMailListener,
  type ApiDeps,
} from '@switchboard/api';
import { loadConfig, type Config } from '@switchboard/config';
import { createTestDatabase, factories, type TestDatabase } from '@switchboard/db/testing';
import { buildSandbox, type SandboxApp } from '@switchboard/sandbox';
import { closeWorkerDeps, createWorkerDeps, startWorkers } from '@switchboard/worker';
import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { inject } from 'vitest';
import { clearPrefix } from '../redis';
import { freePort } from './ports';
import './provided';

export interface TestSystem {
  config: Config;
  db: TestDatabase;
  make: ReturnType<typeof factories>;
  api: FastifyInstance;
  apiUrl: string;
  sandbox: SandboxApp;
  sandboxUrl: string;
  /** The SMTP listener for forwarded mail, on a free loopback port. */
  mailPort: number;
  /** The Twilio account the sandbox knows; inboxes made with `smsInbox()` use it. */
  twilioAccount: { accountSid: string; authToken: string };
  /** An SMS (or Twilio WhatsApp) inbox on that account, its number registered in the sandbox to call our webhook. */
  smsInbox(
    workspaceId: string,
    values?: { defaultTeamId?: string; address?: string; kind?: 'sms_twilio' | 'whatsapp_twilio' },
  ): Promise<{ id: string; address: string }>;
  /** A WhatsApp Cloud API inbox, its number registered in the sandbox to call our webhook. */
  cloudInbox(workspaceId: string, values?: { defaultTeamId?: string }): Promise<CloudInbox>;
  /** An email inbox fed through the forwarding listener; replies leave through the sandbox. */
  emailInbox(
    workspaceId: string,
    values?: { defaultTeamId?: string },
  ): Promise<{ id: string; address: string }>;
  /** Posts JSON to the api signed as Meta would sign it with `appSecret` (null: unsigned). */
  postMeta(path: string, body: unknown, appSecret: string | null): Promise<Response>;
  /** Posts a form to the api signed as Twilio would sign it with `authToken`. */
  postTwilio(
    path: string,
    fields: Record<string, string>,
    authToken: string | null,
  ): Promise<Response>;
  /** Signs in and returns a fetch bound to that session's cookie. */
  signIn(email: string, password?: string): Promise<ApiClient>;
  /** Stops everything; `keepRedis` leaves this run's queue keys behind, as a crash would. */
  stop(options?: { keepRedis?: boolean }): Promise<void>;
}

export interface CloudInbox {
  id: string;
  /** The business number customers write to, E.164. */
  address: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

export type ApiClient = (
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<Response>;

/**
 * The whole system in one test file: a fresh database, its own Redis prefix, the api on a
 * real port, the worker, and the Twilio sandbox. Nothing of our own is mocked.
 */
export async function startTestSystem(
  options: {
    worker?: boolean;
    statusDelayMs?: number;
    webDist?: string;
    /** Folder with the built chat widget, served as /widget.js. */
    widgetDist?: string;
    queuePrefix?: string;
    /** PRESENCE_GRACE_MS for the api: how long before a user without sockets turns away. */
    presenceGraceMs?: number;
  } = {},
): Promise<TestSystem> {
  const db = await createTestDatabase(inject('templateDatabaseUrl'), inject('runId'));
  const twilioAccount = {
    accountSid: `AC${randomBytes(16).toString('hex')}`,
    authToken: randomBytes(16).toString('hex'),
  };
  const sandbox = buildSandbox({
    twilio: { accounts: [twilioAccount], numbers: [] },
    statusDelayMs: options.statusDelayMs ?? 30,
  });
  // Port 0: the system picks a free one, so parallel test files never collide.
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;

  // The api must know its own URL (PUBLIC_URL) before it listens, so its port is chosen first;
  // another process may take that port in between, hence the retry.
  const secretKey = randomBytes(32).toString('hex');
  const queuePrefix = options.queuePrefix ?? `t${randomBytes(5).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    const apiPort = await freePort();
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: inject('redisUrl'),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      SECRET_KEY: secretKey,
      PORT: String(apiPort),
      TWILIO_API_BASE: sandboxUrl,
      META_GRAPH_BASE: sandboxUrl,
      QUEUE_PREFIX: queuePrefix,
      OUTBOUND_BACKOFF_MS: '50',
      ...(options.presenceGraceMs ? { PRESENCE_GRACE_MS: String(options.presenceGraceMs) } : {}),
      LOG_LEVEL: 'silent',
      WEB_DIST: options.webDist ?? '',
      WIDGET_DIST: options.widgetDist ?? '',
    });
    const apiDeps = createApiDeps(config);
    const api = await buildApp(apiDeps, { logger: false });
    try {
      await api.listen({ port: apiPort, host: '127.0.0.1' });
      return assemble({ db, config, api, apiDeps, sandbox, sandboxUrl, twilioAccount, options });
    } catch (error) {
      await api.close();
      await closeApiDeps(apiDeps);
      if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= 5) throw error;
    }
  }
}

async function assemble({
  db,
  config,
  api,
  apiDeps,
  sandbox,
  sandboxUrl,
  twilioAccount,
  options,
}: {
  db: TestDatabase;
  config: Config;
  api: FastifyInstance;
  apiDeps: ApiDeps;
  sandbox: SandboxApp;
  sandboxUrl: string;
  twilioAccount: { accountSid: string; authToken: string };
  options: { worker?: boolean };
}): Promise<TestSystem> {
  const apiUrl = config.PUBLIC_URL;
  const workerDeps = options.worker === false ? null : createWorkerDeps(config);
  const workers = workerDeps
    ? await startWorkers(workerDeps, {
        log: (line) => console.error(line),
        // Tests create mail inboxes as they go: find them at once.
        mailReaders: { discoverEveryMs: 200, retryFirstMs: 100, retryMaxMs: 1_000 },
      })
    : null;
  // Port 0: each test file gets its own forwarding listener, and its sandbox delivers there.
  const mail = await startMailListener(apiDeps, { port: 0, host: '127.0.0.1' });
  const pointed = await fetch(`${sandboxUrl}/sandbox/mail/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deliverTo: { host: '127.0.0.1', port: mail.port } }),
  });
  if (!pointed.ok) throw new Error(`sandbox refused the mail settings: ${await pointed.text()}`);

  const signIn = async (email: string, password = 'password'): Promise<ApiClient> => {
    const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return (path, init = {}) => {
      // A FormData body is sent as multipart with the boundary fetch chooses.
      const form = init.body instanceof FormData ? init.body : null;
      const json = init.body !== undefined && !form;
      return fetch(`${apiUrl}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { cookie, ...(json ? { 'content-type': 'application/json' } : {}) },
        ...(form ? { body: form } : json ? { body: JSON.stringify(init.body) } : {}),
      });
    };
  };

  const make = factories(db.db, config.SECRET_KEY);
  return {
    config,
    db,
    make,
    twilioAccount,
    async smsInbox(workspaceId, values = {}) {
      const inbox = await make.smsInbox(workspaceId, {
        externalId: twilioAccount.accountSid,
        credentials: twilioAccount,
        ...values,
      });
      const registered = await fetch(`${sandboxUrl}/sandbox/twilio/numbers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          // The sandbox tells a WhatsApp sender from an SMS number by Twilio's channel prefix.
          number: inbox.kind === 'whatsapp_twilio' ? `whatsapp:${inbox.address}` : inbox.address,
          accountSid: twilioAccount.accountSid,
          smsUrl: `${apiUrl}/webhooks/twilio/${inbox.id}`,
        }),
      });
      if (!registered.ok) throw new Error(`sandbox refused the number: ${await registered.text()}`);
      return { id: inbox.id, address: inbox.address };
    },
    async cloudInbox(workspaceId, values = {}) {
      const digits = () => String(Math.floor(1e14 + Math.random() * 8e14));
      const number = {
        address: `+1556${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
        phoneNumberId: digits(),
        wabaId: digits(),
        accessToken: randomBytes(16).toString('hex'),
        appSecret: randomBytes(16).toString('hex'),
        verifyToken: randomBytes(8).toString('hex'),
      };
      const inbox = await make.smsInbox(workspaceId, {
        kind: 'whatsapp_cloud',
        name: 'WhatsApp',
        address: number.address,
        externalId: number.phoneNumberId,
        credentials: {
          wabaId: number.wabaId,
          accessToken: number.accessToken,
          appSecret: number.appSecret,
          verifyToken: number.verifyToken,
        },
        ...values,
      });
      const registered = await fetch(`${sandboxUrl}/sandbox/meta/numbers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          phoneNumberId: number.phoneNumberId,
          displayPhoneNumber: number.address,
          wabaId: number.wabaId,
          accessToken: number.accessToken,
          appSecret: number.appSecret,
          webhookUrl: `${apiUrl}/webhooks/whatsapp/${inbox.id}`,
        }),
      });
      if (!registered.ok) throw new Error(`sandbox refused the number: ${await registered.text()}`);
      return { id: inbox.id, ...number };
    },
    async emailInbox(workspaceId, values = {}) {
      const inbox = await make.smsInbox(workspaceId, {
        kind: 'email',
        name: 'Email',
        address: `support-${randomBytes(4).toString('hex')}@example.test`,
        externalId: null,
        credentials: {
          smtpHost: '127.0.0.1',
          smtpPort: String(sandbox.mailPort()),
          smtpSecure: 'false',
        },
        ...values,
      });
      return { id: inbox.id, address: inbox.address };
    },
    postMeta(path, body, appSecret) {
      const raw = typeof body === 'string' ? body : JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (appSecret)
        headers['x-hub-signature-256'] =
          `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
      return fetch(apiUrl + path, { method: 'POST', headers, body: raw });
    },
    api,
    apiUrl,
    mailPort: mail.port,
    sandbox,
    sandboxUrl,
    signIn,
    postTwilio(path, fields, authToken) {
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
      };
      if (authToken)
        headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(
          authToken,
          apiUrl + path,
          fields,
        );
      return fetch(apiUrl + path, {
        method: 'POST',
        headers,
        body: new URLSearchParams(fields).toString(),
      });
    },
    async stop({ keepRedis = false } = {}) {
      await mail.close();
      await workers?.close();
      if (workerDeps) await closeWorkerDeps(workerDeps);
      await api.close();
      await closeApiDeps(apiDeps);
      await sandbox.close();
      if (!keepRedis) await clearPrefix(config.REDIS_URL, config.QUEUE_PREFIX);
      await db.drop();
    },
  };
}
