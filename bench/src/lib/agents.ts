import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * Signs a user in and returns their session cookie. Each sign-in comes from its own address
 * (as agents at their own desks do), so the per-address login limit is not the bottleneck.
 */
export async function signIn(apiUrl: string, email: string, seat: number): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.9.${seat >> 8}.${seat & 255}`,
    },
    body: JSON.stringify({ email, password: 'password' }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface RealtimeHint {
  type: string;
  conversationId?: string;
  messageId?: string;
}

/** An agent's realtime socket; `onHint` gets every hint with the time it arrived. */
export async function connectAgent(
  apiUrl: string,
  cookie: string,
  onHint: (hint: RealtimeHint, at: number) => void,
): Promise<WebSocket> {
  const socket = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}/api/v1/realtime`, {
    headers: { cookie, origin: apiUrl },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      // One hint per frame, or an array of a batch's hints.
      const frame = JSON.parse(data.toString()) as RealtimeHint | RealtimeHint[];
      for (const hint of Array.isArray(frame) ? frame : [frame]) {
        if (hint.type === 'hello') resolve();
        else onHint(hint, at);
      }
    });
  });
  return socket;
}
