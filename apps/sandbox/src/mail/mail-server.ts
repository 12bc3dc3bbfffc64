import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { SANDBOX_MAIL_HOST } from './addresses';

/** Switchboard limits attachments to 25 MB; base64 makes that about a third larger. */
export const MAX_MAIL_BYTES = 36 * 1024 * 1024;

/** Stopping must not wait for idle pooled connections (Switchboard keeps some open). */
const CLOSE_TIMEOUT_MS = 500;

export type MailHandler = (
  raw: Buffer,
  envelope: { from: string; to: string[] },
) => Promise<string>;

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The customers' mail servers, as one SMTP server on loopback: it accepts whatever
 * Switchboard sends (no AUTH, no TLS, like a relay on a trusted network) and hands each
 * message to `handle`, whose answer becomes the 250 line's text.
 */
export class SandboxMailServer {
  private readonly server: SMTPServer;
  private listening = false;

  constructor(handle: MailHandler, log: FastifyBaseLogger) {
    this.server = new SMTPServer({
      name: SANDBOX_MAIL_HOST,
      banner: 'Sandbox mail',
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      size: MAX_MAIL_BYTES,
      closeTimeout: CLOSE_TIMEOUT_MS,
      logger: false,
      onData: (stream, session, callback) => {
        readAll(stream)
          .then(async (raw) => {
            if (stream.sizeExceeded) {
              return callback(smtpError(552, 'Message exceeds fixed maximum message size'));
            }
            const envelope = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
            };
            callback(null, await handle(raw, envelope));
          })
          .catch((error: unknown) =>
            callback(smtpError(451, `Local error in processing: ${(error as Error).message}`)),
          );
      },
    });
    // A client dropping its connection is routine for a mail server, not a crash.
    this.server.on('error', (error) => log.warn(`sandbox mail server: ${error.message}`));
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', onError);
        this.listening = true;
        resolve();
      });
    });
  }

  /** The port it listens on; only known once the sandbox is ready (listen() or ready()). */
  port(): number {
    const address = this.listening ? (this.server.server.address() as AddressInfo | null) : null;
    if (!address) {
      throw new Error(
        'The sandbox mail server is not listening yet: call listen() or ready() first',
      );
    }
    return address.port;
  }

  close(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
