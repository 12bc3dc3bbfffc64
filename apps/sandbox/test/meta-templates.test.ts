import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_NUMBER, OTHER_META_NUMBER, startSandbox, type RunningSandbox } from './helpers';
import { graph } from './meta-helpers';

const templatesPath = `/v23.0/${META_NUMBER.wabaId}/message_templates`;

describe('WhatsApp Cloud API: message templates', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.app.close());

  it('starts every business with the approved seed templates in three languages and one pending', async () => {
    const answer = await graph(sandbox.url, `${templatesPath}?limit=100`);
    expect(answer.status).toBe(200);
    const names = answer.body.data.map(
      (template: any) => `${template.name}/${template.language}/${template.status}`,
    );
    expect(names).toEqual([
      'order_update/en_US/APPROVED',
      'order_update/es/APPROVED',
      'order_update/pt_BR/APPROVED',
      'follow_up/en_US/APPROVED',
      'follow_up/es/APPROVED',
      'follow_up/pt_BR/APPROVED',
      'pending_offer/en_US/PENDING',
    ]);
    expect(answer.body.data[0]).toEqual({
      name: 'order_update',
      components: [
        {
          type: 'BODY',
          text: 'Hi {{1}}, your order {{2}} has shipped.',
          example: { body_text: [['Ana', 'A-1042']] },
        },
      ],
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      id: expect.stringMatching(/^\d+$/) as string,
    });
    expect(answer.body.data[4].components[0].text).toBe(
      'Hola {{1}}, damos seguimiento a tu solicitud de soporte. Responde para continuar.',
    );
  });

  it('pages with working cursors, forward and back', async () => {
    const seen: string[] = [];
    let path: string | undefined = `${templatesPath}?fields=name,language,status&limit=3`;
    const pages: any[] = [];
    while (path) {
      const answer = await graph(sandbox.url, path);
      expect(answer.status).toBe(200);
      pages.push(answer.body);
      for (const template of answer.body.data) {
        expect(Object.keys(template).sort()).toEqual(['id', 'language', 'name', 'status']);
        seen.push(`${template.name}/${template.language}`);
      }
      const next: string | undefined = answer.body.paging.next;
      path = next ? next.slice(sandbox.url.length) : undefined;
    }
    expect(pages.map((page) => page.data.length)).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
    expect(pages[0].paging).not.toHaveProperty('previous');
    expect(pages[0].paging.next).toContain('fields=name%2Clanguage%2Cstatus');

    // The `after` cursor of a page starts the next one; `before` goes back to the previous one.
    const second = await graph(
      sandbox.url,
      `${templatesPath}?limit=3&after=${pages[0].paging.cursors.after}`,
    );
    expect(second.body.data.map((template: any) => template.id)).toEqual(
      pages[1].data.map((t: any) => t.id),
    );
    const back = await graph(
      sandbox.url,
      `${templatesPath}?limit=3&before=${pages[1].paging.cursors.before}`,
    );
    expect(back.body.data.map((template: any) => template.id)).toEqual(
      pages[0].data.map((t: any) => t.id),
    );
    expect(pages[1].paging.previous).toContain('before=');

    const bad = await graph(sandbox.url, `${templatesPath}?after=bm90LWEtY3Vyc29y`);
    expect(bad.status).toBe(400);
  });

  it('filters by status and name, and refuses fields it does not have', async () => {
    const approved = await graph(
      sandbox.url,
      `${templatesPath}?status=APPROVED&name=follow&limit=50`,
    );
    expect(approved.body.data.map((template: any) => template.language)).toEqual([
      'en_US',
      'es',
      'pt_BR',
    ]);
    const unknownField = await graph(sandbox.url, `${templatesPath}?fields=name,colour`);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.code).toBe(100);
  });

  it('keeps each business to its own templates', async () => {
    const foreign = await graph(sandbox.url, templatesPath, {
      token: OTHER_META_NUMBER.accessToken,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('replaces a business’s templates at runtime', async () => {
    const put = await fetch(`${sandbox.url}/sandbox/meta/templates`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        wabaId: OTHER_META_NUMBER.wabaId,
        templates: [
          { name: 'welcome', language: 'es', body: 'Bienvenida, {{1}}.' },
          { name: 'welcome', language: 'en_US', body: 'Welcome, {{1}}.', status: 'REJECTED' },
        ],
      }),
    });
    expect(put.status).toBe(200);
    const listed = await graph(
      sandbox.url,
      `/v23.0/${OTHER_META_NUMBER.wabaId}/message_templates?fields=name,language,status,components`,
      { token: OTHER_META_NUMBER.accessToken },
    );
    expect(listed.body.data).toEqual([
      expect.objectContaining({ name: 'welcome', language: 'es', status: 'APPROVED' }),
      expect.objectContaining({ name: 'welcome', language: 'en_US', status: 'REJECTED' }),
    ]);
    expect(listed.body).not.toHaveProperty('paging.next');
  });
});
