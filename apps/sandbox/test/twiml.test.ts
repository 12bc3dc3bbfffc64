import { describe, expect, it } from 'vitest';
import { twimlMessages } from '../src/twilio/twiml';

describe('TwiML replies', () => {
  it('reads plain, Body/Media and entity-encoded <Message> verbs in order', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <Response>
        <Message>Tom &amp; Jerry &#233;&#x1F600;</Message>
        <Message to="+15005550006"><Body>See the receipt</Body><Media>https://example.com/r.png</Media></Message>
        <Message>Text<Media>https://example.com/a.jpg</Media></Message>
      </Response>`;
    expect(twimlMessages(xml)).toEqual([
      { body: 'Tom & Jerry é😀', mediaUrls: [] },
      { body: 'See the receipt', mediaUrls: ['https://example.com/r.png'] },
      { body: 'Text', mediaUrls: ['https://example.com/a.jpg'] },
    ]);
  });

  it('finds nothing to send in an empty response or a non-TwiML answer', () => {
    expect(twimlMessages('<Response/>')).toEqual([]);
    expect(twimlMessages('<Response></Response>')).toEqual([]);
    expect(twimlMessages('{"ok":true}')).toEqual([]);
    expect(twimlMessages('<Response><Message></Message></Response>')).toEqual([]);
  });
});
