import type { ChannelEnvironment } from '@switchboard/channels';
import type { Config } from '@switchboard/config';
import { createDb, type DbHandle } from '@switchboard/db';
import { createEnqueuer, createPorts, createRedis, type Enqueuer } from '@switchboard/queue';
import type { Redis } from 'ioredis';
import type { DomainDeps } from './context';

/** What every api and worker process holds: Postgres, Redis, the queues and the domain's ports. */
export interface ProcessDeps {
  config: Config;
  database: DbHandle;
  redis: Redis;
  enqueuer: Enqueuer;
  domain: DomainDeps;
  /** Where provider calls go: the real APIs, or the sandbox in the demo and tests. */
  channelEnv: ChannelEnvironment;
}

export function createProcessDeps(config: Config, name: string): ProcessDeps {
  const database = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX });
  const redis = createRedis(config.REDIS_URL, name);
  const enqueuer = createEnqueuer({
    connection: redis,
    prefix: config.QUEUE_PREFIX,
    outboundBackoffMs: config.OUTBOUND_BACKOFF_MS,
  });
  return {
    config,
    database,
    redis,
    enqueuer,
    channelEnv: { twilioApiBase: config.TWILIO_API_BASE, metaGraphBase: config.META_GRAPH_BASE },
    domain: {
      db: database.db,
      secretKey: config.SECRET_KEY,
      publicUrl: config.PUBLIC_URL,
      ports: createPorts(enqueuer, redis, config.QUEUE_PREFIX),
      log: (message, detail) => console.warn(`[%s] %s %j`, name, message, detail ?? {}),
    },
  };
}

export async function closeProcessDeps(deps: ProcessDeps): Promise<void> {
  await deps.enqueuer.close();
  deps.redis.disconnect();
  await deps.database.close();
}
