import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { MetaApiError, metaErrors } from './meta/errors';
import { isGraphPath } from './meta/routes';
import { TwilioApiError, twilioErrorBody } from './twilio/errors';

/** An error on the sandbox's own routes, answered in Switchboard's one error shape. */
export class SandboxRequestError extends Error {
  override name = 'SandboxRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sandboxError(reply: FastifyReply, request: FastifyRequest, error: SandboxRequestError) {
  return reply
    .status(error.status)
    .send({ error: { code: error.code, message: error.message, requestId: request.id } });
}

const isTwilioPath = (request: FastifyRequest) =>
  request.url.startsWith('/2010-04-01/') ||
  /^\/v1\/Content(AndApprovals)?([/?]|$)/.test(request.url);

/** Graph calls and Meta's media download URLs answer Graph's error body. */
const isMetaPath = (request: FastifyRequest) =>
  isGraphPath(request.url) || request.url.startsWith('/meta-media/');

function asMetaError(error: unknown): MetaApiError {
  if (error instanceof MetaApiError) return error;
  const status = (error as FastifyError).statusCode;
  // Graph answers unreadable requests with 100 / Invalid parameter and its own failures with code 1.
  return status && status < 500
    ? metaErrors.invalidParameter((error as Error).message)
    : new MetaApiError(500, 1, 'An unknown error occurred', { type: 'OAuthException' });
}

function asTwilioError(error: unknown): TwilioApiError {
  if (error instanceof TwilioApiError) return error;
  const status = (error as FastifyError).statusCode;
  // Twilio answers malformed requests with 400 and unexpected failures with 500 / 20500.
  return status && status < 500
    ? new TwilioApiError(400, 20001, (error as Error).message)
    : new TwilioApiError(500, 20500, 'An internal server error has occurred');
}

function asSandboxError(error: unknown): SandboxRequestError {
  if (error instanceof SandboxRequestError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.');
    return new SandboxRequestError(
      400,
      'invalid_input',
      field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input'),
    );
  }
  const status = (error as FastifyError).statusCode;
  if (status && status < 500) {
    return new SandboxRequestError(status, 'bad_request', (error as Error).message);
  }
  return new SandboxRequestError(500, 'internal', 'Internal sandbox error');
}

/**
 * Each provider's routes answer that provider's error body (Graph's for Meta, Twilio's for
 * Twilio); the sandbox's own routes answer Switchboard's.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (isMetaPath(request)) {
      const metaError = asMetaError(error);
      if (metaError.status >= 500) request.log.error({ err: error }, 'meta route failed');
      if (metaError.status === 401)
        reply.header('www-authenticate', 'OAuth "Facebook Platform" "invalid_token"');
      return reply.status(metaError.status).send(metaError.toBody());
    }
    if (isTwilioPath(request)) {
      const twilioError = asTwilioError(error);
      if (twilioError.status >= 500) request.log.error({ err: error }, 'twilio route failed');
      if (twilioError.status === 401) reply.header('www-authenticate', 'Basic realm="Twilio API"');
      if (twilioError.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(twilioError.retryAfterSeconds));
      }
      return reply.status(twilioError.status).send(twilioError.toBody());
    }
    const sandboxFailure = asSandboxError(error);
    if (sandboxFailure.status >= 500) request.log.error({ err: error }, 'sandbox route failed');
    return sandboxError(reply, request, sandboxFailure);
  });

  app.setNotFoundHandler((request, reply) => {
    if (isMetaPath(request)) {
      const path = request.url.split('?')[0] ?? request.url;
      const id = path.split('/').filter(Boolean).slice(1).join('/');
      const error = /^\d+$/.test(id.split('/')[0] ?? '')
        ? metaErrors.unsupportedRequest(request.method, id.split('/')[0]!)
        : metaErrors.unknownPath(id);
      return reply.status(error.status).send(error.toBody());
    }
    if (isTwilioPath(request)) {
      const path = request.url.split('?')[0] ?? request.url;
      return reply
        .status(404)
        .send(twilioErrorBody(404, 20404, `The requested resource ${path} was not found`));
    }
    return sandboxError(
      reply,
      request,
      new SandboxRequestError(404, 'not_found', `No route ${request.method} ${request.url}`),
    );
  });
}
