import {
  invalidVisitorToken,
  loadWebchatInbox,
  runOperation,
  verifyVisitorToken,
  type Ctx,
  type WebchatSite,
} from '@switchboard/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../../deps';
import { sendError } from '../../plugins/errors';

export interface VisitorAccess {
  /** Runs a domain operation in the inbox's workspace, as the system: visitors are no users. */
  asInbox: <T>(inbox: WebchatSite, operation: (ctx: Ctx) => Promise<T>) => Promise<T>;
  /** The visitor behind `Authorization: Bearer <visitor token>`, and their inbox. */
  visitorOf: (request: FastifyRequest) => Promise<{ inbox: WebchatSite; visitorId: string }>;
  /** The web chat inbox of the URL, or null with a 404 sent. */
  inboxOr404: (
    inboxId: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<WebchatSite | null>;
}

export function visitorAccess(deps: ApiDeps): VisitorAccess {
  return {
    asInbox: (inbox, operation) =>
      runOperation(
        deps.domain,
        { workspaceId: inbox.workspaceId, actor: { type: 'system' } },
        operation,
      ),
    async visitorOf(request) {
      const raw = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const token = raw ? verifyVisitorToken(deps.config.SECRET_KEY, raw) : null;
      const inbox = token ? await loadWebchatInbox(deps.database.db, token.inboxId) : null;
      if (!token || !inbox) throw invalidVisitorToken();
      return { inbox, visitorId: token.visitorId };
    },
    async inboxOr404(inboxId, request, reply) {
      const inbox = await loadWebchatInbox(deps.database.db, inboxId);
      if (!inbox) await sendError(reply, request, 404, 'not_found', 'Web chat not found.');
      return inbox;
    },
  };
}

export const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
// Visitors authenticate with their token, never a cookie; OpenAPI shows these as open.
export const visitorDocs = { tags: ['webchat'], security: [] };
