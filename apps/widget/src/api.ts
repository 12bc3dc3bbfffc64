/** The public web chat API (apps/api/src/routes/webchat.ts), as the widget sees it. */

export interface WidgetConfig {
  inboxId: string;
  name: string;
  greeting: string | null;
  color: string | null;
  position: 'right' | 'left';
  /** Someone of the inbox's team (or of any offered team) can answer now. */
  online: boolean;
  teams: Array<{ id: string; name: string; online: boolean }>;
}

export interface Person {
  name: string;
  avatarUrl: string | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  url: string;
}

export interface ChatMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  text: string;
  createdAt: string;
  author: { name: string } | null;
  automatic: boolean;
  attachments: Attachment[];
  /** The id the browser gave the visitor's own web chat message. */
  clientMessageId: string | null;
  channel: string | null;
}

/** Why it ended; `inactive`: closed by us after a while without messages. */
export type Ending = 'agent' | 'customer' | 'connection_lost' | 'abandoned' | 'inactive';

export interface Conversation {
  id: string;
  reference: string;
  status: 'waiting' | 'open' | 'closed';
  outcome: string | null;
  queuePosition: number | null;
  estimatedWaitSeconds: number | null;
  agent: Person | null;
  ending: Ending | null;
  rating: { score: number; comment: string | null } | null;
  /** Written while nobody could answer: the answer may come by email or SMS. */
  offline: boolean;
  contactEmail: string | null;
}

export interface Join {
  at: string;
  agent: Person;
}

export interface VisitorConversation {
  conversation: Conversation | null;
  messages: ChatMessage[];
  joins: Join[];
}

export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  teamId?: string;
  pageUrl?: string;
  offline?: boolean;
}

export interface OutgoingFile {
  clientMessageId: string;
  file: File;
  teamId?: string;
  pageUrl?: string;
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

/** The error the API sent back, in its one shape `{ error: { code, message } }`. */
export function apiError(status: number, raw: string): ApiError {
  type ErrorBody = { error?: { code?: string; message?: string } } | null;
  let body: ErrorBody = null;
  try {
    body = JSON.parse(raw) as ErrorBody;
  } catch {
    // Not JSON: a proxy's page, say.
  }
  return new ApiError(
    status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `HTTP ${status}`,
  );
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
    if (!response.ok) throw apiError(response.status, await response.text().catch(() => ''));
    return (await response.json()) as T;
  }

  return {
    base,
    config: () => call<WidgetConfig>(`/${encodeURIComponent(inboxId)}/config`),
    startVisitor: (input: { name?: string; email?: string; phone?: string; token?: string }) =>
      call<{ token: string; visitorId: string }>(`/${encodeURIComponent(inboxId)}/visitors`, {
        body: input,
      }),
    /** The link of an email or SMS follow-up, exchanged for its visitor's token. */
    resume: (resumeToken: string) =>
      call<{ token: string; visitorId: string }>(`/${encodeURIComponent(inboxId)}/resume`, {
        body: { resumeToken },
      }),
    conversation: (token: string) => call<VisitorConversation>('/conversation', { token }),
    send: (token: string, message: OutgoingMessage) =>
      call<{ id: string }>('/messages', { token, body: message }),
    close: (token: string) => call<VisitorConversation>('/conversation/close', { token, body: {} }),
    rate: (token: string, rating: { score: number; comment?: string }) =>
      call<VisitorConversation>('/conversation/rating', { token, body: rating }),
    transcript: (token: string, email?: string) =>
      call<{ to: string }>('/conversation/transcript', { token, body: email ? { email } : {} }),
    socketUrl: (token: string) =>
      `${base.replace(/^http/, 'ws')}/socket?token=${encodeURIComponent(token)}`,
  };
}
