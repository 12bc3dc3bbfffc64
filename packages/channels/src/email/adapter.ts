import { ChannelError } from '../errors';
import type { ChannelAdapter } from '../types';
import { normalizeEmail } from './normalize';
import { sendEmail } from './send';

/** Email: mail in through IMAP or our SMTP listener (parsed by `parseEmail`), replies out over SMTP. */
export const emailAdapter = {
  kind: 'email',
  /**
   * Mail carries no provider signature to check here. The trust boundary is earlier: the IMAP
   * login to the inbox's own mailbox, or the SMTP listener accepting only the inboxes'
   * addresses. Spoofed senders are the receiving mail server's to judge (SPF, DKIM, DMARC).
   */
  verify: () => ({ ok: true }),
  normalize: (payload) => normalizeEmail(payload),
  send: (message, connection) => sendEmail(message, connection),
  /**
   * SMTP has no way to ask whether a message was taken. A repeated send keeps its Message-ID,
   * so mail systems that deduplicate by it (Gmail among them) show the reply once.
   */
  findSent: async () => null,
  fetchMedia: async () => {
    throw new ChannelError(
      'Email attachments arrive with the mail; there is nothing to download.',
      {
        retryable: false,
        code: 'not_downloadable',
      },
    );
  },
} satisfies ChannelAdapter;
