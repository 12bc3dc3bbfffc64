import type { ChannelEnvironment, InboxConnection } from '../types';
import { cloudCredentials } from './credentials';
import { graphRequest, graphUrl } from './graph-api';

/** Blue ticks: tells the customer their message (and the ones before it) was read. */
export async function markCloudMessageRead(
  providerMessageId: string,
  connection: InboxConnection,
  env: ChannelEnvironment,
): Promise<void> {
  const credentials = cloudCredentials(connection);
  await graphRequest(graphUrl(env, [credentials.phoneNumberId, 'messages']), {
    method: 'POST',
    accessToken: credentials.accessToken,
    json: { messaging_product: 'whatsapp', status: 'read', message_id: providerMessageId },
  });
}
