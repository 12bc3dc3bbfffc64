import { ChannelError } from '../errors';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Failures before the server answered: sending again later is the right move. */
const NETWORK = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * SMTP says what to do in its reply code: 4xx is "try again later" (greylisting, a full
 * queue), 5xx is final. Authentication failures are an admin's to fix, not the queue's.
 */
export function smtpChannelError(error: unknown): ChannelError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const status = failure.responseCode;
  if (failure.code === 'EAUTH' || status === 530 || status === 535) {
    return new ChannelError(
      "The mail server did not accept the inbox's SMTP user name or password.",
      { retryable: false, code: 'credentials' },
    );
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ChannelError(`The mail server asked to try again later: ${serverWords(failure)}`, {
      retryable: true,
      code: `smtp_${status}`,
    });
  }
  if (typeof status === 'number' && status >= 500) {
    return new ChannelError(`The mail server refused the message: ${serverWords(failure)}`, {
      retryable: false,
      code: `smtp_${status}`,
    });
  }
  if (failure.code && NETWORK.has(failure.code)) {
    return new ChannelError(`Could not reach the mail server (${failure.code}).`, {
      retryable: true,
      code: 'network',
    });
  }
  return new ChannelError(`The message could not be sent: ${failure.message ?? String(error)}`, {
    retryable: false,
    code: 'smtp_error',
  });
}

/** "550-5.1.1 first line\n550 5.1.1 second" → "5.1.1 first line 5.1.1 second." */
function serverWords(failure: SmtpFailure): string {
  const text = (failure.response ?? failure.message ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\d{3}[ -]?/, '').trim())
    .filter(Boolean)
    .join(' ');
  if (!text) return 'the server gave no reason.';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
