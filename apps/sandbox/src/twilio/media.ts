import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { authenticate } from './auth';
import { twilioErrors } from './errors';

interface StoredMedia {
  accountSid: string;
  contentType: string;
  data: Buffer;
}

/** The customer's phone page loads media from its own copy, without Twilio credentials. */
export const phoneMediaPath = (mediaSid: string) => `/sandbox/twilio/media/${mediaSid}`;

/** The media SID at the end of a Twilio media URL, when it is one the sandbox serves. */
export const mediaSidOf = (url: string) => /\/Media\/(ME[0-9a-f]{32})$/.exec(url)?.[1];

const TWILIO_ORIGIN = 'https://api.twilio.com';

/** Files customers attach to texts, served the way Twilio serves MMS media: behind Basic auth. */
export class MediaStore {
  private readonly files = new Map<string, StoredMedia>();

  /** Keeps a file and returns its media SID. */
  keep(accountSid: string, file: { contentType: string; data: Buffer }): string {
    const mediaSid = `ME${randomBytes(16).toString('hex')}`;
    this.files.set(mediaSid, { accountSid, ...file });
    return mediaSid;
  }

  /** Keeps a file and returns the media URL Twilio would put in MediaUrlN. */
  add(accountSid: string, messageSid: string, file: { contentType: string; data: Buffer }): string {
    const mediaSid = this.keep(accountSid, file);
    // Twilio's own host, as in a real MediaUrlN: clients reach it through their TWILIO_API_BASE
    // whatever address the customer's page happened to use.
    return `${TWILIO_ORIGIN}/2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media/${mediaSid}`;
  }

  get(mediaSid: string): StoredMedia | undefined {
    return this.files.get(mediaSid);
  }
}

export function registerMediaRoutes(
  app: FastifyInstance,
  context: SandboxContext,
  media: MediaStore,
): void {
  app.get<{ Params: { AccountSid: string; MessageSid: string; MediaSid: string } }>(
    '/2010-04-01/Accounts/:AccountSid/Messages/:MessageSid/Media/:MediaSid',
    async (request, reply) => {
      authenticate(context.store, request, request.params.AccountSid);
      const file = media.get(request.params.MediaSid);
      if (!file || file.accountSid !== request.params.AccountSid)
        throw twilioErrors.notFound(request.url);
      return reply.type(file.contentType).send(file.data);
    },
  );

  app.get<{ Params: { MediaSid: string } }>('/sandbox/twilio/media/:MediaSid', (request, reply) => {
    const file = media.get(request.params.MediaSid);
    if (!file) throw new SandboxRequestError(404, 'not_found', 'No such media');
    return reply
      .type(file.contentType)
      .header('cache-control', 'private, max-age=3600')
      .send(file.data);
  });
}
