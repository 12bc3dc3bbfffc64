import { Redis } from 'ioredis';

/** BullMQ needs maxRetriesPerRequest null on connections used by workers. */
export function createRedis(url: string, name: string): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    enableReadyCheck: true,
  });
  client.on('error', () => {
    // ioredis reconnects by itself; errors surface to callers on the commands that fail.
  });
  return client;
}
