import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * The sandbox's notion of "now". Tests move it forward to see what happens later (media URLs
 * that expire, conversation windows that close) without waiting; the demo never touches it.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }

  get offset(): number {
    return this.offsetMs;
  }
}

const advanceSchema = z.object({
  seconds: z
    .number()
    .min(0)
    .max(366 * 24 * 3600),
});

export function registerClockRoutes(app: FastifyInstance, clock: SandboxClock): void {
  const describe = () => ({ now: clock.now().toISOString(), offsetSeconds: clock.offset / 1000 });

  app.get('/sandbox/clock', describe);

  app.post('/sandbox/clock/advance', (request) => {
    clock.advance(advanceSchema.parse(request.body).seconds * 1000);
    return describe();
  });

  app.delete('/sandbox/clock', (_request, reply) => {
    clock.reset();
    return reply.status(204).send();
  });
}
