import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TwilioApiError, twilioErrorMessage } from './twilio/errors';

const faultSchema = z.object({
  status: z.number().int().min(400).max(599),
  code: z.number().int().positive(),
  message: z.string().min(1).optional(),
  count: z.number().int().min(1).default(1),
  retryAfterSeconds: z.number().int().min(0).optional(),
});

type Fault = z.output<typeof faultSchema>;

/** Failures a test arms, each used `count` times in order; shared by both providers' stand-ins. */
export class ArmedFaults<F extends { count: number }> {
  private readonly faults: F[] = [];

  add(fault: F): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults.length = 0;
  }

  pending(): F[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** The next armed fault, if any; consumes one use of it. */
  takeNext(): F | undefined {
    const fault = this.faults[0];
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count === 0) this.faults.shift();
    return fault;
  }
}

/** Failures a test asks for: the next create-Message calls answer them instead of succeeding. */
export class FaultQueue {
  private readonly faults = new ArmedFaults<Fault>();
  private lostResponses = 0;

  /** The next `count` creates succeed, but the connection drops before the answer is sent. */
  loseResponses(count: number): void {
    this.lostResponses += count;
  }

  takeLostResponse(): boolean {
    if (this.lostResponses === 0) return false;
    this.lostResponses -= 1;
    return true;
  }

  add(fault: Fault): void {
    this.faults.add(fault);
  }

  clear(): void {
    this.faults.clear();
    this.lostResponses = 0;
  }

  pending(): Fault[] {
    return this.faults.pending();
  }

  /** The error the next call must answer, if a fault is armed; consumes one use of it. */
  take(): TwilioApiError | undefined {
    const fault = this.faults.takeNext();
    if (!fault) return undefined;
    return new TwilioApiError(
      fault.status,
      fault.code,
      fault.message ?? twilioErrorMessage(fault.code),
      fault.retryAfterSeconds,
    );
  }
}

export function registerFaultRoutes(app: FastifyInstance, faults: FaultQueue): void {
  app.post('/sandbox/faults', (request, reply) => {
    faults.add(faultSchema.parse(request.body));
    return reply.status(201).send({ pending: faults.pending() });
  });

  // A send whose outcome the caller cannot know: Twilio took it, the answer never arrived.
  app.post('/sandbox/faults/lost-response', (request, reply) => {
    const { count } = z
      .object({ count: z.number().int().min(1).default(1) })
      .parse(request.body ?? {});
    faults.loseResponses(count);
    return reply.status(201).send({ lostResponses: count });
  });

  app.get('/sandbox/faults', () => ({ pending: faults.pending() }));

  app.delete('/sandbox/faults', (_request, reply) => {
    faults.clear();
    return reply.status(204).send();
  });
}
