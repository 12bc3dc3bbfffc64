import { ChannelError } from '../errors';
import { safeFileName } from '../file-name';
import type { ChannelAdapter, EventPayload, InboundAttachment, InboundEvent } from '../types';

/** A file the visitor uploaded, carried in the stored event so nothing needs downloading. */
export interface WebchatFilePayload {
  fileName: string;
  contentType: string;
  base64: string;
}

/**
 * What the public visitor API stores as an inbound event: the visitor's own id for the message
 * (a retry is one message), who wrote, the text and the team they picked, if any.
 */
export interface WebchatMessagePayload {
  clientMessageId: string;
  visitorId: string;
  /** The inbox address (site name), so the event reads like any channel's. */
  to: string;
  text: string;
  teamId?: string;
  /** When the visitor's browser sent it; ordering uses our arrival time. */
  sentAt?: string;
  /** The page the visitor wrote from: replies that follow them by email link back to it. */
  pageUrl?: string;
  /** Sent through the widget's offline-message form: nobody was online to answer. */
  offline?: boolean;
  file?: WebchatFilePayload;
}

const asString = (value: unknown) => (typeof value === 'string' ? value : '');

export function normalizeWebchat(payload: EventPayload): InboundEvent[] {
  const clientMessageId = asString(payload.clientMessageId);
  const visitorId = asString(payload.visitorId);
  if (!clientMessageId || !visitorId) return [];
  const teamId = asString(payload.teamId);
  const pageUrl = asString(payload.pageUrl);
  return [
    {
      type: 'message',
      providerMessageId: clientMessageId,
      from: { kind: 'web', address: visitorId },
      to: asString(payload.to),
      text: asString(payload.text),
      attachments: uploadedFile(payload.file),
      // The visitor id marks the visitor's own messages: they see a conversation from there on.
      metadata: {
        visitorId,
        ...(teamId ? { teamId } : {}),
        ...(pageUrl ? { pageUrl } : {}),
        ...(payload.offline === true ? { offline: true } : {}),
      },
    },
  ];
}

/** The uploaded file as an attachment with its bytes, stored with the message at once. */
function uploadedFile(file: unknown): InboundAttachment[] {
  if (!file || typeof file !== 'object') return [];
  const { fileName, contentType, base64 } = file as Record<string, unknown>;
  if (typeof base64 !== 'string' || typeof contentType !== 'string' || !contentType) return [];
  return [
    {
      // Nothing to fetch: the visitor API checked and carried the bytes.
      url: '',
      contentType,
      fileName: safeFileName(asString(fileName)) ?? 'file',
      data: Buffer.from(base64, 'base64'),
    },
  ];
}

/**
 * Web chat: the visitor's browser is our own client, so there is no provider. Messages come in
 * through the public visitor API; a reply is delivered by being stored, and the visitor reads it
 * over the same API after a realtime hint.
 */
export const webchatAdapter = {
  kind: 'webchat',
  // The visitor API checks the signed visitor token before anything is stored.
  verify: () => ({ ok: true }),
  // Only messages: there are no delivery callbacks from a browser.
  normalize: (payload, kind) => (kind === 'message' ? normalizeWebchat(payload) : []),
  send: async (message) => ({ providerMessageId: message.id, status: 'delivered' }),
  // Storing cannot half-happen: a repeated attempt finds the message already delivered.
  findSent: async (message) => ({ providerMessageId: message.id, status: 'delivered' }),
  fetchMedia: async () => {
    throw new ChannelError('Web chat files are uploaded to us; there is nothing to download.', {
      retryable: false,
      code: 'not_downloadable',
    });
  },
} satisfies ChannelAdapter;
