import type { ChannelEnvironment, OutboundMedia } from '../types';
import { ChannelError } from '../errors';
import type { CloudCredentials } from './credentials';
import { graphRequest, graphUrl } from './graph-api';
import { asObject, asText } from './read-json';

/**
 * Uploads a file to Meta and returns its media id. Sending by id rather than by link means
 * Meta never has to reach our storage, and the file arrives as the agent attached it.
 */
export async function uploadCloudMedia(
  media: OutboundMedia,
  credentials: CloudCredentials,
  env: ChannelEnvironment,
): Promise<string> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', media.contentType);
  form.set('file', new Blob([media.data], { type: media.contentType }), media.fileName);
  const answer = await graphRequest(graphUrl(env, [credentials.phoneNumberId, 'media']), {
    method: 'POST',
    accessToken: credentials.accessToken,
    form,
    timeoutMs: 120_000,
  });
  const id = asText(asObject(answer)?.id);
  if (!id) {
    throw new ChannelError('WhatsApp did not return an id for the uploaded file.', {
      retryable: true,
      code: 'bad_response',
    });
  }
  return id;
}
