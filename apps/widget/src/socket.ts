/**
 * The visitor's websocket: hints that their conversation changed (the widget then refetches it)
 * and, by being open, their presence. It reconnects by itself with growing, jittered delays,
 * at once when the browser says the network is back, and gives up only on a rejected token.
 */

export interface SocketHandlers {
  /** True on each hello; false whenever a socket closed or an attempt failed. */
  onConnection(connected: boolean): void;
  /** Each (re)connection and each hint: whatever was missed, refetch. */
  onChange(): void;
  /** An agent is typing in the visitor's conversation. */
  onAgentTyping(name: string): void;
  /** The server refused the token (close code 4401): the visitor must start again. */
  onRejected(): void;
}

export interface VisitorSocket {
  sendTyping(): void;
  stop(): void;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
const REJECTED = 4401;

export function openVisitorSocket(url: string, handlers: SocketHandlers): VisitorSocket {
  let socket: WebSocket | null = null;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let connected = false;

  const setConnected = (value: boolean) => {
    connected = value;
    handlers.onConnection(value);
  };

  function connect() {
    clearTimeout(timer);
    if (stopped) return;
    const current = new WebSocket(url);
    socket = current;
    current.onmessage = (event) => {
      let frame: { type?: string; name?: unknown };
      try {
        frame = JSON.parse(String(event.data)) as typeof frame;
      } catch {
        return;
      }
      // Typing changes nothing stored: no refetch.
      if (frame.type === 'agent.typing') {
        if (typeof frame.name === 'string') handlers.onAgentTyping(frame.name);
        return;
      }
      if (frame.type === 'hello') {
        attempts = 0;
        setConnected(true);
      }
      handlers.onChange();
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      setConnected(false);
      if (event.code === REJECTED) {
        stopped = true;
        handlers.onRejected();
        return;
      }
      retryLater();
    };
  }

  function retryLater() {
    if (stopped) return;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempts);
    attempts++;
    timer = setTimeout(connect, delay * (0.75 + Math.random() / 2));
  }

  /** Drops the current socket without waiting for a closing handshake an offline network never completes. */
  function abandonSocket() {
    const current = socket;
    socket = null;
    if (!current) return;
    current.onclose = null;
    current.onmessage = null;
    current.close();
    setConnected(false);
  }

  const onOffline = () => {
    abandonSocket();
    clearTimeout(timer);
    retryLater();
  };
  const onOnline = () => {
    if (connected) return;
    abandonSocket();
    attempts = 0;
    connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  connect();

  return {
    sendTyping() {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'typing' }));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      abandonSocket();
    },
  };
}
