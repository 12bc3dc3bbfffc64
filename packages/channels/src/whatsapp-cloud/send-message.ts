import { ChannelError } from '../errors';
import type {
  ChannelEnvironment,
  InboxConnection,
  OutboundMedia,
  OutboundMessage,
  OutboundTemplate,
  SendResult,
} from '../types';
import { cloudCredentials, type CloudCredentials } from './credentials';
import { graphRequest, graphUrl } from './graph-api';
import { asObject, asObjects, asText, type JsonObject } from './read-json';
import { uploadCloudMedia } from './upload-media';

type MediaKind = 'image' | 'video' | 'audio' | 'document';

/** Meta takes no caption on audio; the other kinds show the text under the file. */
const CAPTIONED: ReadonlySet<MediaKind> = new Set(['image', 'video', 'document']);

/**
 * Sends a reply through POST /{phone-number-id}/messages. One WhatsApp message carries one
 * file, so a reply with several files goes out as several messages; the first one's id stands
 * for the reply.
 */
export async function sendCloudMessage(
  message: OutboundMessage,
  connection: InboxConnection,
  env: ChannelEnvironment,
): Promise<SendResult> {
  const credentials = cloudCredentials(connection);
  const bodies = await messageBodies(message, credentials, env);
  const ids: string[] = [];
  for (const body of bodies) {
    try {
      ids.push(await postMessage(body, credentials, env));
    } catch (error) {
      if (ids.length === 0 || !(error instanceof ChannelError)) throw error;
      // Part of the reply already reached the customer; trying again would send it twice.
      throw new ChannelError(
        `Only ${ids.length} of ${bodies.length} parts of the reply reached WhatsApp. ${error.message}`,
        { retryable: false, code: error.code },
      );
    }
  }
  return { providerMessageId: ids[0]! };
}

async function messageBodies(
  message: OutboundMessage,
  credentials: CloudCredentials,
  env: ChannelEnvironment,
): Promise<JsonObject[]> {
  const envelope = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    // Meta takes the number with or without "+"; its own ids (wa_id) are the bare digits.
    to: message.to.replace(/\D/g, ''),
  };
  // A quoted reply shows the customer's message above ours; only the first part quotes it.
  const context = message.replyToProviderMessageId
    ? { context: { message_id: message.replyToProviderMessageId } }
    : {};
  if (message.template) {
    return [
      { ...envelope, ...context, type: 'template', template: templateBody(message.template) },
    ];
  }
  if (!message.media?.length) {
    return [{ ...envelope, ...context, ...textBody(message.text) }];
  }
  const media = message.media;
  // Upload everything first: a failed upload then leaves nothing half-sent.
  const ids = await Promise.all(media.map((file) => uploadCloudMedia(file, credentials, env)));
  const captionAt = message.text ? media.findIndex((file) => CAPTIONED.has(kindOf(file))) : -1;
  const parts: JsonObject[] = media.map((file, index) =>
    mediaBody(file, ids[index]!, index === captionAt ? message.text : ''),
  );
  if (message.text && captionAt === -1) parts.unshift(textBody(message.text));
  return parts.map((part, index) => ({ ...envelope, ...(index === 0 ? context : {}), ...part }));
}

const textBody = (text: string) => ({
  type: 'text',
  // Off: a link preview would show a page the agent never chose to show.
  text: { body: text, preview_url: false },
});

function templateBody(template: OutboundTemplate): JsonObject {
  return {
    name: template.name,
    // "deterministic" is the only policy Meta has: the template in exactly this language.
    language: { policy: 'deterministic', code: template.language },
    ...(template.parameters.length > 0
      ? {
          components: [
            {
              type: 'body',
              parameters: template.parameters.map((text) => ({ type: 'text', text })),
            },
          ],
        }
      : {}),
  };
}

function mediaBody(file: OutboundMedia, mediaId: string, caption: string): JsonObject {
  const kind = kindOf(file);
  return {
    type: kind,
    [kind]: {
      id: mediaId,
      ...(caption ? { caption } : {}),
      ...(kind === 'document' ? { filename: file.fileName } : {}),
    },
  };
}

function kindOf(file: OutboundMedia): MediaKind {
  const [family] = file.contentType.toLowerCase().split('/');
  return family === 'image' || family === 'video' || family === 'audio' ? family : 'document';
}

async function postMessage(
  body: JsonObject,
  credentials: CloudCredentials,
  env: ChannelEnvironment,
): Promise<string> {
  const answer = await graphRequest(graphUrl(env, [credentials.phoneNumberId, 'messages']), {
    method: 'POST',
    accessToken: credentials.accessToken,
    json: body,
  });
  const id = asText(asObjects(asObject(answer)?.messages)[0]?.id);
  if (!id) {
    // Meta took the request but gave no id: the message may well be out, which is exactly
    // what an unknown outcome says.
    throw new ChannelError('WhatsApp accepted the message without returning its id.', {
      retryable: true,
      code: 'unknown_outcome',
    });
  }
  return id;
}
