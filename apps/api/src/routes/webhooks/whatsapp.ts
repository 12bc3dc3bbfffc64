import { adapterFor, splitCloudWebhook, verifySubscription } from '@switchboard/channels';
import { cloudInboxesOfApp, loadInboxConnection } from '@switchboard/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../../deps';
import { acceptInboundEvent } from '../../inbound/accept-event';
import { sendError } from '../../plugins/errors';
import { storableProviderText } from '../../plugins/json-body';

interface JsonBody {
  raw: Buffer;
  json: unknown;
}
type InboxRequest = FastifyRequest<{ Params: { inboxId: string } }>;

/**
 * Meta's WhatsApp Cloud API webhooks. The signature covers the raw bytes, so they are kept;
 * each message and status is stored as its own event before Meta gets its 200.
 */
export async function whatsappWebhookRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }) {
  // Replaces the api's JSON parser here: the raw bytes must survive parsing.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_request, body, done) => {
      const raw = body as Buffer;
      let json: unknown = null;
      try {
        json = JSON.parse(storableProviderText(raw));
      } catch {
        // Left null: the signature check comes first and decides what the sender hears.
      }
      done(null, { raw, json } satisfies JsonBody);
    },
  );

  const cloudInbox = async (request: InboxRequest) => {
    const inbox = await loadInboxConnection(
      deps.database.db,
      request.params.inboxId,
      deps.config.SECRET_KEY,
    );
    return inbox?.kind === 'whatsapp_cloud' ? inbox : null;
  };

  // Subscription handshake: Meta proves it knows the verify token, we echo its challenge.
  app.get('/:inboxId', { schema: { hide: true } }, async (request: InboxRequest, reply) => {
    const inbox = await cloudInbox(request);
    // A repeated parameter arrives as an array: only single values take part in the handshake.
    const query = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    const verdict = inbox ? verifySubscription(query, inbox) : { ok: false as const };
    if (!verdict.ok)
      return sendError(
        reply,
        request,
        403,
        'invalid_verify_token',
        'The verify token is missing or wrong.',
      );
    return reply.status(200).type('text/plain').send(verdict.challenge);
  });

  app.post(
    '/:inboxId',
    { schema: { hide: true } },
    async (request: InboxRequest, reply: FastifyReply) => {
      const body = request.body as JsonBody | undefined;
      if (!body?.raw)
        return sendError(reply, request, 415, 'unsupported_media_type', 'Meta webhooks are JSON.');
      const inbox = await cloudInbox(request);
      if (!inbox) return sendError(reply, request, 404, 'not_found', 'Inbox not found.');
      const verdict = adapterFor('whatsapp_cloud').verify(
        {
          body: body.raw,
          fields: {},
          headers: request.headers as Record<string, string | undefined>,
          url: deps.config.PUBLIC_URL + request.url,
        },
        inbox,
      );
      if (!verdict.ok) {
        request.log.warn(
          { inboxId: inbox.id, reason: verdict.reason },
          'rejected unsigned Meta webhook',
        );
        return sendError(
          reply,
          request,
          401,
          'invalid_signature',
          'The X-Hub-Signature-256 header is missing or wrong.',
        );
      }
      if (body.json === null)
        return sendError(reply, request, 400, 'invalid_json', 'The body is not JSON.');
      const numbers = await cloudInboxesOfApp(deps.database.db, inbox, deps.config.SECRET_KEY);
      for (const event of splitCloudWebhook(body.json)) {
        // Meta posts every number of an app to one callback URL: file each event under the
        // inbox of the number it names, and skip numbers this workspace does not serve.
        const metadata = event.payload.metadata as { phone_number_id?: unknown } | undefined;
        const numberId = metadata?.phone_number_id;
        const target = typeof numberId === 'string' ? numbers.get(numberId) : inbox.id;
        if (!target) {
          request.log.warn({ inboxId: inbox.id }, 'Meta event for a number with no inbox; skipped');
          continue;
        }
        await acceptInboundEvent(
          deps,
          {
            workspaceId: inbox.workspaceId,
            inboxId: target,
            kind: event.kind,
            providerEventId: event.providerEventId,
            payload: event.payload,
          },
          (detail, message) => request.log.warn(detail, message),
        );
      }
      return reply.status(200).send({ received: true });
    },
  );
}
