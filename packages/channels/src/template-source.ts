import { adapters } from './registry';
import type { InboxKindName } from './kinds';
import type { ChannelEnvironment, InboxConnection, ProviderTemplate } from './types';

/** How to list an inbox kind's templates, or undefined for kinds that have none. */
export function templateSource(
  kind: InboxKindName,
  env: ChannelEnvironment,
): ((connection: InboxConnection) => Promise<ProviderTemplate[]>) | undefined {
  const adapter = adapters[kind];
  const list = adapter?.listTemplates?.bind(adapter);
  return list ? (connection) => list(connection, env) : undefined;
}
