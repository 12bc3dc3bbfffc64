import { createTransport } from 'nodemailer';
import { SANDBOX_MAIL_HOST } from './addresses';
import type { DeliveryOutcome } from './mailbox';

export interface DeliveryTarget {
  host: string;
  port: number;
}

/** The customer's mail server could not reach Switchboard's listener at all. */
export class MailUnreachableError extends Error {
  override name = 'MailUnreachableError';
}

/** Mail servers give up on a silent peer; a test should not wait minutes to learn it. */
const SMTP_TIMEOUT_MS = 15_000;

interface SmtpFailure {
  responseCode?: number;
  response?: string;
  message: string;
}

/**
 * Hands one message to Switchboard's SMTP listener, as the customer's mail server would:
 * plain SMTP on the given port, no TLS, the envelope as given (`from: ''` is the null sender
 * of bounces). A refusal is an outcome; only an unreachable listener throws.
 */
export async function deliverMail(
  target: DeliveryTarget,
  envelope: { from: string; to: string[] },
  raw: Buffer,
): Promise<DeliveryOutcome> {
  const transport = createTransport({
    host: target.host,
    port: target.port,
    secure: false,
    ignoreTLS: true,
    name: SANDBOX_MAIL_HOST,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return { accepted: info.rejected.length === 0, response: info.response };
  } catch (error) {
    const failure = error as SmtpFailure;
    if (failure.responseCode) {
      return { accepted: false, response: failure.response ?? failure.message };
    }
    throw new MailUnreachableError(
      `Switchboard's mail listener at ${target.host}:${target.port} could not be reached (${failure.message})`,
    );
  } finally {
    transport.close();
  }
}
