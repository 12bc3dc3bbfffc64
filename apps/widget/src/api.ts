/** The public web chat API (apps/api/src/routes/webchat.ts), as the widget sees it. */

export interface WidgetConfig {
  inboxId: string;
  name: string;
  greeting: string | null;
  color: string | null;
  position: 'right' | 'left';
  teams: Array<{ id: string; name: string; online: boolean }>;
}

export interface ChatMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  text: string;
  createdAt: string;
  author: { name: string } | null;
  automatic: boolean;
}

export interface VisitorConversation {
  conversation: {
    id: string;
    reference: string;
    status: 'waiting' | 'open' | 'closed';
    outcome: string | null;
    queuePosition: number | null;
    agent: { name: string } | null;
  } | null;
  messages: ChatMessage[];
}

export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  teamId?: string;
}

/** The API answered with an error. A failed fetch (no network) stays a TypeError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again later: the server or the rate limit, not the request, is at fault. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export type Api = ReturnType<typeof createApi>;

export function createApi(origin: string, inboxId: string) {
  const base = `${origin}/api/v1/webchat`;

  async function call<T>(path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        error?: { code?: string; message?: string };
      } | null;
      throw new ApiError(
        response.status,
        body?.error?.code ?? 'http_error',
        body?.error?.message ?? `HTTP ${response.status}`,
      );
    }
    return (await response.json()) as T;
  }

  return {
    config: () => call<WidgetConfig>(`/${encodeURIComponent(inboxId)}/config`),
    startVisitor: (input: { name?: string; email?: string; phone?: string; token?: string }) =>
      call<{ token: string; visitorId: string }>(`/${encodeURIComponent(inboxId)}/visitors`, {
        body: input,
      }),
    conversation: (token: string) => call<VisitorConversation>('/conversation', { token }),
    send: (token: string, message: OutgoingMessage) =>
      call<{ id: string }>('/messages', { token, body: message }),
    socketUrl: (token: string) =>
      `${base.replace(/^http/, 'ws')}/socket?token=${encodeURIComponent(token)}`,
  };
}
