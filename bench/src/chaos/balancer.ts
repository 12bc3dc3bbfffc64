import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  url: string;
  close(): Promise<void>;
}

/**
 * A round-robin load balancer in front of the api instances, as production would have one:
 * PUBLIC_URL points here, so Twilio's webhooks and status callbacks and the agents' browsers
 * keep working while one instance is down. A request an instance refused to connect for goes
 * to the next one; a request that broke after it was sent answers 502, as an LB would, since
 * only the client may decide to send it again.
 */
export async function startBalancer(upstreams: () => string[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  let turn = 0;
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const targets = upstreams();
      const first = turn++ % targets.length;
      const order = targets.map((_, index) => targets[(first + index) % targets.length]!);
      forward(agent, incoming, Buffer.concat(chunks), outgoing, order);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(
  agent: Agent,
  incoming: IncomingMessage,
  body: Buffer,
  outgoing: ServerResponse,
  targets: string[],
): void {
  const [target, ...rest] = targets;
  if (!target) {
    outgoing.writeHead(503).end();
    return;
  }
  const upstream = request(
    `${target}${incoming.url ?? '/'}`,
    { method: incoming.method, headers: incoming.headers, agent },
    (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
      response.once('error', () => outgoing.destroy());
    },
  );
  upstream.once('error', (error: NodeJS.ErrnoException) => {
    if (outgoing.headersSent) outgoing.destroy();
    else if (error.code === 'ECONNREFUSED') forward(agent, incoming, body, outgoing, rest);
    else outgoing.writeHead(502).end();
  });
  upstream.end(body);
}
