import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../deps';
import { sendError } from '../plugins/errors';

/**
 * `GET /widget.js`: the chat widget customers' websites embed with a script tag. Any site may
 * load it; it is cached briefly so a new build reaches every site within minutes. Read per
 * request, so a rebuild needs no restart.
 */
export const widgetScriptRoute: FastifyPluginAsync<{ deps: ApiDeps }> = async (app, { deps }) => {
  const folder = deps.config.WIDGET_DIST;
  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    const script = folder ? await readFile(join(folder, 'widget.js')).catch(() => null) : null;
    if (!script)
      return sendError(reply, request, 404, 'not_found', 'The chat widget is not built.');
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(script);
  });
};
