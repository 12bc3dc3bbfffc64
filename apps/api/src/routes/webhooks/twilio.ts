import { adapterFor } from '@switchboard/channels';
import { loadInboxConnection } from '@switchboard/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../../deps';
import { acceptInboundEvent } from '../../inbound/accept-event';
import { sendError } from '../../plugins/errors';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const TWILIO_KINDS = new Set(['sms_twilio', 'whatsapp_twilio']);

interface FormBody {
  raw: Buffer;
  fields: Record<string, string>;
}

/**
 * Twilio's inbound message and status-callback webhooks. The provider gets its 200 only once
 * the event is stored in Postgres; processing happens in the worker.
 */
const storable = (text: string) => text.replace(/\0/g, '\uFFFD');

export async function twilioWebhookRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }) {
  // Keep the raw bytes next to the parsed fields: signatures are checked against what was sent.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: 256 * 1024 },
    (_request, body, done) => {
      const raw = body as Buffer;
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) fields[key] = value;
      done(null, { raw, fields } satisfies FormBody);
    },
  );

  const handle =
    (eventKind: 'message' | 'status') =>
    async (request: FastifyRequest<{ Params: { inboxId: string } }>, reply: FastifyReply) => {
      const body = request.body as FormBody | undefined;
      if (!body?.fields)
        return sendError(
          reply,
          request,
          415,
          'unsupported_media_type',
          'Twilio webhooks are form-encoded.',
        );
      const inbox = await loadInboxConnection(
        deps.database.db,
        request.params.inboxId,
        deps.config.SECRET_KEY,
      );
      if (!inbox || !TWILIO_KINDS.has(inbox.kind))
        return sendError(reply, request, 404, 'not_found', 'Inbox not found.');

      const adapter = adapterFor(inbox.kind);
      const verdict = adapter.verify(
        {
          body: body.raw,
          fields: body.fields,
          headers: request.headers as Record<string, string | undefined>,
          url: deps.config.PUBLIC_URL + request.url,
        },
        inbox,
      );
      if (!verdict.ok) {
        request.log.warn(
          { inboxId: inbox.id, reason: verdict.reason },
          'rejected unsigned Twilio webhook',
        );
        return sendError(
          reply,
          request,
          403,
          'invalid_signature',
          'The request signature is missing or wrong.',
        );
      }

      const sid = body.fields.MessageSid ?? body.fields.SmsSid;
      if (!sid) return sendError(reply, request, 400, 'invalid_request', 'MessageSid is missing.');
      const status = body.fields.MessageStatus ?? body.fields.SmsStatus ?? '';
      await acceptInboundEvent(
        deps,
        {
          workspaceId: inbox.workspaceId,
          inboxId: inbox.id,
          kind: eventKind,
          // A status callback is one event per (message, status): retries collapse, progress does not.
          providerEventId: eventKind === 'status' ? `${sid}:${status}` : sid,
          // Signed, so never refused for its content: NUL (which Postgres cannot store) is
          // replaced, as bytes that are not UTF-8 already are by the form parser.
          payload: Object.fromEntries(
            Object.entries(body.fields).map(([key, value]) => [storable(key), storable(value)]),
          ),
        },
        (detail, message) => request.log.warn(detail, message),
      );
      return reply.status(200).type('text/xml').send(EMPTY_TWIML);
    };

  app.post('/:inboxId', { schema: { hide: true } }, handle('message'));
  app.post('/:inboxId/status', { schema: { hide: true } }, handle('status'));
}
