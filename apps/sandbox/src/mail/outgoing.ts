import type { SandboxContext } from '../context';
import { deliverMail, MailUnreachableError } from './delivery';
import type { MailboxEntry } from './mailbox';
import { parseMail } from './parse';

/**
 * Sends one message from the customers' world to Switchboard's listener and files it in the
 * sender's mailbox as `out`, with how the delivery went. Throws MailUnreachableError (after
 * filing it) when the listener cannot be reached.
 */
export async function deliverToSwitchboard(
  context: SandboxContext,
  sender: string,
  envelope: { from: string; to: string[] },
  raw: Buffer,
): Promise<MailboxEntry> {
  const mail = await parseMail(raw, envelope);
  const entry = context.mail.store.add(sender, 'out', mail);
  try {
    entry.delivery = await deliverMail(context.mail.deliverTo, envelope, raw);
  } catch (error) {
    if (error instanceof MailUnreachableError) {
      entry.delivery = { accepted: false, response: error.message };
    }
    throw error;
  }
  context.log.info(
    `mail ${mail.messageId ?? mail.id} delivered to Switchboard: ${entry.delivery.response}`,
  );
  return entry;
}
