import cookie from '@fastify/cookie';
import {
  Forbidden,
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
  const publicOrigin = new URL(deps.config.PUBLIC_URL).origin;
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // Web chat visitor tokens (`v1.…`, dotted) are checked by the web chat's own routes.
    if (bearer && !bearer.includes('.')) {
      request.principal = await principalFromApiToken(deps.database.db, bearer);
      return;
    }
    const session = request.cookies[SESSION_COOKIE];
    if (!session) return;
    // A browser sends the cookie with any site's request: a write must come from our own pages.
    if (!SAFE_METHODS.has(request.method) && crossSite(request, publicOrigin))
      throw Forbidden(
        'This request came from another website. Open Switchboard itself to make changes.',
        'cross_site_request',
      );
    request.principal = await principalFromSession(deps.database.db, session);
  });
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a cookie-carrying request came from another site (CSRF). Browsers state where a request
 * comes from in `Origin` (and `Sec-Fetch-Site`); our pages are served from the api's own host
 * (or PUBLIC_URL behind a proxy). Clients that are not browsers send neither and are not at risk.
 */
function crossSite(request: FastifyRequest, publicOrigin: string): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === publicOrigin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw Unauthorized();
  return request.principal;
}
