import type { Database, Executor, UserRole } from '@switchboard/db';
import type { JobName, JobPayload, RealtimeEvent } from '@switchboard/queue';

export interface UserActor {
  type: 'user';
  id: string;
  role: UserRole;
  name: string;
}
export type Actor = UserActor | { type: 'system' } | { type: 'webhook' };

/** What the domain asks the outside world to do once its transaction has committed. */
export interface Ports {
  enqueue<K extends JobName>(name: K, payload: JobPayload<K>): Promise<void>;
  /** Runs a job now even if it already ran, failed or waits out a backoff. */
  revive<K extends JobName>(name: K, payload: JobPayload<K>): Promise<void>;
  publish(events: RealtimeEvent[]): Promise<void>;
}

export interface DomainDeps {
  db: Database;
  ports: Ports;
  secretKey: string;
  publicUrl: string;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

export interface Ctx {
  db: Executor;
  workspaceId: string;
  actor: Actor;
  deps: DomainDeps;
  afterCommit: {
    jobs: Array<{ [K in JobName]: { name: K; payload: JobPayload<K> } }[JobName]>;
    events: RealtimeEvent[];
  };
}

export const isStaff = (actor: Actor) =>
  actor.type === 'user' && (actor.role === 'supervisor' || actor.role === 'admin');

export function requireUser(actor: Actor): UserActor {
  if (actor.type !== 'user') throw new Error('This operation needs a signed-in user.');
  return actor;
}
