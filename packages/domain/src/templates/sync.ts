import type { ProviderTemplate } from '@switchboard/channels';
import type { DomainDeps } from '../context';
import { Conflict, NotFound } from '../errors';
import { loadInboxConnection, type InboxConnectionRecord } from '../inboxes/load';
import { replaceInboxTemplates } from './replace';

export type TemplateSource = (inbox: InboxConnectionRecord) => Promise<ProviderTemplate[]>;

/**
 * Refreshes an inbox's templates from its provider. The provider call is passed in (the
 * channel adapter), so the domain stays free of provider code.
 */
export async function syncInboxTemplates(
  deps: Pick<DomainDeps, 'db' | 'secretKey'>,
  inboxId: string,
  source: (kind: InboxConnectionRecord['kind']) => TemplateSource | undefined,
  options: { workspaceId?: string } = {},
): Promise<number> {
  const inbox = await loadInboxConnection(deps.db, inboxId, deps.secretKey);
  if (!inbox || (options.workspaceId && inbox.workspaceId !== options.workspaceId))
    throw NotFound('Inbox');
  const list = source(inbox.kind);
  if (!list) throw Conflict('no_templates', 'This inbox has no message templates.');
  return replaceInboxTemplates(deps.db, inbox, await list(inbox));
}
