import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ArmedFaults } from '../faults';
import { MetaApiError, metaErrorTitle } from './errors';

const metaFaultSchema = z.object({
  httpStatus: z.number().int().min(400).max(599),
  code: z.number().int().positive(),
  message: z.string().min(1).optional(),
  details: z.string().min(1).optional(),
  count: z.number().int().min(1).default(1),
});

type MetaFault = z.output<typeof metaFaultSchema>;

/** Meta errors a test arms: the next send calls answer them instead of sending (429 / 130429…). */
export class MetaFaultQueue {
  private readonly faults = new ArmedFaults<MetaFault>();

  add(fault: MetaFault): void {
    this.faults.add(fault);
  }

  clear(): void {
    this.faults.clear();
  }

  pending(): MetaFault[] {
    return this.faults.pending();
  }

  take(): MetaApiError | undefined {
    const fault = this.faults.takeNext();
    if (!fault) return undefined;
    return new MetaApiError(
      fault.httpStatus,
      fault.code,
      fault.message ?? metaErrorTitle(fault.code),
      {
        details: fault.details ?? metaErrorTitle(fault.code).replace(/^\(#\d+\) /, ''),
      },
    );
  }
}

export function registerMetaFaultRoutes(app: FastifyInstance, faults: MetaFaultQueue): void {
  app.post('/sandbox/meta/faults', (request, reply) => {
    faults.add(metaFaultSchema.parse(request.body));
    return reply.status(201).send({ pending: faults.pending() });
  });

  app.get('/sandbox/meta/faults', () => ({ pending: faults.pending() }));

  app.delete('/sandbox/meta/faults', (_request, reply) => {
    faults.clear();
    return reply.status(204).send();
  });
}
