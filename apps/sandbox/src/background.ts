import type { FastifyBaseLogger } from 'fastify';

/**
 * Work that outlives a request (status callbacks, webhooks). Closing the sandbox cancels
 * pending delays and in-flight posts, so tests that close it leave no timers behind.
 */
export class Background {
  private readonly controller = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly log: FastifyBaseLogger) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get closed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Resolves true after `ms`, or false at once when the sandbox closes meanwhile. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      this.timers.add(timer);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  run(name: string, task: () => Promise<void>): void {
    const promise = task()
      .catch((error: unknown) => {
        if (!this.closed) this.log.error({ err: error }, `${name} failed`);
      })
      .finally(() => this.tasks.delete(promise));
    this.tasks.add(promise);
  }

  async close(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled([...this.tasks]);
  }
}
