import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { MAX_MEDIA_BYTES } from '../outbound-http';
import { accessTokenOf, authenticateForNumber, authenticateToken } from './auth';
import { MetaApiError, metaErrors } from './errors';
import { mediaProblem, storeMediaBytes } from './media-files';
import { GRAPH_VERSION } from './routes';
import type { MetaMedia } from './store';

const originOf = (request: FastifyRequest) =>
  `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;

const safeFilename = (media: MetaMedia) => (media.filename ?? media.id).replace(/[^\w.\- ]/g, '_');

/** Multipart bodies arrive as raw bytes; the platform's own parser reads the parts. */
async function readMultipart(request: FastifyRequest): Promise<FormData> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data') || !Buffer.isBuffer(request.body)) {
    throw metaErrors.requiredParameter('file');
  }
  try {
    return await new Response(request.body, {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw metaErrors.invalidParameter('The multipart body could not be read.');
  }
}

/**
 * A token reads media of its own WhatsApp Business Account only; anything else looks like a
 * missing object, as on Graph.
 */
function mediaFor(context: SandboxContext, request: FastifyRequest, mediaId: string): MetaMedia {
  const owner = authenticateToken(context.meta.store, request);
  const media = context.meta.store.getMedia(mediaId);
  const mediaNumber = media && context.meta.store.number(media.phoneNumberId);
  const { phone_number_id: phoneNumberId } = request.query as { phone_number_id?: string };
  if (
    !media ||
    mediaNumber?.wabaId !== owner.wabaId ||
    (phoneNumberId !== undefined && phoneNumberId !== media.phoneNumberId)
  ) {
    throw metaErrors.unsupportedRequest(request.method, mediaId);
  }
  return media;
}

/** Upload, look up, delete and download media, as the Cloud API's media endpoints do. */
export function registerMetaMediaApi(app: FastifyInstance, context: SandboxContext): void {
  const { meta } = context;

  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: MAX_MEDIA_BYTES + 64 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post<{ Params: { version: string; phoneNumberId: string } }>(
    `${GRAPH_VERSION}/:phoneNumberId/media`,
    { bodyLimit: MAX_MEDIA_BYTES + 64 * 1024 },
    async (request) => {
      const number = authenticateForNumber(meta.store, request, request.params.phoneNumberId);
      const form = await readMultipart(request);
      const product = form.get('messaging_product');
      if (product === null) throw metaErrors.requiredParameter('messaging_product');
      if (product !== 'whatsapp') {
        throw new MetaApiError(
          400,
          100,
          `(#100) Param messaging_product must be one of {WHATSAPP} - got "${typeof product === 'string' ? product : 'a file'}".`,
        );
      }
      const file = form.get('file');
      if (!(file instanceof File)) throw metaErrors.requiredParameter('file');
      const declared = form.get('type');
      const mimeType = (typeof declared === 'string' && declared !== '' ? declared : file.type)
        .split(';')[0]!
        .trim();
      const data = Buffer.from(await file.arrayBuffer());
      const problem = mediaProblem(mimeType, data.length);
      if (problem)
        throw new MetaApiError(400, 131053, '(#131053) Media upload error', { details: problem });
      const media = storeMediaBytes(meta.store, number.phoneNumberId, {
        mimeType,
        data,
        filename: file.name || null,
      });
      return { id: media.id };
    },
  );

  app.get<{ Params: { version: string; mediaId: string } }>(
    `${GRAPH_VERSION}/:mediaId`,
    (request) => {
      const media = mediaFor(context, request, request.params.mediaId);
      return {
        messaging_product: 'whatsapp',
        url: meta.mediaLinks.issue(originOf(request), media.id),
        mime_type: media.mimeType,
        sha256: media.sha256,
        // Meta's OpenAPI description types file_size as a string.
        file_size: String(media.data.length),
        id: media.id,
      };
    },
  );

  app.delete<{ Params: { version: string; mediaId: string } }>(
    `${GRAPH_VERSION}/:mediaId`,
    (request) => {
      const media = mediaFor(context, request, request.params.mediaId);
      meta.store.deleteMedia(media.id);
      return { success: true };
    },
  );

  // The download URL works only with the business's token, and only until it expires.
  app.get<{ Params: { mediaId: string }; Querystring: { expires?: string; sig?: string } }>(
    '/meta-media/:mediaId',
    async (request, reply) => {
      // Unlike Graph calls, the download host answers 401 to a missing token too.
      const token = accessTokenOf(request);
      const owner = token ? meta.store.numberForToken(token) : undefined;
      if (!owner) throw metaErrors.invalidToken();
      const { mediaId } = request.params;
      const check = meta.mediaLinks.check(mediaId, request.query.expires, request.query.sig);
      if (check === 'expired') throw new MetaApiError(403, 10, 'URL signature expired');
      if (check === 'invalid') throw new MetaApiError(403, 10, 'URL signature mismatch');
      const media = meta.store.getMedia(mediaId);
      if (!media || meta.store.number(media.phoneNumberId)?.wabaId !== owner.wabaId) {
        throw metaErrors.unsupportedRequest('GET', mediaId);
      }
      return reply
        .type(media.mimeType)
        .header('content-length', String(media.data.length))
        .header('content-disposition', `attachment; filename="${safeFilename(media)}"`)
        .send(media.data);
    },
  );

  // The customer's phone holds its copy of every file in the chat; the page loads it from here.
  app.get<{ Params: { mediaId: string } }>('/sandbox/meta/media/:mediaId', (request, reply) => {
    const media = meta.store.getMedia(request.params.mediaId);
    if (!media) throw new SandboxRequestError(404, 'not_found', 'No such media');
    return reply
      .type(media.mimeType)
      .header('cache-control', 'private, max-age=3600')
      .send(media.data);
  });
}
