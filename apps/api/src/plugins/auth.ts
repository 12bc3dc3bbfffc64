import cookie from '@fastify/cookie';
import {
  principalFromApiToken,
  principalFromSession,
  type Principal,
  Unauthorized,
} from '@switchboard/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiDeps } from '../deps';

export const SESSION_COOKIE = 'sb_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Resolves the session cookie or a Bearer API token to a principal on every request. */
export const authPlugin = fp(async (app: FastifyInstance, { deps }: { deps: ApiDeps }) => {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // Web chat visitor tokens (`v1.…`, dotted) are checked by the web chat's own routes.
    if (bearer && !bearer.includes('.')) {
      request.principal = await principalFromApiToken(deps.database.db, bearer);
      return;
    }
    const session = request.cookies[SESSION_COOKIE];
    if (session) request.principal = await principalFromSession(deps.database.db, session);
  });
});

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw Unauthorized();
  return request.principal;
}
