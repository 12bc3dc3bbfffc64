import type { Config } from '@switchboard/config';
import { closeProcessDeps, createProcessDeps } from '@switchboard/domain';
import { createRedis } from '@switchboard/queue';
import type { ApiDeps } from './deps';

export function createApiDeps(config: Config): ApiDeps {
  return {
    ...createProcessDeps(config, 'api'),
    subscriber: createRedis(config.REDIS_URL, 'api-subscriber'),
  };
}

export async function closeApiDeps(deps: ApiDeps): Promise<void> {
  deps.subscriber.disconnect();
  await closeProcessDeps(deps);
}
