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

/**
 * Postgres data exceptions that only a value from the request can cause (a malformed uuid, a
 * NUL character, a number or date out of range): the request is wrong, not the server.
 */
const POSTGRES_BAD_VALUE = new Set([
  '22P02', // invalid_text_representation
  '22P05', // untranslatable_character
  '22021', // character_not_in_repertoire
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
]);

/** The SQLSTATE of a database error, also when drizzle wraps it (as `cause`). */
function postgresCode(error: unknown): string | undefined {
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  const state = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : cause?.code;
  return typeof state === 'string' ? state : undefined;
}

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
    const sqlState = postgresCode(error);
    if (sqlState === '23505') {
      return sendError(
        reply,
        request,
        409,
        'conflict',
        'That conflicts with a change made at the same time; reload and try again.',
      );
    }
    if (sqlState && POSTGRES_BAD_VALUE.has(sqlState)) {
      return sendError(
        reply,
        request,
        400,
        'invalid_request',
        'A value in the request cannot be stored (malformed id, NUL character or out of range).',
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
