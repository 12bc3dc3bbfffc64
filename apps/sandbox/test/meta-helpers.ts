import { createHmac } from 'node:crypto';
import Fastify from 'fastify';
import { META_NUMBER } from './helpers';

export interface ReceivedWebhook {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The exact bytes posted, which the signature covers. */
  raw: string;
  body: any;
}

export interface JsonReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status the next webhooks are answered with. */
  answerStatus: number;
  /** Webhooks whose single change carries statuses (for the given message, if named). */
  statuses(messageId?: string): Array<Record<string, any>>;
  waitForStatuses(
    messageId: string,
    count: number,
    timeoutMs?: number,
  ): Promise<Array<Record<string, any>>>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  /** Files it serves at /files/<name>, for `link` and MediaUrl fetches. */
  files: Map<string, { contentType: string; data: Buffer }>;
  close(): Promise<void>;
}

const valueOf = (webhook: ReceivedWebhook) => webhook.body?.entry?.[0]?.changes?.[0]?.value;

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A stand-in for the app's WhatsApp webhook: keeps every JSON post as raw bytes and parsed. */
export async function startJsonReceiver(): Promise<JsonReceiver> {
  const app = Fastify();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  const received: ReceivedWebhook[] = [];
  const files = new Map<string, { contentType: string; data: Buffer }>();
  const statuses = (messageId?: string) =>
    received
      .flatMap((webhook) => (valueOf(webhook)?.statuses ?? []) as Array<Record<string, any>>)
      .filter((status) => !messageId || status.id === messageId);
  const receiver: JsonReceiver = {
    url: '',
    received,
    answerStatus: 200,
    files,
    statuses,
    waitForStatuses: (messageId, count, timeoutMs = 5000) =>
      until(`${count} statuses of ${messageId}`, timeoutMs, () => {
        const found = statuses(messageId);
        return found.length >= count ? found : undefined;
      }),
    waitFor: (count, timeoutMs = 5000) =>
      until(`${count} webhooks`, timeoutMs, () =>
        received.length >= count ? received : undefined,
      ),
    close: () => app.close(),
  };
  app.post('/*', async (request, reply) => {
    const raw = request.body as string;
    received.push({
      url: receiver.url + request.url,
      headers: request.headers,
      raw,
      body: JSON.parse(raw),
    });
    return reply.status(receiver.answerStatus).send('EVENT_RECEIVED');
  });
  app.get<{ Params: { name: string } }>('/files/:name', async (request, reply) => {
    const file = files.get(request.params.name);
    if (!file) return reply.status(404).send('Not Found');
    return reply.type(file.contentType).send(file.data);
  });
  receiver.url = await app.listen({ port: 0, host: '127.0.0.1' });
  return receiver;
}

export const signatureHeader = (webhook: ReceivedWebhook) => {
  const header = webhook.headers['x-hub-signature-256'];
  return typeof header === 'string' ? header : '';
};

/** How an app checks Meta's signature: HMAC-SHA256 of the raw body with its app secret. */
export const expectedSignature = (raw: string, appSecret = META_NUMBER.appSecret) =>
  `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;

export interface GraphAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** A Graph API call as Switchboard makes it: JSON, Bearer token. */
export async function graph(
  base: string,
  path: string,
  init: { method?: string; token?: string | null; json?: unknown; form?: FormData } = {},
): Promise<GraphAnswer> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? META_NUMBER.accessToken : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.json !== undefined || init.form ? 'POST' : 'GET'),
    headers,
    body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Binary downloads stay text; tests that need bytes fetch them directly.
  }
  return { status: response.status, body, headers: response.headers };
}

export const sendPath = `/v23.0/${META_NUMBER.phoneNumberId}/messages`;

/** A customer writes through the sandbox's phone, which posts Meta's webhook to the app. */
export async function customerWrites(base: string, input: Record<string, unknown>) {
  const response = await fetch(`${base}/sandbox/meta/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      profileName: 'Lucía Gómez',
      to: META_NUMBER.displayPhoneNumber,
      type: 'text',
      ...input,
    }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

export async function postJson(base: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A 1×1 PNG: the smallest picture every image decoder opens. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
