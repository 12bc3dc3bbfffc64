import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { authenticateForWaba } from './auth';
import { MetaApiError, metaErrors } from './errors';
import { GRAPH_VERSION } from './routes';
import type { MetaTemplate } from './templates';

type TemplateQuery = Partial<Record<string, string>>;

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;
/** What Graph answers without `fields`, per Meta's description of this call. */
const DEFAULT_FIELDS = ['name', 'components', 'language', 'status', 'category'];

/** Fields the sandbox can render for a template; Graph always adds `id`. */
const fieldValues: Record<string, (template: MetaTemplate) => unknown> = {
  name: (template) => template.name,
  language: (template) => template.language,
  status: (template) => template.status,
  category: (template) => template.category,
  components: (template) => template.components,
  parameter_format: () => 'POSITIONAL',
  quality_score: () => ({ score: 'UNKNOWN' }),
  rejected_reason: () => 'NONE',
};

/** Graph cursors are base64 with `=` written as `ZD` (`MAZDZD` is "0"). */
const cursorOf = (id: string) => Buffer.from(id).toString('base64').replace(/=/g, 'ZD');
const idOfCursor = (cursor: string) =>
  Buffer.from(cursor.replace(/ZD/g, '='), 'base64').toString('utf8');

function requestedFields(query: TemplateQuery): string[] {
  if (!query.fields) return DEFAULT_FIELDS;
  const fields = query.fields
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '' && field !== 'id');
  const unknown = fields.find((field) => !(field in fieldValues));
  if (unknown) {
    throw new MetaApiError(
      400,
      100,
      `(#100) Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessHSM)`,
    );
  }
  return fields;
}

function render(template: MetaTemplate, fields: string[]): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  for (const field of fields) rendered[field] = fieldValues[field]!(template);
  rendered.id = template.id;
  return rendered;
}

function matchesFilters(template: MetaTemplate, query: TemplateQuery): boolean {
  if (query.name && !template.name.includes(query.name)) return false;
  if (query.language && template.language !== query.language) return false;
  const statuses = query.status?.toUpperCase().split(',');
  if (statuses && !statuses.includes(template.status)) return false;
  const categories = query.category?.toUpperCase().split(',');
  if (categories && !categories.includes(template.category)) return false;
  return true;
}

function pageLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw metaErrors.invalidParameter('Param limit must be a positive integer.');
  }
  return Math.min(limit, MAX_LIMIT);
}

/** Where the page starts and ends in `list`, from the `after` / `before` cursors. */
function pageBounds(list: MetaTemplate[], query: TemplateQuery, limit: number) {
  const indexOfCursor = (cursor: string) => {
    const index = list.findIndex((template) => template.id === idOfCursor(cursor));
    if (index === -1) throw metaErrors.invalidParameter('The cursor is not valid for this list.');
    return index;
  };
  if (query.after) {
    const start = indexOfCursor(query.after) + 1;
    return { start, end: Math.min(start + limit, list.length) };
  }
  if (query.before) {
    const end = indexOfCursor(query.before);
    return { start: Math.max(0, end - limit), end };
  }
  return { start: 0, end: Math.min(limit, list.length) };
}

function pageUrl(request: FastifyRequest, query: TemplateQuery, cursor: Record<string, string>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // The token stays out of the URL: the app sends it in the Authorization header.
    if (value !== undefined && !['after', 'before', 'access_token'].includes(key)) {
      params.set(key, value);
    }
  }
  for (const [key, value] of Object.entries(cursor)) params.set(key, value);
  const path = request.url.split('?')[0] ?? '';
  return `${request.protocol}://${request.headers.host ?? '127.0.0.1'}${path}?${params.toString()}`;
}

/** `GET /{version}/{waba-id}/message_templates`: the account's templates with cursor paging. */
export function registerMetaTemplatesApi(app: FastifyInstance, context: SandboxContext): void {
  const { meta } = context;

  app.get<{ Params: { version: string; wabaId: string }; Querystring: TemplateQuery }>(
    `${GRAPH_VERSION}/:wabaId/message_templates`,
    (request) => {
      const { wabaId } = request.params;
      authenticateForWaba(meta.store, request, wabaId);
      const query = request.query;
      const fields = requestedFields(query);
      const limit = pageLimit(query.limit);
      const list = meta.store
        .templatesOf(wabaId)
        .filter((template) => matchesFilters(template, query));
      const { start, end } = pageBounds(list, query, limit);
      const page = list.slice(start, end);
      const first = page[0];
      const last = page.at(-1);
      if (!first || !last) return { data: [] };
      const limitParam = { limit: String(limit) };
      return {
        data: page.map((template) => render(template, fields)),
        paging: {
          cursors: { before: cursorOf(first.id), after: cursorOf(last.id) },
          ...(end < list.length
            ? { next: pageUrl(request, query, { ...limitParam, after: cursorOf(last.id) }) }
            : {}),
          ...(start > 0
            ? { previous: pageUrl(request, query, { ...limitParam, before: cursorOf(first.id) }) }
            : {}),
        },
      };
    },
  );
}
