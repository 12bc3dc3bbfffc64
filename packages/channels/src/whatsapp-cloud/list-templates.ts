import type { ChannelEnvironment, InboxConnection, ProviderTemplate } from '../types';
import { cloudCredentials, misconfigured } from './credentials';
import { graphRequest, graphUrl } from './graph-api';
import { countPlaceholders } from './placeholders';
import { asObject, asObjects, asText, type JsonObject } from './read-json';

const FIELDS = 'name,language,status,category,components,id';
/** A bound on pages, so a cursor that never ends cannot keep the worker busy. */
const MAX_PAGES = 50;

/**
 * The WhatsApp Business account's message templates. Pages are followed by their `after`
 * cursor on META_GRAPH_BASE rather than by Meta's `paging.next` URL, so the token never
 * leaves the configured host.
 */
export async function listCloudTemplates(
  connection: InboxConnection,
  env: ChannelEnvironment,
): Promise<ProviderTemplate[]> {
  const { accessToken } = cloudCredentials(connection);
  const wabaId = connection.credentials.wabaId;
  if (!wabaId) throw misconfigured('The inbox has no WhatsApp Business account id.');
  const templates: ProviderTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = { fields: FIELDS, limit: '100', ...(after ? { after } : {}) };
    const answer = asObject(
      await graphRequest(graphUrl(env, [wabaId, 'message_templates'], query), {
        method: 'GET',
        accessToken,
      }),
    );
    templates.push(...asObjects(answer?.data).flatMap(toProviderTemplate));
    const paging = asObject(answer?.paging);
    const cursor = asText(asObject(paging?.cursors)?.after);
    // The last page still carries cursors; only `next` says there is another page.
    if (!asText(paging?.next) || !cursor || cursor === after) break;
    after = cursor;
  }
  return templates;
}

function toProviderTemplate(template: JsonObject): ProviderTemplate[] {
  const name = asText(template.name);
  const id = asText(template.id);
  if (!name || !id) return [];
  const body =
    asText(asObjects(template.components).find((part) => part.type === 'BODY')?.text) ?? '';
  return [
    {
      name,
      language: asText(template.language) ?? '',
      category: asText(template.category) ?? '',
      status: asText(template.status) ?? '',
      body,
      parameterCount: countPlaceholders(body),
      externalId: id,
    },
  ];
}
