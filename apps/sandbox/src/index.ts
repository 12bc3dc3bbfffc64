import formbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { Background } from './background';
import { registerClockRoutes, SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { CustomerWindows } from './customer-windows';
import { FaultQueue, registerFaultRoutes } from './faults';
import { registerErrorHandling } from './http-errors';
import { loggerOptions } from './logging';
import { registerMailCustomerRoutes } from './mail/customer-routes';
import { receiveFromSwitchboard } from './mail/incoming';
import { SandboxMailServer } from './mail/mail-server';
import { MailStore } from './mail/mailbox';
import { registerMailboxRoutes } from './mail/mailbox-routes';
import { registerMailPage } from './mail/page';
import { registerMetaCustomerMessages } from './meta/customer-messages';
import { MetaFaultQueue, registerMetaFaultRoutes } from './meta/faults';
import { registerMetaMediaApi } from './meta/media-api';
import { MediaLinks } from './meta/media-links';
import { registerMetaMessagesApi } from './meta/messages-api';
import { registerMetaSandboxRoutes } from './meta/sandbox-routes';
import { MetaStore } from './meta/store';
import { registerMetaTemplatesApi } from './meta/templates-api';
import { registerWebhookVerification } from './meta/webhook-verification';
import { resolveSandboxOptions, type SandboxOptions } from './options';
import { registerPhonePage } from './phone/page';
import { registerRush } from './rush/routes';
import { registerShopPage } from './shop/page';
import { SandboxStore } from './store';
import { registerContentApi } from './twilio/content-api';
import { ContentStore } from './twilio/content-store';
import { registerCustomerSms } from './twilio/customer-sms';
import { MediaStore, registerMediaRoutes } from './twilio/media';
import { registerMessagesApi } from './twilio/messages-api';
import { registerSandboxTwilioRoutes } from './twilio/sandbox-routes';
import { registerWhatsAppPage } from './whatsapp/page';

export { SandboxConfigError, sandboxOptionsSchema } from './options';
export type {
  MailOptions,
  MetaNumber,
  SandboxOptions,
  TwilioAccount,
  TwilioNumber,
} from './options';
export type { MessageResource } from './twilio/message-resource';
export type { TwilioErrorBody } from './twilio/errors';
export type { MetaErrorBody } from './meta/errors';

/** The phone pages poll these every second or so; logging each call would drown the rest. */
const pollingPaths = new Set([
  '/sandbox/twilio/thread',
  '/sandbox/twilio/numbers',
  '/sandbox/meta/thread',
  '/sandbox/meta/numbers',
  '/sandbox/mail/mailbox',
  '/sandbox/mail/settings',
  '/healthz',
]);

function isPolling(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && pollingPaths.has(path);
}

/** The sandbox's Fastify instance, which also runs the customers' SMTP server. */
export type SandboxApp = FastifyInstance & {
  /** The port of the SMTP server Switchboard sends mail to; known once the app is ready. */
  mailPort(): number;
};

/**
 * A local stand-in for Twilio's Messages and Content APIs and Meta's WhatsApp Cloud API, plus
 * a customer's phone (SMS and WhatsApp) and mail (an SMTP server and a mail page). Throws
 * SandboxConfigError on bad options; call `listen()` (or `ready()`) on the result to serve it,
 * which starts the SMTP server too, and `close()` to stop every timer and both servers.
 */
export function buildSandbox(options: SandboxOptions): SandboxApp {
  const resolved = resolveSandboxOptions(options);
  const app = Fastify({
    logger: loggerOptions(resolved.logger),
    logController: new LogController({ disableRequestLogging: isPolling }),
  });
  const clock = new SandboxClock();
  const context: SandboxContext = {
    store: new SandboxStore(resolved),
    media: new MediaStore(),
    faults: new FaultQueue(),
    content: new ContentStore(),
    twilioDelivering: new Set(),
    meta: {
      store: new MetaStore(resolved.meta.numbers),
      faults: new MetaFaultQueue(),
      mediaLinks: new MediaLinks(clock),
      delivering: new Set(),
    },
    mail: {
      store: new MailStore(),
      server: new SandboxMailServer(
        (raw, envelope) => receiveFromSwitchboard(context, raw, envelope),
        app.log,
      ),
      deliverTo: resolved.mail.deliverTo,
      supportAddress: resolved.mail.supportAddress ?? null,
    },
    windows: new CustomerWindows(clock),
    clock,
    background: new Background(app.log),
    statusDelayMs: resolved.statusDelayMs,
    log: app.log,
  };
  app.addHook('onClose', () => context.background.close());
  // Built in code without a port, any free one: parallel test files never collide.
  app.addHook('onReady', () => context.mail.server.listen(resolved.mail.smtpPort ?? 0));
  app.addHook('onClose', () => context.mail.server.close());

  void app.register(formbody);
  registerErrorHandling(app);
  app.get('/healthz', () => ({ ok: true }));

  registerMessagesApi(app, context);
  registerContentApi(app, context);
  registerCustomerSms(app, context);
  registerMediaRoutes(app, context, context.media);
  registerSandboxTwilioRoutes(app, context);
  registerFaultRoutes(app, context.faults);

  registerMetaMessagesApi(app, context);
  registerMetaMediaApi(app, context);
  registerMetaTemplatesApi(app, context);
  registerMetaCustomerMessages(app, context);
  registerMetaSandboxRoutes(app, context);
  registerMetaFaultRoutes(app, context.meta.faults);
  registerWebhookVerification(app, context);

  registerMailCustomerRoutes(app, context);
  registerMailboxRoutes(app, context);

  registerClockRoutes(app, clock);
  registerPhonePage(app);
  registerWhatsAppPage(app);
  registerMailPage(app);
  registerRush(app, context);
  registerShopPage(app, resolved.shop);
  return Object.assign(app, { mailPort: () => context.mail.server.port() });
}
