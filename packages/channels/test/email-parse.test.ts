import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmail, type StoredEmail } from '../src/index';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/email/${name}.eml`, import.meta.url));

const parse = (raw: Buffer, maxAttachmentBytes = 25 * 1024 * 1024) =>
  parseEmail(raw, { maxAttachmentBytes, source: 'imap' });

const mail = (headers: string, body = 'Hello') =>
  Buffer.from(`${headers.trim().replace(/\n/g, '\r\n')}\r\n\r\n${body}\r\n`);

describe('parseEmail: who, to whom and in answer to what', () => {
  it('reads a Gmail reply with Message-IDs unbracketed and addresses lower-cased', async () => {
    const stored = await parse(fixture('gmail-reply'));
    expect(stored).toMatchObject({
      source: 'imap',
      messageId: 'CAF1x9s0HkN_7gQk2+yq=VZkq1pY4mE-0dG4wFq@mail.gmail.com',
      inReplyTo: 'sb-1a2b3c4d@example.com',
      references: ['sb-1a2b3c4d@example.com'],
      subject: 'Re: Your order 1234 [SB-7K3Q9]',
      from: { address: 'maria.garcia@gmail.com', name: 'María García' },
      to: ['support+sb-7k3q9-4f1a2b3c@example.com'],
      cc: [],
      deliveredTo: ['support@example.com'],
      date: '2025-03-03T10:15:42.000Z',
      automatic: false,
      deliveryReport: false,
      bounce: null,
      attachments: [],
    });
    expect(stored.malformed).toBeUndefined();
  });

  it('keeps every References id when Outlook rewrites In-Reply-To to its own id', async () => {
    const stored = await parse(fixture('outlook-reply'));
    expect(stored.inReplyTo).toBe(
      'AM9PR02MB7236C5D27C95DA0F2D6B8E24B9C82@AM9PR02MB7236.eurprd02.prod.outlook.com',
    );
    expect(stored.references).toEqual(['sb-0f0e0d0c@example.com', 'sb-1a2b3c4d@example.com']);
    expect(stored.messageId).toBe(
      'AM9PR02MB7236B1E0C6A14F1F9A3E1D2AB9C82@AM9PR02MB7236.eurprd02.prod.outlook.com',
    );
  });

  it('records the SMTP envelope recipients and Reply-To', async () => {
    const stored = await parseEmail(
      mail(`
From: Form <noreply@forms.example>
Reply-To: Visitor <Visitor@Example.net>
To: support@example.com
Cc: Boss@Example.com
Subject: Contact form
Message-ID: <form-1@forms.example>`),
      { maxAttachmentBytes: 1024, source: 'smtp', envelopeTo: ['Inbox-7@Mail.Switchboard.Test'] },
    );
    expect(stored).toMatchObject({
      source: 'smtp',
      envelopeTo: ['inbox-7@mail.switchboard.test'],
      replyTo: 'visitor@example.net',
      cc: ['boss@example.com'],
    });
  });

  it('gives mail without a Message-ID a stable id made from its bytes', async () => {
    const raw = mail('From: a@example.com\nTo: support@example.com\nSubject: No id');
    const first = await parse(raw);
    const again = await parse(Buffer.from(raw));
    const other = await parse(mail('From: a@example.com\nTo: support@example.com\nSubject: Other'));
    expect(first.messageId).toMatch(/^sha256-[0-9a-f]{64}@switchboard\.local$/);
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
  });

  it('leaves an unreadable Date unknown instead of pretending it is now', async () => {
    const stored = await parse(
      mail('From: a@example.com\nTo: support@example.com\nDate: sometime last week'),
    );
    expect(stored.date).toBeNull();
  });

  it('stores only JSON-safe values', async () => {
    const stored = await parse(fixture('inline-image-and-attachment'));
    expect(JSON.parse(JSON.stringify(stored)) as StoredEmail).toEqual(stored);
  });
});

describe('parseEmail: character sets', () => {
  it('reads ISO-8859-1 Portuguese in the body, the subject and the sender name', async () => {
    const stored = await parse(fixture('iso-8859-1'));
    expect(stored.subject).toBe('Não recebi a confirmação');
    expect(stored.from.name).toBe('João Conceição');
    expect(stored.text).toBe(
      'Olá, não recebi a confirmação da inscrição.\nA ação é necessária até sexta-feira?\n\nJoão',
    );
  });

  it('reads windows-1252 Spanish with the euro sign and curly quotes', async () => {
    const stored = await parse(fixture('windows-1252'));
    expect(stored.from.name).toBe('Ana Muñoz');
    expect(stored.text).toBe(
      '¿Podrían ayudarme? El año pasado pagué 50 € y no recibí la factura “original”.\n\nAna Muñoz',
    );
  });
});

describe('parseEmail: attachments', () => {
  it('keeps an inline picture with its Content-ID and a PDF with their bytes', async () => {
    const stored = await parse(fixture('inline-image-and-attachment'));
    const [picture, invoice] = stored.attachments;
    expect(picture).toMatchObject({
      fileName: 'logo.png',
      contentType: 'image/png',
      contentId: 'logo@example.com',
      inline: true,
      size: 72,
    });
    expect(invoice).toMatchObject({
      fileName: 'factura-2025.pdf',
      contentType: 'application/pdf',
      inline: false,
    });
    const pictureBytes = Buffer.from((picture as { dataBase64: string }).dataBase64, 'base64');
    expect(pictureBytes.subarray(0, 8)).toEqual(Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(pictureBytes.length).toBe(72);
    const invoiceBytes = Buffer.from((invoice as { dataBase64: string }).dataBase64, 'base64');
    expect(invoiceBytes.toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
    expect(stored.html).toContain('src="cid:logo@example.com"');
  });

  it('refuses a file above the inbox limit with a reason and keeps the small one', async () => {
    const stored = await parse(fixture('oversized-attachment'), 1024);
    expect(stored.text).toBe('Logs attached.');
    expect(stored.attachments).toEqual([
      {
        fileName: 'server.log.gz',
        contentType: 'application/x-gzip',
        size: 4096,
        refused: 'Not kept: the file is 4 KB and this inbox accepts files up to 1 KB.',
      },
      {
        fileName: 'note.txt',
        contentType: 'text/plain',
        size: 12,
        inline: false,
        dataBase64: Buffer.from('short note\r\n').toString('base64'),
      },
    ]);
  });
});

describe('parseEmail: malformed mail', () => {
  it('keeps mail whose boundary never appears as its raw source, with the reason', async () => {
    const stored = await parse(fixture('malformed-boundary'));
    expect(stored.malformed).toBe(
      'The message says its parts are separated by "declared-boundary", but that boundary never appears. It is shown as received.',
    );
    expect(stored.text).toContain('I cannot log in since yesterday.');
    expect(stored.text).toContain('Subject: Help with my account');
    expect(stored.html).toBeNull();
    // The headers were fine: the mail still finds its customer and its thread.
    expect(stored.from.address).toBe('broken@example.com');
    expect(stored.messageId).toBe('broken-1@example.com');
  });

  it('does not throw on binary garbage', async () => {
    const stored = await parse(fixture('garbage'));
    expect(stored.malformed).toBe(
      'The message has no readable mail headers. It is shown as received.',
    );
    expect(stored.text.length).toBeGreaterThan(0);
    expect(stored.text).not.toContain('\u0000');
    expect(stored.from.address).toBe('');
    expect(stored.messageId).toMatch(/^sha256-/);
  });

  it('cuts the raw source of a huge malformed mail at 200 KB', async () => {
    const raw = Buffer.concat([
      mail(
        'From: a@example.com\nSubject: Big\nContent-Type: multipart/mixed; boundary="never"',
        '',
      ),
      Buffer.alloc(300 * 1024, 'x'),
    ]);
    const stored = await parse(raw);
    expect(stored.malformed).toMatch(/cut at 200 KB\.$/);
    expect(stored.text.length).toBeLessThanOrEqual(200 * 1024);
  });
});
