import { randomUUID } from 'node:crypto';
import { schema } from '@switchboard/db';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, waitForWaitingConversation } from './support';
import { errorOf, webchatKit } from './webchat-support';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

const { world, visitor, newVisitor, write, view, viewWhen } = webchatKit(() => system);

// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MB = 1024 * 1024;

function upload(
  token: string,
  file: { bytes: Buffer; type: string; name: string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  const clientMessageId = fields.clientMessageId ?? randomUUID();
  form.set('clientMessageId', clientMessageId);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return { clientMessageId, response: visitor('/messages/file', { token, form }) };
}

async function storedEvents(inboxId: string) {
  return system.db.db
    .select({ id: schema.inboundEvents.id })
    .from(schema.inboundEvents)
    .where(eq(schema.inboundEvents.inboxId, inboxId));
}

describe('files from the web chat visitor', () => {
  it('stores an allowed picture with its caption and shows it to both sides with a working link', async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Pia' });
    const sent = upload(
      token,
      { bytes: PNG, type: 'image/png', name: 'C:\\Users\\pia\\broken-box.png' },
      { text: 'The box arrived like this', pageUrl: 'https://shop.example.test/orders' },
    );
    const response = await sent.response;
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({ id: sent.clientMessageId });

    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    const thread = (await json(await w.ana(`/api/v1/conversations/${waiting.id}/messages`)))
      .items as Array<{ kind: string; text: string; attachments: Array<{ fileName: string }> }>;
    const message = thread.find((item) => item.kind === 'message');
    expect(message?.text).toBe('The box arrived like this');
    expect(message?.attachments).toEqual([
      expect.objectContaining({ fileName: 'broken-box.png', contentType: 'image/png' }),
    ]);

    const seen = await viewWhen(token, (v) => v.messages.length === 1, 'the picture');
    const [own] = seen.messages;
    expect(own).toMatchObject({
      text: 'The box arrived like this',
      clientMessageId: sent.clientMessageId,
      attachments: [{ fileName: 'broken-box.png', contentType: 'image/png' }],
    });
    const file = await fetch(own?.attachments[0]?.url ?? '');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);

    // A resend after a lost answer is the same message.
    const form = new FormData();
    form.set('clientMessageId', sent.clientMessageId);
    form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'broken-box.png');
    expect((await visitor('/messages/file', { token, form })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await view(token)).messages).toHaveLength(1);
  });

  it('takes a file without caption, and text and PDF files', async () => {
    const w = await world();
    const { token } = await newVisitor(w.inbox.id);
    const files = [
      { bytes: Buffer.from('order,qty\n4711,2\n'), type: 'text/csv', name: 'order.csv' },
      { bytes: Buffer.from('%PDF-1.4\n%…\n'), type: 'application/pdf', name: 'invoice.pdf' },
      // Some browsers do not know a CSV: the extension tells.
      { bytes: Buffer.from('a,b\n'), type: 'application/octet-stream', name: 'more.csv' },
    ];
    for (const file of files) expect((await upload(token, file).response).status).toBe(202);
    const seen = await viewWhen(token, (v) => v.messages.length === 3, 'the three files');
    expect(seen.messages.map((message) => message.attachments[0]?.contentType)).toEqual([
      'text/csv',
      'application/pdf',
      'text/csv',
    ]);
    expect(seen.messages.map((message) => message.text)).toEqual(['', '', '']);
  });

  it('refuses a file over 10 MB with a clear message, and stores nothing', async () => {
    const w = await world();
    const { token } = await newVisitor(w.inbox.id);
    const big = Buffer.alloc(10 * MB + 1, 0x41);
    const response = await upload(token, { bytes: big, type: 'text/plain', name: 'big.txt' })
      .response;
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({
      code: 'file_too_large',
      message: 'Files are limited to 10 MB.',
    });
    // Exactly 10 MB is within the limit.
    const limit = Buffer.alloc(10 * MB, 0x41);
    expect(
      (await upload(token, { bytes: limit, type: 'text/plain', name: 'ok.txt' }).response).status,
    ).toBe(202);
    await viewWhen(token, (v) => v.messages.length === 1, 'the 10 MB file');
    expect(await storedEvents(w.inbox.id)).toHaveLength(1);
  });

  it('refuses types other than pictures, PDF and text, and files dressed up as one', async () => {
    const w = await world();
    const { token } = await newVisitor(w.inbox.id);
    const refused = [
      { bytes: Buffer.from('PK\u0003\u0004zip'), type: 'application/zip', name: 'stuff.zip' },
      { bytes: Buffer.from('<script>alert(1)</script>'), type: 'text/html', name: 'page.html' },
      { bytes: Buffer.from('<svg onload="alert(1)"/>'), type: 'image/svg+xml', name: 'logo.svg' },
      // A page renamed to look like a picture.
      { bytes: Buffer.from('<html><script>alert(1)</script>'), type: 'image/png', name: 'x.png' },
      { bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), type: 'text/plain', name: 'a.txt' },
      { bytes: Buffer.from('MZ'), type: 'application/octet-stream', name: 'setup.exe' },
    ];
    for (const file of refused) {
      const response = await upload(token, file).response;
      expect(response.status, file.name).toBe(415);
      expect(await errorOf(response)).toMatchObject({
        code: 'file_type',
        message: 'Only images (JPG, PNG, GIF, WebP), PDF and text files can be sent.',
      });
    }
    const empty = await upload(token, { bytes: Buffer.alloc(0), type: 'text/plain', name: 'e.txt' })
      .response;
    expect(empty.status).toBe(422);
    expect(await storedEvents(w.inbox.id)).toEqual([]);
  });

  it('asks for a valid visitor, message id and a file', async () => {
    const w = await world();
    const { token } = await newVisitor(w.inbox.id);
    const file = { bytes: PNG, type: 'image/png', name: 'a.png' };
    expect((await upload('v1.forged', file).response).status).toBe(401);
    expect((await upload(token, file, { clientMessageId: 'not-a-uuid' }).response).status).toBe(
      400,
    );
    const noFile = new FormData();
    noFile.set('clientMessageId', randomUUID());
    const missing = await visitor('/messages/file', { token, form: noFile });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).code).toBe('file_missing');
    const asJson = await visitor('/messages/file', {
      token,
      body: { clientMessageId: randomUUID() },
    });
    expect(asJson.status).toBe(400);
    expect(await storedEvents(w.inbox.id)).toEqual([]);
    // A text message still works alongside.
    await write(token, 'Just text');
  });
});
