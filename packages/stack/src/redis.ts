import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { dataDir } from './paths';

export interface ProvidedRedis {
  url: string;
  stop(): Promise<void>;
}

const LOCAL_URL = 'redis://127.0.0.1:6379';
const OWN_PORT = 6390;

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** REDIS_URL when given, else a Redis on localhost:6379, else a redis-server started from PATH. */
export async function provideRedis(redisUrl: string | undefined): Promise<ProvidedRedis> {
  if (redisUrl) return { url: redisUrl, stop: async () => {} };
  if (await redisAnswers(LOCAL_URL)) return { url: LOCAL_URL, stop: async () => {} };

  const ownUrl = `redis://127.0.0.1:${OWN_PORT}`;
  if (await redisAnswers(ownUrl)) return { url: ownUrl, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).error) {
    throw new RedisUnavailableError(
      'Redis is needed: set REDIS_URL, run one on localhost:6379, install redis-server (apt-get install redis-server / brew install redis), or use docker/compose.yml.',
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(OWN_PORT),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisAnswers(ownUrl)) {
      return {
        url: ownUrl,
        stop: () => {
          child.kill('SIGTERM');
          return Promise.resolve();
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not start on port ${OWN_PORT}.`);
}

/** Whether a Redis answers PING at `url` within half a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under `prefix`: one run's queues and hints on a shared Redis. */
export async function clearPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
