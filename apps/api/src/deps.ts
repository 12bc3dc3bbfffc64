import type { ProcessDeps } from '@switchboard/domain';
import type { Redis } from 'ioredis';

/** Everything the api process shares across requests. */
export interface ApiDeps extends ProcessDeps {
  /** A second connection: a subscribed Redis client can run nothing else. */
  subscriber: Redis;
}
