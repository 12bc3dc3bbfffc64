import { createConnection, type Socket } from 'node:net';

/**
 * Delivers one raw message over SMTP, the way a forwarding mail server would, and returns the
 * server's final answer to DATA. Small on purpose: the tests need nothing but plain SMTP.
 */
export async function deliverMail(
  port: number,
  envelope: { from: string; to: string[] },
  raw: string | Buffer,
): Promise<{ code: number; text: string }> {
  const socket = createConnection({ host: '127.0.0.1', port });
  const replies = replyReader(socket);
  try {
    await expect(replies, 220);
    socket.write('EHLO forwarder.test\r\n');
    await expect(replies, 250);
    socket.write(`MAIL FROM:<${envelope.from}>\r\n`);
    await expect(replies, 250);
    for (const to of envelope.to) {
      socket.write(`RCPT TO:<${to}>\r\n`);
      const answer = await replies.next();
      if (answer.code !== 250) return answer;
    }
    socket.write('DATA\r\n');
    await expect(replies, 354);
    const body = (Buffer.isBuffer(raw) ? raw.toString('binary') : raw)
      .replace(/\r?\n/g, '\r\n')
      .replace(/^\./gm, '..');
    socket.write(Buffer.from(`${body}\r\n.\r\n`, 'binary'));
    const final = await replies.next();
    socket.write('QUIT\r\n');
    return final;
  } finally {
    socket.end();
  }
}

async function expect(replies: ReturnType<typeof replyReader>, code: number) {
  const answer = await replies.next();
  if (answer.code !== code)
    throw new Error(`SMTP expected ${code}, got ${answer.code} ${answer.text}`);
}

/** SMTP replies, multi-line ones ("250-…" … "250 …") joined. */
function replyReader(socket: Socket) {
  let buffer = '';
  const waiting: Array<(reply: { code: number; text: string }) => void> = [];
  const ready: Array<{ code: number; text: string }> = [];
  let lines: string[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let index: number;
    while ((index = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      lines.push(line.slice(4));
      if (line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), text: lines.join('\n') };
      lines = [];
      const next = waiting.shift();
      if (next) next(reply);
      else ready.push(reply);
    }
  });
  return {
    next(): Promise<{ code: number; text: string }> {
      const reply = ready.shift();
      if (reply) return Promise.resolve(reply);
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        socket.once('error', reject);
      });
    },
  };
}
