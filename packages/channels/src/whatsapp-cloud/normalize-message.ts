import { safeFileName } from '../file-name';
import type { EventPayload, InboundAttachment, InboundEvent } from '../types';
import { asNumber, asObject, asObjects, asText, toE164, type JsonObject } from './read-json';
import { describeContacts, describeLocation } from './shared-content';

interface Content {
  text: string;
  attachments: InboundAttachment[];
  metadata: JsonObject;
}

/** Meta leaves mime_type out of some media messages; these are what WhatsApp clients send. */
const DEFAULT_MEDIA_TYPE: Record<string, string> = {
  image: 'image/jpeg',
  audio: 'audio/ogg',
  video: 'video/mp4',
  document: 'application/octet-stream',
  sticker: 'image/webp',
};

/** One customer message as split from a webhook: `{ message, contact?, metadata }`. */
export function normalizeCloudMessage(payload: EventPayload): InboundEvent[] {
  const message = asObject(payload.message);
  const id = asText(message?.id);
  const waId = asText(message?.from);
  if (!message || !id || !waId) return [];
  const profileName = asText(asObject(asObject(payload.contact)?.profile)?.name);
  const from = {
    kind: 'whatsapp' as const,
    address: toE164(waId),
    ...(profileName ? { displayName: profileName } : {}),
  };
  const time = new Date((asNumber(message.timestamp) ?? Number.NaN) * 1000);
  // A timestamp beyond what a Date holds is no time at all, not an Invalid Date.
  const occurredAt = Number.isNaN(time.getTime()) ? {} : { occurredAt: time };
  const type = asText(message.type) ?? 'unknown';

  const reaction = type === 'reaction' ? asObject(message.reaction) : undefined;
  const target = asText(reaction?.message_id);
  if (reaction && target) {
    return [
      {
        type: 'reaction',
        providerMessageId: id,
        targetProviderMessageId: target,
        // Meta reports a removed reaction as the same message with the emoji left out or empty.
        emoji: asText(reaction.emoji) ?? '',
        from,
        ...occurredAt,
      },
    ];
  }

  const content = readContent(type, message);
  return [
    {
      type: 'message',
      providerMessageId: id,
      from,
      to: toE164(asText(asObject(payload.metadata)?.display_phone_number) ?? ''),
      text: content.text,
      attachments: content.attachments,
      ...occurredAt,
      metadata: { waId, ...contextOf(message), ...content.metadata },
    },
  ];
}

function readContent(type: string, message: JsonObject): Content {
  switch (type) {
    case 'text': {
      const body = asText(asObject(message.text)?.body);
      if (body !== undefined) return { text: body, attachments: [], metadata: {} };
      break;
    }
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
    case 'sticker': {
      const media = readMedia(type, asObject(message[type]));
      if (media) return media;
      break;
    }
    case 'location': {
      const location = asObject(message.location);
      if (location) {
        const described = describeLocation(location);
        return {
          text: described.text,
          attachments: [],
          metadata: { location: described.location },
        };
      }
      break;
    }
    case 'contacts': {
      const described = describeContacts(message.contacts);
      if (described.contacts.length > 0) {
        return {
          text: described.text,
          attachments: [],
          metadata: { contacts: described.contacts },
        };
      }
      break;
    }
    case 'interactive': {
      // A tap on a reply button or a list row of a message we sent: `interactive.type` names the reply.
      const interactive = asObject(message.interactive);
      const reply = asObject(interactive?.[asText(interactive.type) ?? '']);
      const title = asText(reply?.title);
      if (title !== undefined) return buttonReply(asText(reply?.id), title);
      break;
    }
    case 'button': {
      // A quick-reply button of a template: Meta calls this type "button", not "interactive".
      const button = asObject(message.button);
      const text = asText(button?.text);
      if (text !== undefined) return buttonReply(asText(button?.payload), text);
      break;
    }
  }
  return unsupported(type, message);
}

function readMedia(type: string, media: JsonObject | undefined): Content | undefined {
  // The media id, not a URL: the file is fetched later through the Graph API with the token.
  const mediaId = asText(media?.id);
  if (!media || !mediaId) return undefined;
  const fileName = type === 'document' ? safeFileName(asText(media.filename)) : undefined;
  return {
    text: asText(media.caption) ?? '',
    attachments: [
      {
        url: mediaId,
        contentType:
          asText(media.mime_type) ?? DEFAULT_MEDIA_TYPE[type] ?? 'application/octet-stream',
        ...(fileName ? { fileName } : {}),
      },
    ],
    metadata: media.voice === true ? { voice: true } : {},
  };
}

const buttonReply = (payload: string | undefined, text: string): Content => ({
  text,
  attachments: [],
  metadata: { button: { payload: payload ?? null, text } },
});

/**
 * Kept as an empty message rather than dropped, so the agent sees the customer wrote something
 * WhatsApp could not pass on (a poll, an edit, a view-once photo…) and can ask again.
 */
function unsupported(type: string, message: JsonObject): Content {
  const error = asObjects(message.errors)[0];
  const title = asText(error?.title) || asText(error?.message);
  // Newer webhooks name what the customer actually sent in `unsupported.type`.
  const detail = asText(asObject(message.unsupported)?.type);
  return {
    text: '',
    attachments: [],
    metadata: { unsupported: { type: detail ?? type, ...(title ? { title } : {}) } },
  };
}

/** What the message answers (`context.id`) and whether it was forwarded. */
function contextOf(message: JsonObject): JsonObject {
  const context = asObject(message.context);
  if (!context) return {};
  const replyTo = asText(context.id);
  return {
    ...(replyTo ? { replyToProviderId: replyTo } : {}),
    ...(context.forwarded === true ? { forwarded: true } : {}),
    ...(context.frequently_forwarded === true ? { frequentlyForwarded: true } : {}),
  };
}
