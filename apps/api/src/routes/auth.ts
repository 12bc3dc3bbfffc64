import rateLimit from '@fastify/rate-limit';
import {
  DomainError,
  login,
  logout,
  principalFromSession,
  SESSION_DAYS,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginLockout } from '../auth/login-lockout';
import type { ApiDeps } from '../deps';
import { requirePrincipal, SESSION_COOKIE } from '../plugins/auth';
import { errorBody, errorResponses } from './schemas';

const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['agent', 'supervisor', 'admin']),
    presence: z.enum(['online', 'away', 'offline']),
    presenceAuto: z.boolean().describe('Away was set automatically (no live connection)'),
    locale: z.string().nullable(),
    workspace: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'User' });

export const authRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  await app.register(rateLimit, { global: false });
  const secure = deps.config.PUBLIC_URL.startsWith('https://');
  const lockout = loginLockout(deps.redis, deps.config.QUEUE_PREFIX);

  app.post(
    '/login',
    {
      // Slows password guessing from one address without troubling a team behind one NAT.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.object({
          email: z.string().trim().min(3).max(320),
          password: z.string().min(1).max(1024),
        }),
        response: { 200: z.object({ user: userSchema }), 429: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      await lockout.assertOpen(email);
      const session = await login({ db: deps.database.db, input: request.body }).catch(
        async (error: unknown) => {
          if (error instanceof DomainError && error.code === 'invalid_credentials')
            await lockout.failed(email);
          throw error;
        },
      );
      await lockout.succeeded(email);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: SESSION_DAYS * 24 * 3600,
      });
      request.principal = await principalFromSession(deps.database.db, session.token);
      return { user: present(requirePrincipal(request)) };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'End the session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout({ db: deps.database.db, token });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request) => ({ user: present(requirePrincipal(request)) }),
  );
};

function present(principal: ReturnType<typeof requirePrincipal>) {
  return {
    id: principal.id,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    presence: principal.presence,
    presenceAuto: principal.presenceAuto,
    locale: principal.locale,
    workspace: { id: principal.workspaceId, name: principal.workspaceName },
  };
}
