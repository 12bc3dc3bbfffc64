import { TEST_PASSWORD } from '@switchboard/db/testing';
import { waitFor } from '@switchboard/stack/testing';
import WebSocket from 'ws';

export interface Hint {
  type: string;
  conversationId?: string;
  userId?: string;
}

/**
 * Signs in as the user and opens the web app's realtime socket, collecting every hint it
 * receives; resolves once the server said hello, i.e. from then on nothing is missed.
 */
export async function openRealtime(apiUrl: string, email: string) {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const socket = new WebSocket(`${apiUrl.replace('http', 'ws')}/api/v1/realtime`, {
    headers: { cookie },
  });
  const hints: Hint[] = [];
  socket.on('message', (data: Buffer) => {
    // One hint per frame, or an array of a batch's hints.
    const frame = JSON.parse(data.toString()) as Hint | Hint[];
    hints.push(...(Array.isArray(frame) ? frame : [frame]));
  });
  await waitFor(async () => hints.some((hint) => hint.type === 'hello'), { what: 'hello' });
  return { socket, hints };
}
