import { runOperation, type Ctx } from '@switchboard/domain';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../deps';
import { requirePrincipal } from './auth';

/** Runs one domain operation as the signed-in user, scoped to their workspace. */
export function asUser<T>(
  deps: ApiDeps,
  request: FastifyRequest,
  operation: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const principal = requirePrincipal(request);
  return runOperation(
    deps.domain,
    {
      workspaceId: principal.workspaceId,
      actor: { type: 'user', id: principal.id, role: principal.role, name: principal.name },
    },
    operation,
  );
}
