import { ChannelError } from '../errors';
import { explainMetaError } from './errors';
import { asNumber, asObject, asText } from './read-json';

/** Throughput, app, account, spam and per-customer limits: waiting and trying again works. */
const RATE_LIMITED = new Set([4, 80007, 130429, 131048, 131056]);
/** Meta's own "something went wrong, try again" codes. */
const TEMPORARY = new Set([1, 2, 131000, 131016, 133004]);
/**
 * Meta sends no Retry-After with the pair rate limit (131056); it allows about one message every
 * six seconds per customer, so a minute clears a burst.
 */
const DEFAULT_WAIT_MS: Record<number, number> = { 131056: 60_000 };

/**
 * A Graph API error answer → ChannelError. The body is Meta's
 * `{ error: { message, type, code, error_subcode, error_data: { details }, fbtrace_id } }`.
 */
export function metaApiError(
  httpStatus: number,
  body: unknown,
  retryAfter: string | null,
): ChannelError {
  const error = asObject(asObject(body)?.error);
  const metaCode = asNumber(error?.code);
  const detail = asText(asObject(error?.error_data)?.details) || asText(error?.message);
  const message = explainMetaError(metaCode, detail);
  const code = String(metaCode ?? httpStatus);
  if (httpStatus === 429 || (metaCode !== undefined && RATE_LIMITED.has(metaCode))) {
    const retryAfterMs =
      parseRetryAfter(retryAfter) ??
      (metaCode !== undefined ? DEFAULT_WAIT_MS[metaCode] : undefined);
    return new ChannelError(message, {
      retryable: true,
      code: 'rate_limited',
      httpStatus,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  const retryable = httpStatus >= 500 || (metaCode !== undefined && TEMPORARY.has(metaCode));
  return new ChannelError(message, { retryable, code, httpStatus });
}

/** Failures where the request never reached Meta, so sending again cannot duplicate it. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * fetch rejected. `mayHaveArrived` is true for requests that change something at Meta (a send):
 * a reset or timeout after the request left may hide a message that did go out. Errors with no
 * socket code (a malformed URL, a port fetch refuses) fail before anything is sent.
 */
export function metaNetworkError(error: unknown, mayHaveArrived: boolean): ChannelError {
  const failure = error as { cause?: { code?: unknown }; code?: unknown; name?: unknown };
  const stringCode = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const socketCode = stringCode(failure.cause?.code) ?? stringCode(failure.code);
  const timedOut = failure.name === 'TimeoutError' || failure.name === 'AbortError';
  const label = socketCode ?? stringCode(failure.name) ?? 'unknown';
  const sentNothing = socketCode ? NOT_SENT.has(socketCode) : !timedOut;
  if (!mayHaveArrived || sentNothing) {
    return new ChannelError(`Could not reach WhatsApp (${label}).`, {
      retryable: true,
      code: 'network',
    });
  }
  return new ChannelError(`The connection to WhatsApp broke before it answered (${label}).`, {
    retryable: true,
    code: 'unknown_outcome',
  });
}

/** Retry-After in seconds or as an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
