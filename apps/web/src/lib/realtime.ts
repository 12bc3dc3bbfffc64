/**
 * A self-healing websocket for server hints. Hints carry ids, never data: the app
 * refetches what they point at, so a dropped socket only costs a refetch on return.
 */

export type RealtimeHint =
  | { type: 'hello' }
  | { type: 'conversation.updated'; conversationId: string; version?: number }
  | { type: 'message.created' | 'message.updated'; conversationId: string; messageId: string }
  // Future event types still name a conversation; treating them generically keeps old tabs fresh.
  | { type: string; conversationId?: string };

export type RealtimeState = 'connecting' | 'connected' | 'reconnecting';

/** What the app tells the server: the agent is typing in a web chat conversation. */
export type RealtimeFrame = { type: 'typing'; conversationId: string };

interface RealtimeOptions {
  url: string;
  onHint: (hint: RealtimeHint) => void;
  onStateChange: (state: RealtimeState) => void;
  /** Called each time the server registers a socket: hints sent before it were missed. */
  onConnected: () => void;
  /** Called after each failed or lost connection, with how many happened in a row. */
  onConnectFailed?: (consecutiveFailures: number) => void;
  /** The server refused the session (close code 4401); the app should re-check it. */
  onUnauthorized?: () => void;
}

// Application close code the API uses for a socket without a valid session.
const CLOSE_UNAUTHORIZED = 4401;

const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;

export function realtimeUrl(path = '/api/v1/realtime'): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${path}`;
}

/** A frame holds one hint, or an array of them when the server sends a batch's at once. */
function parseHints(data: unknown): RealtimeHint[] {
  if (typeof data !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return [];
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).filter(isHint);
}

function isHint(value: unknown): value is RealtimeHint {
  if (typeof value !== 'object' || value === null) return false;
  const { type, conversationId } = value as Record<string, unknown>;
  return (
    typeof type === 'string' && (conversationId === undefined || typeof conversationId === 'string')
  );
}

export class RealtimeConnection {
  private socket: WebSocket | null = null;
  private retryTimer: number | undefined;
  private failures = 0;
  private hasConnectedBefore = false;
  private stopped = true;

  constructor(private readonly options: RealtimeOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
  }

  /**
   * Sends a frame if the socket is connected right now; otherwise it is dropped, which suits
   * what the app sends (typing hints mean nothing once late).
   */
  send(frame: RealtimeFrame): void {
    const socket = this.socket;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  private connect(): void {
    if (this.stopped) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;

    // The server says hello once it has registered this socket for hints; only from then on is
    // nothing missed, so "connected" waits for it rather than for the socket opening.
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      for (const hint of parseHints(event.data)) {
        if (hint.type === 'hello') {
          this.failures = 0;
          this.hasConnectedBefore = true;
          this.options.onStateChange('connected');
          // Whatever changed before this socket was registered (a slow first connect, a drop)
          // sent hints nobody heard: refetch what is on screen.
          this.options.onConnected();
          continue;
        }
        this.options.onHint(hint);
      }
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (event.code === CLOSE_UNAUTHORIZED) this.options.onUnauthorized?.();
      this.scheduleReconnect();
    };
    // An error is always followed by close, which owns the retry.
    socket.onerror = () => undefined;
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.options.onStateChange(this.hasConnectedBefore ? 'reconnecting' : 'connecting');
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.failures);
    this.failures += 1;
    this.options.onConnectFailed?.(this.failures);
    // Jitter spreads a whole support floor reconnecting after an API restart.
    const delay = Math.max(MIN_DELAY_MS, base * (0.8 + Math.random() * 0.2));
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  /** Skip the backoff when the browser tells us the network or the tab is back. */
  private readonly reconnectNow = (): void => {
    if (this.stopped || this.socket) return;
    window.clearTimeout(this.retryTimer);
    this.failures = 0;
    this.connect();
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.reconnectNow();
  };
}
