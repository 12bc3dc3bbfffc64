import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../deps';

export const healthRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  /** Ready only when both engines answer; load balancers stop sending traffic otherwise. */
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const withTimeout = <T>(work: Promise<T>) =>
      Promise.race([
        work,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
    const [postgres, redis] = await Promise.allSettled([
      withTimeout(deps.database.sql`select 1`),
      withTimeout(deps.redis.ping()),
    ]);
    const checks = {
      postgres: postgres.status === 'fulfilled',
      redis: redis.status === 'fulfilled',
    };
    return reply
      .status(checks.postgres && checks.redis ? 200 : 503)
      .send({ status: checks.postgres && checks.redis ? 'ready' : 'unavailable', checks });
  });
};
