import { SANDBOX_MAIL_HOST, isBounceAddress, isVacationAddress } from './addresses';
import { bounceReport } from './bounce';
import { MailUnreachableError } from './delivery';
import { deliverToSwitchboard } from './outgoing';
import { parseMail, type MailRecord } from './parse';
import { deservesAutoReply, outOfOfficeReply } from './vacation';
import type { SandboxContext } from '../context';

const MAILER_DAEMON = `MAILER-DAEMON@${SANDBOX_MAIL_HOST}`;

/** Runs after the sandbox's usual pause, like a remote server answering a little later. */
function later(context: SandboxContext, name: string, task: () => Promise<void>): void {
  context.background.run(name, async () => {
    if (!(await context.background.sleep(context.statusDelayMs))) return;
    try {
      await task();
    } catch (error) {
      if (!(error instanceof MailUnreachableError)) throw error;
      context.log.warn(`${name} not delivered: ${error.message}`);
    }
  });
}

function bounceLater(context: SandboxContext, mail: MailRecord, unknown: string[]): void {
  // A bounce to the null sender would go nowhere, and could loop between two servers.
  if (mail.envelope.from === '') return;
  later(context, `bounce of ${mail.messageId ?? mail.id}`, async () => {
    const envelope = { from: '', to: [mail.envelope.from] };
    await deliverToSwitchboard(context, MAILER_DAEMON, envelope, bounceReport(mail, unknown));
  });
}

function autoReplyLater(context: SandboxContext, mail: MailRecord, responder: string): void {
  if (!deservesAutoReply(mail)) return;
  later(context, `auto-reply to ${mail.messageId ?? mail.id}`, async () => {
    const reply = await outOfOfficeReply(mail, responder);
    await deliverToSwitchboard(context, responder, reply.envelope, reply.raw);
  });
}

/**
 * Mail Switchboard sent: each envelope recipient finds it in their mailbox, except at
 * bounce.test (unknown users: a DSN goes back) and with vacation.test answering it too.
 * Returns the text of the 250 line.
 */
export async function receiveFromSwitchboard(
  context: SandboxContext,
  raw: Buffer,
  envelope: { from: string; to: string[] },
): Promise<string> {
  const mail = await parseMail(raw, envelope);
  const unknown = envelope.to.filter(isBounceAddress);
  for (const recipient of envelope.to) {
    if (!isBounceAddress(recipient)) context.mail.store.add(recipient, 'in', mail);
    if (isVacationAddress(recipient)) autoReplyLater(context, mail, recipient);
  }
  if (unknown.length > 0) bounceLater(context, mail, unknown);
  if (mail.parseError) {
    context.log.warn(`mail ${mail.id} from Switchboard is not readable MIME: ${mail.parseError}`);
  }
  context.log.info(`mail ${mail.messageId ?? mail.id} from Switchboard accepted`);
  return `OK: queued as ${mail.id}`;
}
