import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../src/index';
import { splitQuotedHtml, splitQuotedText } from '../src/email/quoted';

const parseFixture = (name: string) =>
  parseEmail(readFileSync(new URL(`./fixtures/email/${name}.eml`, import.meta.url)), {
    maxAttachmentBytes: 1024 * 1024,
    source: 'imap',
  });

describe('the new part and the quoted history, per mail client', () => {
  it('splits a Gmail reply at gmail_quote', async () => {
    const stored = await parseFixture('gmail-reply');
    expect(stored.text).toBe('Thanks! The tracking link works now.\n\nMaría');
    expect(stored.html).toContain('Thanks! The tracking link works now.');
    expect(stored.html).not.toContain('has shipped');
    expect(stored.quoted).toContain('wrote:');
    expect(stored.quoted).toContain('Your order 1234 has shipped.');
  });

  it('splits an Outlook reply at the rule above From: / Sent:', async () => {
    const stored = await parseFixture('outlook-reply');
    expect(stored.text).toBe(
      'Hi,\n\nThe parcel still has not arrived. Could you check with the courier?\n\nPeter',
    );
    expect(stored.html).toContain('Could you check with the courier?');
    expect(stored.html).not.toContain('From:');
    expect(stored.html).not.toContain('P {margin-top'); // Outlook's <style> is gone
    expect(stored.quoted).toContain('<b>From:</b>');
    expect(stored.quoted).toContain('Hello Peter,');
  });

  it('splits an Apple Mail reply at the cited blockquote', async () => {
    const stored = await parseFixture('apple-mail-reply');
    expect(stored.text).toBe('Perfect, thank you. I’ll wait for the courier.\n\nLucía');
    expect(stored.html).not.toContain('has shipped');
    expect(stored.quoted).toContain('On 3 Mar 2025, at 10:00, Example Support');
    expect(stored.quoted).toContain('Your order 1234 has shipped.');
  });

  it('splits a Spanish plain-text reply at "El … escribió:" and its > lines', async () => {
    const stored = await parseFixture('spanish-plain-reply');
    expect(stored.subject).toBe('Re: Contraseña [SB-7K3Q9]');
    expect(stored.text).toBe(
      'Gracias, ya pude entrar con la contraseña nueva.\n\nUn saludo,\nCarlos',
    );
    expect(stored.html).toBeNull();
    expect(stored.quoted).toMatch(/^El lun, 3 mar 2025 a las 10:00, Soporte Ejemplo/);
    expect(stored.quoted).toContain('> Te enviamos un enlace para cambiar la contraseña.');
  });
});

describe('splitQuotedText', () => {
  it.each([
    ['Portuguese', 'Em seg., 3 de mar. de 2025 às 10:00, Suporte <suporte@example.com> escreveu:'],
    ['French', 'Le lun. 3 mars 2025 à 10:00, Support <support@example.com> a écrit :'],
    ['German', 'Am Mo., 3. März 2025 um 10:00 Uhr schrieb Support <support@example.com>:'],
    ['English', 'On Mon, Mar 3, 2025 at 10:00 AM Support <support@example.com> wrote:'],
  ])('recognises the %s attribution line', (_language, attribution) => {
    const split = splitQuotedText(`Obrigado!\n\n${attribution}\n\n> Olá\n> Ana\n`);
    expect(split).toEqual({ body: 'Obrigado!', quoted: `${attribution}\n\n> Olá\n> Ana` });
  });

  it('cuts at -----Original Message-----', () => {
    const split = splitQuotedText(
      'See below.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nOld text',
    );
    expect(split).toEqual({
      body: 'See below.',
      quoted: '-----Original Message-----\nFrom: Support\nSent: Monday\n\nOld text',
    });
  });

  it('cuts at a Spanish Outlook header block', () => {
    const split = splitQuotedText(
      'Ya está.\n\nDe: Soporte <soporte@example.com>\nEnviado: lunes, 3 de marzo de 2025 10:00\nPara: Ana\nAsunto: Factura\n\nHola Ana',
    );
    expect(split.body).toBe('Ya está.');
    expect(split.quoted).toMatch(/^De: Soporte/);
  });

  it('never hides answers written between quoted lines', () => {
    const text = 'On Mon, Support wrote:\n> Which plan?\nThe yearly one.\n> Which card?\nVisa.';
    expect(splitQuotedText(text)).toEqual({ body: text, quoted: null });
  });

  it('keeps a forwarded mail in the new part: the customer wants it read', () => {
    const text =
      'Please see below.\n\n---------- Forwarded message ---------\nFrom: Shop <orders@shop.example>\nDate: Mon, 3 Mar 2025\nSubject: Order 1234\n\nYour order is confirmed.';
    expect(splitQuotedText(text)).toEqual({ body: text, quoted: null });
  });

  it('shows a mail that is nothing but a quote in full', () => {
    expect(splitQuotedText('> only an old line')).toEqual({
      body: '> only an old line',
      quoted: null,
    });
  });

  it('leaves ordinary text alone', () => {
    expect(splitQuotedText('Hello,\nfrom: my phone\nThanks')).toEqual({
      body: 'Hello,\nfrom: my phone\nThanks',
      quoted: null,
    });
  });
});

describe('splitQuotedHtml', () => {
  it('splits Outlook for Windows at the bordered From: block', () => {
    const split = splitQuotedHtml(
      '<div class="WordSection1"><p>Done, thanks.</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>From:</b> Support<br><b>Sent:</b> Monday</p></div><p>Old text</p></div>',
    );
    expect(split.body).toContain('Done, thanks.');
    expect(split.body).not.toContain('Old text');
    expect(split.quoted).toContain('<b>From:</b> Support');
    expect(split.quoted).toContain('Old text');
  });

  it('splits Thunderbird at moz-cite-prefix', () => {
    const split = splitQuotedHtml(
      '<p>New words</p><div class="moz-cite-prefix">On 3/3/25 10:00, Support wrote:<br></div><blockquote type="cite">Old words</blockquote>',
    );
    expect(split.body).toBe('<p>New words</p>');
    expect(split.quoted).toContain('Old words');
  });

  it('takes the attribution line before an Apple Mail blockquote into the history', () => {
    const split = splitQuotedHtml(
      '<div>Thanks</div><div>On 3 Mar 2025, at 10:00, Support wrote:<br><br></div><blockquote type="cite"><div>Old</div></blockquote>',
    );
    expect(split.body).toBe('<div>Thanks</div>');
    expect(split.quoted).toMatch(/^<div>On 3 Mar 2025, at 10:00, Support wrote:/);
  });

  it('keeps a Gmail forward in the new part', () => {
    const html =
      '<div dir="ltr">FYI</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Shop</div><div>Your order is confirmed.</div></div>';
    expect(splitQuotedHtml(html)).toEqual({ body: html, quoted: null });
  });

  it('never hides answers written below a cited block', () => {
    const html =
      '<div>Hi</div><blockquote type="cite">Which plan?</blockquote><div>The yearly one.</div>';
    expect(splitQuotedHtml(html)).toEqual({ body: html, quoted: null });
  });
});
