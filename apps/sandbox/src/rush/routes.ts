import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { rushCustomerNumber, rushNames, rushTexts } from './customers';
import { rushPage } from './page';

const rushSchema = z.object({
  /** How many new customers write. */
  count: z.number().int().min(1).max(200).default(10),
  /** Over how long their first messages are spread, so the inbox fills like a busy morning. */
  spreadMs: z.number().int().min(0).max(120_000).default(10_000),
});

interface Business {
  kind: 'twilio' | 'meta';
  address: string;
}

/**
 * A busy day on demand: many new customers write to the business numbers the sandbox knows,
 * each through the same endpoint the customer pages use, so every message takes the real path.
 */
export function registerRush(app: FastifyInstance, context: SandboxContext): void {
  app.post('/sandbox/rush', async (request, reply) => {
    const input = rushSchema.parse(request.body ?? {});
    const businesses: Business[] = [
      ...context.store.listNumbers().map((number) => ({
        kind: 'twilio' as const,
        address: number.number,
      })),
      ...context.meta.store.listNumbers().map((number) => ({
        kind: 'meta' as const,
        address: number.displayPhoneNumber,
      })),
    ];
    if (businesses.length === 0) {
      throw new SandboxRequestError(404, 'not_found', 'No business numbers are registered');
    }
    const gapMs = input.count > 1 ? input.spreadMs / (input.count - 1) : 0;
    const plan = Array.from({ length: input.count }, (_, index) => ({
      business: businesses[index % businesses.length]!,
      customer: rushCustomerNumber(index),
      name: rushNames[index % rushNames.length]!,
      text: rushTexts[Math.floor(Math.random() * rushTexts.length)]!,
    }));
    context.background.run('rush', async () => {
      for (const [index, entry] of plan.entries()) {
        if (index > 0 && !(await context.background.sleep(gapMs))) return;
        const response = await app.inject({
          method: 'POST',
          url: entry.business.kind === 'twilio' ? '/sandbox/twilio/sms' : '/sandbox/meta/messages',
          payload:
            entry.business.kind === 'twilio'
              ? {
                  from: entry.customer,
                  to: entry.business.address,
                  body: entry.text,
                  ...(entry.business.address.startsWith('whatsapp:')
                    ? { profileName: entry.name }
                    : {}),
                }
              : {
                  from: entry.customer,
                  to: entry.business.address,
                  type: 'text',
                  text: entry.text,
                  profileName: entry.name,
                },
        });
        if (response.statusCode >= 300) {
          context.log.warn({ status: response.statusCode }, 'a rush message was not delivered');
        }
      }
    });
    return reply.status(202).send({
      scheduled: plan.map((entry) => ({ from: entry.customer, to: entry.business.address })),
    });
  });

  app.get('/rush', (_request, reply) => reply.type('text/html; charset=utf-8').send(rushPage));
}
