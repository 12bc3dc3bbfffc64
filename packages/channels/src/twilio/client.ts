import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

const TWILIO_ORIGIN = 'https://api.twilio.com';

/**
 * The origin of a Twilio API URL: api.twilio.com for Messages, content.twilio.com for
 * templates, and so on for each product. Null for any other host.
 */
function twilioOrigin(url: string): string | null {
  const match = /^https:\/\/(?:[a-z0-9-]+\.)+twilio\.com(?=[/?#]|$)/i.exec(url);
  return match ? match[0] : null;
}

/**
 * The SDK builds https://<product>.twilio.com URLs; this client sends them all to
 * TWILIO_API_BASE instead, so the demo and tests talk to the sandbox, never the internet.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    // Retries are the queue's job (backoff, rate limits), not the SDK's.
    super({ autoRetry: false, timeout: 15_000, keepAlive: true });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const origin = twilioOrigin(opts.uri);
    if (origin) {
      return super.request<TData>({ ...opts, uri: this.base + opts.uri.slice(origin.length) });
    }
    // A next-page URL the stand-in built on its own base is as trusted as the base itself.
    if (opts.uri.startsWith(`${this.base}/`)) return super.request<TData>(opts);
    // Anything else goes where it points, without the account's credentials.
    const { username: _username, password: _password, authStrategy: _authStrategy, ...rest } = opts;
    return super.request<TData>(rest);
  }
}

const clients = new Map<string, twilio.Twilio>();

export function twilioClient(
  accountSid: string,
  authToken: string,
  apiBase: string,
): twilio.Twilio {
  const key = `${apiBase}|${accountSid}|${authToken}`;
  let client = clients.get(key);
  if (!client) {
    const httpClient = apiBase === TWILIO_ORIGIN ? undefined : new RebasedRequestClient(apiBase);
    client = twilio(
      accountSid,
      authToken,
      httpClient ? { httpClient, autoRetry: false } : { autoRetry: false },
    );
    clients.set(key, client);
  }
  return client;
}

/**
 * The URL to fetch a Twilio-hosted resource (MMS media) from, on TWILIO_API_BASE; null for any
 * other host, so account credentials are never sent anywhere but Twilio.
 */
export function twilioResourceUrl(url: string, apiBase: string): string | null {
  if (url.startsWith(`${TWILIO_ORIGIN}/`)) return apiBase + url.slice(TWILIO_ORIGIN.length);
  if (url.startsWith(`${apiBase}/`)) return url;
  return null;
}
