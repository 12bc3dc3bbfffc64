import type { MetaNumber } from '../options';
import { MetaApiError, metaErrors } from './errors';
import type { MessageMedia, MetaMessage, MetaStore } from './store';
import { renderTemplate } from './templates';

export const MESSAGE_TYPES = [
  'audio',
  'contacts',
  'document',
  'image',
  'interactive',
  'location',
  'reaction',
  'sticker',
  'template',
  'text',
  'video',
] as const;

const MEDIA_TYPES = new Set(['audio', 'document', 'image', 'sticker', 'video']);
const CAPTIONED_TYPES = new Set(['document', 'image', 'video']);
const INTERACTIVE_TYPES = new Set([
  'button',
  'list',
  'cta_url',
  'flow',
  'location_request_message',
  'product',
  'product_list',
  'catalog_message',
]);
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;

/** The parts of a message decided by the request; the caller adds ids, status and times. */
export type SendDraft = Pick<
  MetaMessage,
  'type' | 'text' | 'media' | 'location' | 'template' | 'reaction' | 'buttons' | 'contextId'
> & { customer: string; input: string };

type Json = Record<string, unknown>;

/** A value as Graph quotes it back in an error message. */
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Graph also takes form-encoded calls, where nested objects arrive as JSON strings
 * (`text={"body":"hi"}`); read them back so both spellings validate the same.
 */
function objectParam(value: unknown): unknown {
  if (typeof value !== 'string' || !value.trim().startsWith('{')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function requiredObject(body: Json, name: string): Json {
  const value = objectParam(body[name]);
  if (value === undefined || value === null) throw metaErrors.requiredParameter(name);
  if (!isObject(value)) throw metaErrors.invalidParameter(`Param ${name} must be a JSON object.`);
  return value;
}

function optionalString(object: Json, name: string, path: string, max?: number): string | null {
  const value = object[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw metaErrors.invalidParameter(`Param ${path}['${name}'] must be a string.`);
  }
  if (max !== undefined && value.length > max) {
    throw metaErrors.invalidParameter(
      `Param ${path}['${name}'] must be at most ${max} characters long.`,
    );
  }
  return value;
}

function requiredString(object: Json, name: string, path: string, max?: number): string {
  const value = optionalString(object, name, path, max);
  if (value === null || value.trim() === '') {
    throw metaErrors.requiredParameter(`${path}['${name}']`);
  }
  return value;
}

/** Meta accepts `+16505551234`, `16505551234` and common punctuation; wa_id is the digits. */
function recipient(body: Json): { input: string; customer: string } {
  const to = body.to;
  if (to === undefined || to === null || to === '') throw metaErrors.requiredParameter('to');
  if (typeof to !== 'string' && typeof to !== 'number') {
    throw metaErrors.invalidParameter('Param to must be a string.');
  }
  const input = String(to);
  const digits = input.replace(/[\s()+.-]/g, '');
  if (!/^[1-9]\d{6,14}$/.test(digits)) {
    throw metaErrors.invalidParameter(
      `Param to must be a valid WhatsApp phone number, got "${input}".`,
    );
  }
  return { input, customer: `+${digits}` };
}

function mediaOf(type: string, payload: Json, number: MetaNumber, meta: MetaStore): MessageMedia {
  const id = optionalString(payload, 'id', type);
  const link = optionalString(payload, 'link', type);
  if ((id === null) === (link === null)) {
    throw metaErrors.invalidParameter(`Param ${type} must contain exactly one of 'id' or 'link'.`);
  }
  const media = id === null ? undefined : meta.getMedia(id);
  if (id !== null) {
    const owner = media && meta.number(media.phoneNumberId);
    if (owner?.wabaId !== number.wabaId) {
      throw metaErrors.invalidParameter(
        `Param ${type}['id'] is not a valid whatsapp business account media attachment ID`,
      );
    }
  }
  if (link !== null && !(URL.canParse(link) && /^https?:$/.test(new URL(link).protocol))) {
    throw metaErrors.invalidParameter(`Param ${type}['link'] must be a valid http(s) URL.`);
  }
  return {
    id,
    link,
    mimeType: media?.mimeType ?? null,
    caption: CAPTIONED_TYPES.has(type)
      ? optionalString(payload, 'caption', type, MAX_CAPTION_LENGTH)
      : null,
    filename: type === 'document' ? optionalString(payload, 'filename', type) : null,
  };
}

function coordinate(payload: Json, name: 'latitude' | 'longitude'): number {
  const raw = payload[name];
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (raw === undefined || raw === null || raw === '') {
    throw metaErrors.requiredParameter(`location['${name}']`);
  }
  const limit = name === 'latitude' ? 90 : 180;
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
    throw metaErrors.invalidParameter(`Param location['${name}'] must be a valid coordinate.`);
  }
  return value;
}

function contactNames(body: Json): string {
  const contacts = objectParam(body.contacts);
  if (!Array.isArray(contacts) || contacts.length === 0) {
    throw metaErrors.requiredParameter('contacts');
  }
  return contacts
    .map((contact, index) => {
      const name = isObject(contact) && isObject(contact.name) ? contact.name : undefined;
      if (!name || typeof name.formatted_name !== 'string' || name.formatted_name === '') {
        throw metaErrors.requiredParameter(`contacts[${index}]['name']['formatted_name']`);
      }
      return `👤 ${name.formatted_name}`;
    })
    .join('\n');
}

function interactiveOf(payload: Json): { text: string | null; buttons: string[] } {
  const kind = requiredString(payload, 'type', 'interactive');
  if (!INTERACTIVE_TYPES.has(kind)) {
    throw metaErrors.invalidParameter(
      `Param interactive['type'] must be one of {${[...INTERACTIVE_TYPES].join(', ').toUpperCase()}} - got "${kind}".`,
    );
  }
  const action = objectParam(payload.action);
  if (!isObject(action)) throw metaErrors.requiredParameter("interactive['action']");
  const bodyObject = objectParam(payload.body);
  const text = isObject(bodyObject) && typeof bodyObject.text === 'string' ? bodyObject.text : null;
  if (text === null && ['button', 'list', 'cta_url'].includes(kind)) {
    throw metaErrors.requiredParameter("interactive['body']['text']");
  }
  const buttons = Array.isArray(action.buttons)
    ? (action.buttons as unknown[]).flatMap((button) => {
        const reply = isObject(button) && isObject(button.reply) ? button.reply : undefined;
        return typeof reply?.title === 'string' ? [reply.title] : [];
      })
    : [];
  if (kind === 'list' && typeof action.button === 'string') buttons.push(action.button);
  if (kind === 'cta_url' && isObject(action.parameters)) {
    const label = action.parameters.display_text;
    if (typeof label === 'string') buttons.push(label);
  }
  return { text, buttons };
}

function templateOf(payload: Json, number: MetaNumber, meta: MetaStore) {
  const name = requiredString(payload, 'name', 'template');
  const language = objectParam(payload.language);
  if (!isObject(language)) throw metaErrors.requiredParameter("template['language']");
  const code = requiredString(language, 'code', "template['language']");
  // Only approved templates can be sent; Meta reports pending or unknown ones alike.
  const template = meta
    .templatesOf(number.wabaId)
    .find(
      (candidate) =>
        candidate.name === name && candidate.language === code && candidate.status === 'APPROVED',
    );
  if (!template) throw metaErrors.templateNotFound(name, code);
  return {
    text: renderTemplate(template, objectParam(payload.components)),
    template: { name, language: code, category: template.category },
  };
}

/**
 * Validates a send request the way the Cloud API does (same checks, same error codes) and
 * returns what the message will show. Throws MetaApiError for anything Meta would refuse.
 */
export function readSendRequest(raw: unknown, number: MetaNumber, meta: MetaStore): SendDraft {
  if (!isObject(raw)) throw metaErrors.requiredParameter('messaging_product');
  const body = raw;
  const product = body.messaging_product;
  if (product === undefined || product === null || product === '') {
    throw metaErrors.requiredParameter('messaging_product');
  }
  if (product !== 'whatsapp') {
    throw new MetaApiError(
      400,
      100,
      `(#100) Param messaging_product must be one of {WHATSAPP} - got "${shown(product)}".`,
    );
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    throw metaErrors.invalidParameter(
      `Param recipient_type must be "individual", got "${shown(body.recipient_type)}".`,
    );
  }
  const { input, customer } = recipient(body);
  // Meta sends text when the type is left out.
  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(type)) {
    throw new MetaApiError(
      400,
      100,
      `(#100) Param type must be one of {${MESSAGE_TYPES.join(', ').toUpperCase()}} - got "${shown(type)}".`,
    );
  }
  const context = objectParam(body.context);
  const contextId = isObject(context) ? optionalString(context, 'message_id', 'context') : null;
  const draft: SendDraft = {
    customer,
    input,
    type,
    text: null,
    media: null,
    location: null,
    template: null,
    reaction: null,
    buttons: [],
    contextId,
  };
  const payload = type === 'contacts' ? {} : requiredObject(body, type);

  if (type === 'text') {
    draft.text = requiredString(payload, 'body', 'text', MAX_TEXT_LENGTH);
  } else if (MEDIA_TYPES.has(type)) {
    draft.media = mediaOf(type, payload, number, meta);
    draft.text = draft.media.caption;
  } else if (type === 'location') {
    draft.location = {
      latitude: coordinate(payload, 'latitude'),
      longitude: coordinate(payload, 'longitude'),
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      ...(typeof payload.address === 'string' ? { address: payload.address } : {}),
    };
  } else if (type === 'contacts') {
    draft.text = contactNames(body);
  } else if (type === 'interactive') {
    Object.assign(draft, interactiveOf(payload));
  } else if (type === 'reaction') {
    const messageId = requiredString(payload, 'message_id', 'reaction');
    // An empty emoji takes a reaction back, so only its type is checked.
    const emoji = optionalString(payload, 'emoji', 'reaction') ?? '';
    draft.reaction = { messageId, emoji };
  } else {
    Object.assign(draft, templateOf(payload, number, meta));
  }
  return draft;
}
