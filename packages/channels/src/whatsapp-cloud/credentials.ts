import { ChannelError } from '../errors';
import type { InboxConnection } from '../types';

export interface CloudCredentials {
  accessToken: string;
  /** Meta's Phone-Number-ID, the inbox's externalId: every send goes to /{id}/messages. */
  phoneNumberId: string;
}

/** What every Graph API call needs; a half-configured inbox fails with a sentence an admin can act on. */
export function cloudCredentials(connection: InboxConnection): CloudCredentials {
  const accessToken = connection.credentials.accessToken;
  if (!accessToken) throw misconfigured('The inbox has no WhatsApp access token.');
  if (!connection.externalId) throw misconfigured('The inbox has no WhatsApp phone number id.');
  return { accessToken, phoneNumberId: connection.externalId };
}

export function misconfigured(message: string): ChannelError {
  return new ChannelError(message, { retryable: false, code: 'credentials' });
}
