import { DomainError } from '@switchboard/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const statusByKind: Record<DomainError['kind'], number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  too_many: 429,
};

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
) {
  return reply.status(status).send({ error: { code, message, requestId: request.id } });
}

/** One error shape for every failure: { error: { code, message, requestId } }. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return sendError(reply, request, statusByKind[error.kind], error.code, error.message);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const where = issue?.instancePath
        ? `${issue.instancePath.slice(1).replaceAll('/', '.')}: `
        : '';
      return sendError(
        reply,
        request,
        400,
        'invalid_request',
        `${where}${issue?.message ?? 'Invalid request.'}`,
      );
    }
    if ((error as { code?: string }).code === '23505') {
      return sendError(
        reply,
        request,
        409,
        'conflict',
        'That conflicts with a change made at the same time; reload and try again.',
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code =
        error.statusCode === 429
          ? 'rate_limited'
          : error.statusCode === 413
            ? 'payload_too_large'
            : 'bad_request';
      return sendError(reply, request, error.statusCode, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      reply,
      request,
      500,
      'internal',
      'Something went wrong on our side. Try again.',
    );
  });
});
