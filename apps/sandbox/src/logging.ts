import type { FastifyServerOptions } from 'fastify';
import type { ResolvedSandboxOptions } from './options';

/** Graph accepts `?access_token=`; request logs must never carry it. */
export function redactTokens(url: string): string {
  return url.replace(/([?&]access_token=)[^&]*/gi, '$1[redacted]');
}

/** The Fastify logger, with request lines that show the method and a redacted URL only. */
export function loggerOptions(
  logger: ResolvedSandboxOptions['logger'],
): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  return {
    ...(typeof logger === 'object' ? logger : {}),
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        url: redactTokens(request.url),
      }),
    },
  };
}
