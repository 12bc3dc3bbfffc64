import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { TwilioAccount } from '../options';
import type { SandboxStore } from '../store';
import { twilioErrors } from './errors';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * HTTP Basic `AccountSid:AuthToken`, for the account named in the path: Twilio answers
 * 401 / 20003 for missing, wrong or foreign credentials alike, and so does the sandbox.
 */
export function authenticate(
  store: SandboxStore,
  request: FastifyRequest,
  accountSid: string,
): TwilioAccount {
  const header = request.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const username = colon === -1 ? '' : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  const account = store.account(accountSid);
  if (!account || username !== accountSid || !sameSecret(password, account.authToken)) {
    throw twilioErrors.authenticate();
  }
  return account;
}
