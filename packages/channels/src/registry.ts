import { ChannelError } from './errors';
import type { InboxKindName } from './kinds';
import type { ChannelAdapter } from './types';
import { emailAdapter } from './email/adapter';
import { twilioSmsAdapter, twilioWhatsAppAdapter } from './twilio/adapter';
import { whatsappCloudAdapter } from './whatsapp-cloud/adapter';
import { webchatAdapter } from './webchat/adapter';

/** Adapters by inbox kind. Kinds still being built are absent and refused at run time. */
export const adapters: Partial<Record<InboxKindName, ChannelAdapter>> = {
  sms_twilio: twilioSmsAdapter,
  whatsapp_twilio: twilioWhatsAppAdapter,
  whatsapp_cloud: whatsappCloudAdapter,
  email: emailAdapter,
  webchat: webchatAdapter,
};

export function adapterFor(kind: InboxKindName): ChannelAdapter {
  const adapter = adapters[kind];
  if (!adapter) {
    throw new ChannelError(`Inbox kind ${kind} is not supported yet.`, {
      retryable: false,
      code: 'unsupported_kind',
    });
  }
  return adapter;
}
