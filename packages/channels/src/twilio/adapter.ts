import twilio from 'twilio';
import { ChannelError } from '../errors';
import type {
  ChannelAdapter,
  DeliveryStatus,
  EventPayload,
  InboundEvent,
  InboxConnection,
  OutboundMessage,
  RawRequest,
  VerifyResult,
} from '../types';
import { downloadMedia } from '../media';
import { twilioClient, twilioResourceUrl } from './client';
import { listTwilioTemplates } from './content-templates';
import { explainTwilioError } from './errors';

export function verifyTwilioSignature(
  request: RawRequest,
  connection: InboxConnection,
): VerifyResult {
  const signature = request.headers['x-twilio-signature'];
  if (!signature) return { ok: false, reason: 'missing X-Twilio-Signature' };
  const authToken = connection.credentials.authToken;
  if (!authToken) return { ok: false, reason: 'inbox has no auth token' };
  // validateRequest compares in constant time and accounts for query strings and ports.
  return twilio.validateRequest(authToken, signature, request.url, request.fields)
    ? { ok: true }
    : { ok: false, reason: 'bad X-Twilio-Signature' };
}

/** The two Twilio webhooks share field names; the endpoint says which one it is. */
export function normalizeTwilioMessage(fields: Record<string, string>): InboundEvent[] {
  const sid = fields.MessageSid ?? fields.SmsMessageSid ?? fields.SmsSid;
  const from = fields.From;
  if (!sid || !from) return [];
  const whatsapp = from.startsWith('whatsapp:');
  const mediaCount = Math.min(Number.parseInt(fields.NumMedia ?? '0', 10) || 0, 10);
  const attachments = Array.from({ length: mediaCount }, (_, index) => ({
    url: fields[`MediaUrl${index}`] ?? '',
    contentType: fields[`MediaContentType${index}`] ?? 'application/octet-stream',
  })).filter((attachment) => attachment.url !== '');
  const location =
    fields.Latitude && fields.Longitude
      ? {
          latitude: Number(fields.Latitude),
          longitude: Number(fields.Longitude),
          label: fields.Label ?? fields.Address ?? null,
        }
      : null;
  const body = fields.Body ?? '';
  return [
    {
      type: 'message',
      providerMessageId: sid,
      from: {
        kind: whatsapp ? 'whatsapp' : 'phone',
        address: from.replace(/^whatsapp:/, ''),
        ...(fields.ProfileName ? { displayName: fields.ProfileName } : {}),
      },
      to: (fields.To ?? '').replace(/^whatsapp:/, ''),
      // A shared location arrives without a body; show where it points rather than nothing.
      text:
        body ||
        (location
          ? `📍 ${[location.label, `${location.latitude}, ${location.longitude}`].filter(Boolean).join(' · ')}`
          : ''),
      attachments,
      metadata: {
        ...(fields.FromCountry ? { country: fields.FromCountry } : {}),
        ...(fields.NumSegments ? { segments: Number(fields.NumSegments) } : {}),
        ...(fields.WaId ? { waId: fields.WaId } : {}),
        ...(location ? { location } : {}),
        // Quick-reply buttons of a template: the payload says which one was pressed.
        ...(fields.ButtonPayload
          ? { button: { payload: fields.ButtonPayload, text: fields.ButtonText ?? null } }
          : {}),
        ...(fields.OriginalRepliedMessageSid
          ? { replyToProviderId: fields.OriginalRepliedMessageSid }
          : {}),
      },
    },
  ];
}

const statusMap: Record<string, DeliveryStatus | undefined> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
};

export function normalizeTwilioStatus(fields: Record<string, string>): InboundEvent[] {
  const sid = fields.MessageSid ?? fields.SmsSid;
  const name = fields.MessageStatus ?? fields.SmsStatus ?? '';
  // Own keys only: a status called "constructor" must not read Object's.
  const status = Object.hasOwn(statusMap, name) ? statusMap[name] : undefined;
  // queued / accepted / sending say nothing new: the row is already queued or sent.
  if (!sid || !status) return [];
  const errorCode = fields.ErrorCode || undefined;
  return [
    {
      type: 'status',
      providerMessageId: sid,
      status,
      ...(errorCode
        ? { errorCode, errorMessage: explainTwilioError(errorCode, fields.ErrorMessage) }
        : {}),
    },
  ];
}

/** Stored Twilio payloads are the webhook's form fields, all strings. */
function formFields(payload: EventPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * What a reply becomes on the Messages API: an approved template is sent by its Content SID
 * with numbered variables instead of a body; files go by their public URL, the text as caption.
 */
function messageContent(message: OutboundMessage) {
  if (message.template?.externalId) {
    const variables = Object.fromEntries(
      message.template.parameters.map((value, index) => [String(index + 1), value]),
    );
    return { contentSid: message.template.externalId, contentVariables: JSON.stringify(variables) };
  }
  return {
    ...(message.text ? { body: message.text } : {}),
    ...(message.media?.length ? { mediaUrl: message.media.map((file) => file.url) } : {}),
  };
}

function connectionClient(connection: InboxConnection, apiBase: string) {
  const { accountSid, authToken } = connection.credentials;
  if (!accountSid || !authToken) {
    throw new ChannelError('The inbox has no Twilio credentials.', {
      retryable: false,
      code: 'credentials',
    });
  }
  return twilioClient(accountSid, authToken, apiBase);
}

/**
 * Twilio carries SMS and WhatsApp on the same Messages API; WhatsApp addresses are the same
 * E.164 numbers behind a `whatsapp:` prefix. One adapter serves both.
 */
function createTwilioAdapter(kind: 'sms_twilio' | 'whatsapp_twilio') {
  const prefix = kind === 'whatsapp_twilio' ? 'whatsapp:' : '';
  return {
    kind,
    verify: verifyTwilioSignature,
    normalize: (payload, kind) =>
      kind === 'status'
        ? normalizeTwilioStatus(formFields(payload))
        : normalizeTwilioMessage(formFields(payload)),
    async send(message, connection, env) {
      const client = connectionClient(connection, env.twilioApiBase);
      try {
        const created = await client.messages.create({
          to: prefix + message.to,
          from: prefix + connection.address,
          ...messageContent(message),
          statusCallback: message.statusCallbackUrl,
        });
        return { providerMessageId: created.sid };
      } catch (error) {
        throw toChannelError(error);
      }
    },
    async findSent(message, connection, env, since) {
      const { accountSid, authToken } = connection.credentials;
      if (!accountSid || !authToken) return null;
      const client = twilioClient(accountSid, authToken, env.twilioApiBase);
      try {
        // Newest first; a lost send is among the last few to this customer from this number.
        const recent = await client.messages.list({
          to: prefix + message.to,
          from: prefix + connection.address,
          limit: 50,
        });
        const match = recent.find(
          (candidate) =>
            candidate.body === message.text &&
            candidate.dateCreated.getTime() >= since.getTime() - 60_000,
        );
        return match ? { providerMessageId: match.sid } : null;
      } catch (error) {
        throw toChannelError(error);
      }
    },
    async fetchMedia(url, connection, env, maxBytes) {
      const target = twilioResourceUrl(url, env.twilioApiBase);
      if (!target) {
        throw new ChannelError('The file is not hosted by Twilio.', {
          retryable: false,
          code: 'untrusted_media_host',
        });
      }
      const { accountSid = '', authToken = '' } = connection.credentials;
      // Twilio answers with a redirect to short-lived storage; fetch drops the credentials there.
      const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
      return downloadMedia(target, { headers: { authorization } }, maxBytes);
    },
    // Templates (Content API) only matter on WhatsApp, where free text needs an open window.
    ...(kind === 'whatsapp_twilio'
      ? {
          async listTemplates(connection, env) {
            const client = connectionClient(connection, env.twilioApiBase);
            try {
              return await listTwilioTemplates(client);
            } catch (error) {
              throw toChannelError(error);
            }
          },
        }
      : {}),
  } satisfies ChannelAdapter;
}

export const twilioSmsAdapter = createTwilioAdapter('sms_twilio');
export const twilioWhatsAppAdapter = createTwilioAdapter('whatsapp_twilio');

interface TwilioRestError {
  status?: number;
  code?: number;
  message?: string;
}

/** Failures where the request never reached Twilio, so sending again cannot duplicate it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function toChannelError(error: unknown): ChannelError {
  const rest = error as TwilioRestError & { code?: number | string };
  if (typeof rest.status !== 'number') {
    const networkCode = typeof rest.code === 'string' ? rest.code : '';
    if (NOT_SENT.has(networkCode)) {
      return new ChannelError(`Could not reach Twilio (${networkCode}).`, {
        retryable: true,
        code: 'network',
      });
    }
    // Reset or timed out after the request left: Twilio may have taken it. The worker checks
    // Twilio before trying again rather than risk sending the customer the same text twice.
    return new ChannelError(
      `The connection to Twilio broke before it answered (${networkCode || rest.message || 'unknown'}).`,
      {
        retryable: true,
        code: 'unknown_outcome',
      },
    );
  }
  const code = rest.code !== undefined ? String(rest.code) : String(rest.status);
  const retryable = rest.status === 429 || rest.status >= 500;
  return new ChannelError(explainTwilioError(code, rest.message), {
    retryable,
    code,
    httpStatus: rest.status,
  });
}
