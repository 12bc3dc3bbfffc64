import { parseEmail } from '@switchboard/channels';
import { findEmailInboxByAddress, MAX_ATTACHMENT_BYTES } from '@switchboard/domain';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { ApiDeps } from '../deps';
import { acceptInboundEvent } from '../inbound/accept-event';

/** Whole messages above this are refused at DATA; attachments inside are capped separately. */
const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

class SmtpReply extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

export interface MailListener {
  port: number;
  close(): Promise<void>;
}

/**
 * The SMTP listener for forwarded mail (DESIGN §8): a company forwards support@ here, or points
 * its MX at it. Mail is accepted (250) only once it is stored in Postgres for every inbox it is
 * addressed to; anything that fails before that gets a temporary 451, so the sender retries.
 */
export async function startMailListener(
  deps: ApiDeps,
  options: { port: number; host?: string },
): Promise<MailListener> {
  const server = new SMTPServer({
    // Forwarding servers deliver without logging in, like to any MX. TLS belongs to the
    // deployment (a relay in front), so the listener offers none.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Switchboard',
    logger: false,
    onRcptTo(address, _session, callback) {
      findEmailInboxByAddress(deps.database.db, address.address)
        .then((inbox) =>
          callback(inbox ? undefined : new SmtpReply('5.1.1 No such mailbox here', 550)),
        )
        .catch(() => callback(new SmtpReply('4.3.0 Try again later', 451)));
    },
    onData(stream, session, callback) {
      const sender = session.envelope.mailFrom;
      receive(deps, stream, session.envelope.rcptTo, sender ? sender.address : '')
        .then(() => callback())
        .catch((error: unknown) =>
          callback(
            error instanceof SmtpReply ? error : new SmtpReply('4.3.0 Try again later', 451),
          ),
        );
    },
  });
  server.on('error', (error) => console.warn(`mail listener: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(
  deps: ApiDeps,
  stream: Readable,
  recipients: SMTPServerAddress[],
  /** Empty for bounces and other automatic mail (`MAIL FROM:<>`). */
  envelopeFrom: string,
) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if ((stream as Readable & { sizeExceeded?: boolean }).sizeExceeded)
    throw new SmtpReply('5.3.4 Message too big', 552);
  const raw = Buffer.concat(chunks);

  const inboxes = new Map<string, { id: string; workspaceId: string }>();
  for (const recipient of recipients) {
    const inbox = await findEmailInboxByAddress(deps.database.db, recipient.address);
    if (inbox) inboxes.set(inbox.id, inbox);
  }
  const payload = await parseEmail(raw, {
    maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
    source: 'smtp',
    envelopeTo: recipients.map((recipient) => recipient.address.toLowerCase()),
    envelopeFrom,
  });
  for (const inbox of inboxes.values()) {
    await acceptInboundEvent(
      deps,
      {
        workspaceId: inbox.workspaceId,
        inboxId: inbox.id,
        kind: 'message',
        providerEventId: payload.messageId,
        payload,
      },
      (detail, message) => console.warn(`mail listener: ${message}`, detail.eventId),
    );
  }
}
