import { describe, expect, it } from 'vitest';
import { adapterFor, splitCloudWebhook, type InboundEvent } from '../src/index';
import { metaFixture } from './load-fixture';

const adapter = adapterFor('whatsapp_cloud');

/** What the worker does with a stored webhook: split it, then normalize each stored event. */
function eventsOf(fixture: string): InboundEvent[] {
  return splitCloudWebhook(metaFixture(fixture)).flatMap((event) =>
    adapter.normalize(event.payload, event.kind),
  );
}

function onlyMessage(fixture: string) {
  const events = eventsOf(fixture);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.type !== 'message') throw new Error(`expected a message, got ${event?.type}`);
  return event;
}

describe('WhatsApp Cloud customer messages', () => {
  it('reads a text message with its sender, business number and time', () => {
    expect(onlyMessage('text')).toEqual({
      type: 'message',
      providerMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      from: { kind: 'whatsapp', address: '+16505551234', displayName: 'Sheena Nelson' },
      to: '+15550783881',
      text: 'Does it come in another color?',
      attachments: [],
      occurredAt: new Date(1749416383 * 1000),
      metadata: { waId: '16505551234' },
    });
  });

  it('links a reply to the message it quotes', () => {
    const message = onlyMessage('text-reply');
    expect(message.text).toBe('Yes, the blue one please');
    expect(message.metadata.replyToProviderId).toBe(
      'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA',
    );
  });

  it('marks forwarded messages', () => {
    const message = onlyMessage('text-forwarded');
    expect(message.metadata).toMatchObject({ forwarded: true, frequentlyForwarded: true });
    expect(message.metadata.replyToProviderId).toBeUndefined();
  });

  it('keeps a photo as an attachment by media id, with its caption as the text', () => {
    const message = onlyMessage('image');
    expect(message.text).toBe('Taj Mahal');
    expect(message.attachments).toEqual([{ url: '1003383421387256', contentType: 'image/jpeg' }]);
  });

  it('keeps a voice note as an audio attachment', () => {
    const message = onlyMessage('audio');
    expect(message.text).toBe('');
    expect(message.attachments).toEqual([
      { url: '1234567891234567', contentType: 'audio/ogg; codecs=opus' },
    ]);
    expect(message.metadata.voice).toBe(true);
  });

  it('keeps a video with its caption', () => {
    const message = onlyMessage('video');
    expect(message.text).toBe('It arrived like this');
    expect(message.attachments).toEqual([{ url: '2345678912345678', contentType: 'video/mp4' }]);
  });

  it('keeps a document with its file name and caption', () => {
    const message = onlyMessage('document');
    expect(message.text).toBe('My receipt');
    expect(message.attachments).toEqual([
      { url: '3456789123456789', contentType: 'application/pdf', fileName: 'receipt.pdf' },
    ]);
  });

  it('keeps a sticker as an image attachment', () => {
    const message = onlyMessage('sticker');
    expect(message.text).toBe('');
    expect(message.attachments).toEqual([{ url: '4567891234567891', contentType: 'image/webp' }]);
  });

  it('shows a shared location as text and keeps its coordinates', () => {
    const message = onlyMessage('location');
    expect(message.text).toBe(
      '📍 Philz Coffee · 101 Forest Ave, Palo Alto, CA 94301 · 37.44221496582, -122.16165924072',
    );
    expect(message.metadata.location).toEqual({
      latitude: 37.44221496582,
      longitude: -122.16165924072,
      label: 'Philz Coffee',
      address: '101 Forest Ave, Palo Alto, CA 94301',
      url: 'https://philzcoffee.com/',
    });
  });

  it('shows a shared contact card as a readable line', () => {
    const message = onlyMessage('contacts');
    expect(message.text).toBe('👤 Lucía Gómez · +1 (983) 555-2319 · lucia@example.com');
    expect(message.metadata.contacts).toEqual([
      {
        name: 'Lucía Gómez',
        phones: [{ phone: '+1 (983) 555-2319', waId: '19835552319', type: 'MOBILE' }],
        emails: ['lucia@example.com'],
        company: 'Google',
      },
    ]);
  });

  it('reads a reply-button tap as its title, with the button id as payload', () => {
    const message = onlyMessage('interactive-button-reply');
    expect(message.text).toBe('Cancel');
    expect(message.metadata.button).toEqual({ payload: 'cancel-button', text: 'Cancel' });
    expect(message.metadata.replyToProviderId).toBe(
      'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA',
    );
  });

  it('reads a list choice as its row title', () => {
    const message = onlyMessage('interactive-list-reply');
    expect(message.text).toBe('Priority Mail Express');
    expect(message.metadata.button).toEqual({
      payload: 'priority_express',
      text: 'Priority Mail Express',
    });
  });

  it('reads a template quick-reply button as its text', () => {
    const message = onlyMessage('button');
    expect(message.text).toBe('Unsubscribe');
    expect(message.metadata.button).toEqual({ payload: 'Unsubscribe', text: 'Unsubscribe' });
  });

  it('turns a reaction into a reaction on the message it targets', () => {
    expect(eventsOf('reaction')).toEqual([
      {
        type: 'reaction',
        providerMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgD=',
        targetProviderMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA',
        emoji: '👍',
        from: { kind: 'whatsapp', address: '+16505551234', displayName: 'Sheena Nelson' },
        occurredAt: new Date(1749419544 * 1000),
      },
    ]);
  });

  it('reads a reaction without an emoji as the reaction being removed', () => {
    const [event] = eventsOf('reaction-removed');
    expect(event).toMatchObject({
      type: 'reaction',
      targetProviderMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA',
      emoji: '',
    });
  });

  it('keeps an unsupported message as an empty message saying why', () => {
    const message = onlyMessage('unsupported');
    expect(message.text).toBe('');
    expect(message.attachments).toEqual([]);
    expect(message.metadata.unsupported).toEqual({
      type: 'unsupported',
      title: 'Message type unknown',
    });
  });

  it('keeps an unknown message the same way', () => {
    expect(onlyMessage('unknown').metadata.unsupported).toEqual({
      type: 'unknown',
      title: 'Unsupported message type',
    });
  });

  it('keeps any other type (an order) rather than dropping it', () => {
    const message = onlyMessage('order');
    expect(message.text).toBe('');
    expect(message.metadata.unsupported).toEqual({ type: 'order' });
  });

  it('never throws on payloads that are not Meta messages', () => {
    for (const payload of [{}, { message: 'text' }, { message: { id: 5 } }, { message: null }]) {
      expect(adapter.normalize(payload, 'message')).toEqual([]);
    }
    expect(adapter.normalize({ status: [] }, 'status')).toEqual([]);
  });
});

describe('WhatsApp Cloud delivery statuses', () => {
  const target = 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA';

  it.each(['sent', 'delivered', 'read'] as const)('reads %s', (status) => {
    expect(eventsOf(`status-${status}`)).toEqual([
      { type: 'status', providerMessageId: target, status },
    ]);
  });

  it('explains a failure past the 24-hour window in words an agent can act on', () => {
    expect(eventsOf('status-failed')).toEqual([
      {
        type: 'status',
        providerMessageId: target,
        status: 'failed',
        errorCode: '131047',
        errorMessage:
          'More than 24 hours have passed since the customer last wrote. Only an approved template can be sent now.',
      },
    ]);
  });

  it("falls back to Meta's own words for a code without an explanation", () => {
    expect(eventsOf('status-failed-unlisted-code')).toEqual([
      {
        type: 'status',
        providerMessageId: target,
        status: 'failed',
        errorCode: '131999',
        errorMessage: 'Meta described a failure Switchboard has no sentence for.',
      },
    ]);
  });

  it('ignores statuses that say nothing about delivery', () => {
    expect(eventsOf('status-deleted')).toEqual([]);
  });
});
