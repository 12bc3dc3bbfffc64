import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { mailboxItem } from './mailbox-json';
import { mailboxQuerySchema, mailSettingsSchema } from './requests';

/** Reading the customers' mail: what the page polls and what tests assert on. */
export function registerMailboxRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context.mail;

  app.get('/sandbox/mail/mailbox', (request) => {
    const { address } = mailboxQuerySchema.parse(request.query);
    return { items: store.list(address).map(mailboxItem) };
  });

  app.delete('/sandbox/mail/mailbox', (_request, reply) => {
    store.clear();
    return reply.status(204).send();
  });

  app.get<{ Params: { id: string } }>('/sandbox/mail/messages/:id/raw', (request, reply) => {
    const entry = store.byId(request.params.id);
    if (!entry) throw new SandboxRequestError(404, 'not_found', `No message ${request.params.id}`);
    return reply.type('message/rfc822').send(entry.mail.raw);
  });

  app.get('/sandbox/mail/settings', () => ({
    supportAddress: context.mail.supportAddress,
    smtpPort: context.mail.server.port(),
  }));

  // Where customer mail goes can change at runtime, like a registered number: a test learns
  // its Switchboard listener's port only after the sandbox is up.
  app.put('/sandbox/mail/settings', (request) => {
    const change = mailSettingsSchema.parse(request.body);
    if (change.deliverTo) context.mail.deliverTo = change.deliverTo;
    if (change.supportAddress !== undefined) context.mail.supportAddress = change.supportAddress;
    return {
      supportAddress: context.mail.supportAddress,
      smtpPort: context.mail.server.port(),
      deliverTo: context.mail.deliverTo,
    };
  });
}
