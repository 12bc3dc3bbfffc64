import type { FastifyBaseLogger } from 'fastify';
import type { Background } from './background';
import type { SandboxClock } from './clock';
import type { CustomerWindows } from './customer-windows';
import type { FaultQueue } from './faults';
import type { DeliveryTarget } from './mail/delivery';
import type { SandboxMailServer } from './mail/mail-server';
import type { MailStore } from './mail/mailbox';
import type { MetaFaultQueue } from './meta/faults';
import type { MediaLinks } from './meta/media-links';
import type { MetaStore } from './meta/store';
import type { SandboxStore } from './store';
import type { ContentStore } from './twilio/content-store';
import type { MediaStore } from './twilio/media';

/** The Meta stand-in's share of one sandbox instance. */
export interface MetaContext {
  store: MetaStore;
  faults: MetaFaultQueue;
  mediaLinks: MediaLinks;
  /** Messages whose status webhooks are still being posted, so a read waits its turn. */
  delivering: Set<string>;
}

/** The customers' mail world: their mailboxes, their mail server, and where they write to. */
export interface MailContext {
  store: MailStore;
  server: SandboxMailServer;
  /** Switchboard's SMTP listener for forwarded mail, where customers' mail is delivered. */
  deliverTo: DeliveryTarget;
  supportAddress: string | null;
}

/** What every route of one sandbox instance shares. */
export interface SandboxContext {
  store: SandboxStore;
  media: MediaStore;
  faults: FaultQueue;
  content: ContentStore;
  /** Twilio messages whose status callbacks are still being posted, so a read waits its turn. */
  twilioDelivering: Set<string>;
  meta: MetaContext;
  mail: MailContext;
  windows: CustomerWindows;
  clock: SandboxClock;
  background: Background;
  statusDelayMs: number;
  log: FastifyBaseLogger;
}
