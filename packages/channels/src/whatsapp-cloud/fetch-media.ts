import { ChannelError } from '../errors';
import {
  downloadMedia,
  isAllowedMediaType,
  mediaTooLarge,
  mediaTypeNotAllowed,
  type FetchedMedia,
} from '../media';
import type { ChannelEnvironment, InboxConnection } from '../types';
import { cloudCredentials } from './credentials';
import { graphRequest, graphUrl } from './graph-api';
import { asNumber, asObject, asText } from './read-json';

/** Where Meta serves media downloads (lookaside.fbsbx.com today). */
const META_MEDIA_HOSTS = ['.fbsbx.com', '.facebook.com', '.whatsapp.net'];

/**
 * Downloads a customer's file in Meta's two steps: the media id gives a URL valid for five
 * minutes, and that URL needs the same access token, so it is only ever sent to Meta's hosts.
 */
export async function fetchCloudMedia(
  mediaId: string,
  connection: InboxConnection,
  env: ChannelEnvironment,
  maxBytes: number,
): Promise<FetchedMedia> {
  const { accessToken, phoneNumberId } = cloudCredentials(connection);
  // phone_number_id makes Meta refuse media that does not belong to this inbox's number.
  const info = asObject(
    await graphRequest(graphUrl(env, [mediaId], { phone_number_id: phoneNumberId }), {
      method: 'GET',
      accessToken,
    }),
  );
  const url = asText(info?.url);
  if (!url) {
    throw new ChannelError('WhatsApp gave no download address for the file.', {
      retryable: true,
      code: 'bad_response',
    });
  }
  const declaredSize = asNumber(info?.file_size);
  if (declaredSize !== undefined && declaredSize > maxBytes) throw mediaTooLarge(maxBytes);
  const declaredType = asText(info?.mime_type)?.split(';')[0]?.trim().toLowerCase();
  if (declaredType && !isAllowedMediaType(declaredType)) throw mediaTypeNotAllowed(declaredType);
  if (!isMetaMediaUrl(url, env.metaGraphBase)) {
    throw new ChannelError('The file is not hosted by Meta.', {
      retryable: false,
      code: 'untrusted_media_host',
    });
  }
  return downloadMedia(url, { headers: { authorization: `Bearer ${accessToken}` } }, maxBytes);
}

/** The Graph API's own origin (the sandbox in the demo), or an https Meta media host. */
export function isMetaMediaUrl(url: string, metaGraphBase: string): boolean {
  let target: URL;
  let graph: URL;
  try {
    target = new URL(url);
    graph = new URL(metaGraphBase);
  } catch {
    return false;
  }
  if (target.origin === graph.origin) return true;
  return (
    target.protocol === 'https:' &&
    META_MEDIA_HOSTS.some((suffix) => target.hostname.endsWith(suffix))
  );
}
