import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { loadWebchatInbox } from '@switchboard/domain';
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

  // The hosted chat page: where the link in an email or SMS follow-up leads when the visitor's
  // own page is not known. The widget opens there with the visitor's token from the fragment.
  app.get<{ Params: { inboxId: string } }>(
    '/chat/:inboxId',
    { schema: { hide: true } },
    async (request, reply) => {
      const inbox = await loadWebchatInbox(deps.database.db, request.params.inboxId);
      if (!inbox) return sendError(reply, request, 404, 'not_found', 'Web chat not found.');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(chatPage(inbox.name, inbox.id));
    },
  );
};

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function chatPage(name: string, inboxId: string): string {
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(name)}</title>
<style>body { margin: 0; min-height: 100vh; background: #f1f3f5; font-family: system-ui, sans-serif; }
h1 { font-size: 20px; font-weight: 600; color: #343a40; padding: 24px; margin: 0; }</style>
</head>
<body>
<h1>${escape(name)}</h1>
<script src="/widget.js" data-inbox="${escape(inboxId)}" data-open="true" async></script>
</body>
</html>`;
}
