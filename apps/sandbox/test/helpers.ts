import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { buildSandbox, type SandboxOptions } from '../src/index';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'sandbox-twilio-token';
export const OTHER_ACCOUNT_SID = 'ACfedcba9876543210fedcba9876543210';
export const OTHER_AUTH_TOKEN = 'other-account-token';
export const BUSINESS_NUMBER = '+15005550001';
export const CUSTOMER_NUMBER = '+15005550006';

export interface RunningSandbox {
  app: FastifyInstance;
  url: string;
}

/** The WhatsApp Cloud API number of the tests, in Meta's documented example WABA. */
export const META_NUMBER = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+15550783881',
  wabaId: '419561257915477',
  accessToken: 'sandbox-meta-access-token',
  appSecret: 'sandbox-app-secret',
};

/** A number of another business (its own WABA and token), to check nothing leaks across. */
export const OTHER_META_NUMBER = {
  phoneNumberId: '106540352249999',
  displayPhoneNumber: '+15550789999',
  wabaId: '419561257919999',
  accessToken: 'other-business-token',
  appSecret: 'other-app-secret',
};

/** A Twilio WhatsApp sender on the first account. */
export const TWILIO_WHATSAPP_NUMBER = 'whatsapp:+15005550003';

/** A sandbox listening on a free port, with one business number per account and per Meta WABA. */
export async function startSandbox(
  overrides: {
    smsUrl?: string;
    metaWebhookUrl?: string;
    failNumbers?: Record<string, number>;
    statusDelayMs?: number;
  } = {},
): Promise<RunningSandbox> {
  const smsUrl = overrides.smsUrl ?? 'http://127.0.0.1:9/unused';
  const webhookUrl = overrides.metaWebhookUrl ?? 'http://127.0.0.1:9/unused';
  const options: SandboxOptions = {
    twilio: {
      accounts: [
        { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
        { accountSid: OTHER_ACCOUNT_SID, authToken: OTHER_AUTH_TOKEN },
      ],
      numbers: [
        { number: BUSINESS_NUMBER, accountSid: ACCOUNT_SID, smsUrl },
        { number: '+15005550002', accountSid: OTHER_ACCOUNT_SID, smsUrl },
        { number: TWILIO_WHATSAPP_NUMBER, accountSid: ACCOUNT_SID, smsUrl },
      ],
      failNumbers: overrides.failNumbers ?? {},
    },
    meta: {
      numbers: [
        { ...META_NUMBER, webhookUrl },
        { ...OTHER_META_NUMBER, webhookUrl },
      ],
    },
    statusDelayMs: overrides.statusDelayMs ?? 20,
  };
  const app = buildSandbox(options);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

/** The SDK only knows https://api.twilio.com; send its calls to the sandbox instead. */
class SandboxRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super({ autoRetry: false });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    // Every Twilio host (api., content.…) is the sandbox, as Switchboard's client rebases them.
    const uri = opts.uri.replace(/^https:\/\/[a-z]+\.twilio\.com/, this.base);
    return super.request<TData>({ ...opts, uri });
  }
}

export function sdkClient(sandboxUrl: string, accountSid = ACCOUNT_SID, authToken = AUTH_TOKEN) {
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(sandboxUrl) });
}

export interface ReceivedRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  /** Next answers, as status and body; the default is 200 with empty TwiML. */
  answer: { status: number; contentType: string; body: string };
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A stand-in for the Switchboard app: records every form post it gets. */
export async function startReceiver(): Promise<Receiver> {
  const app = Fastify();
  await app.register(formbody);
  const received: ReceivedRequest[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    answer: {
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
    },
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} requests, got ${received.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => app.close(),
  };
  app.post('/*', async (request, reply) => {
    received.push({
      url: receiver.url + request.url,
      headers: request.headers,
      params: request.body as Record<string, string>,
    });
    return reply
      .status(receiver.answer.status)
      .type(receiver.answer.contentType)
      .send(receiver.answer.body);
  });
  receiver.url = await app.listen({ port: 0, host: '127.0.0.1' });
  return receiver;
}

export function signatureOf(request: ReceivedRequest): string {
  const header = request.headers['x-twilio-signature'];
  return typeof header === 'string' ? header : '';
}
