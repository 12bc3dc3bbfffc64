import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { META_NUMBER, OTHER_META_NUMBER, startSandbox, type RunningSandbox } from './helpers';
import { graph, PIXEL_PNG, postJson } from './meta-helpers';

const uploadPath = `/v23.0/${META_NUMBER.phoneNumberId}/media`;

function uploadForm(data: Buffer, type = 'image/png', name = 'photo.png') {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', type);
  form.append('file', new Blob([data], { type }), name);
  return form;
}

describe('WhatsApp Cloud API: media', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.app.close());
  afterEach(() => fetch(`${sandbox.url}/sandbox/clock`, { method: 'DELETE' }));

  async function upload() {
    const uploaded = await graph(sandbox.url, uploadPath, { form: uploadForm(PIXEL_PNG) });
    expect(uploaded.status).toBe(200);
    return uploaded.body.id as string;
  }

  it('uploads a file, describes it and serves it to the token holder', async () => {
    const id = await upload();
    expect(id).toMatch(/^\d{16}$/);
    const info = await graph(sandbox.url, `/v23.0/${id}`);
    expect(info.body).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringMatching(
        new RegExp(`^${sandbox.url}/meta-media/${id}\\?expires=\\d+&sig=[0-9a-f]{64}$`),
      ) as string,
      mime_type: 'image/png',
      sha256: (await import('node:crypto')).createHash('sha256').update(PIXEL_PNG).digest('base64'),
      file_size: String(PIXEL_PNG.length),
      id,
    });

    const withToken = await fetch(info.body.url, {
      headers: { authorization: `Bearer ${META_NUMBER.accessToken}` },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await withToken.arrayBuffer()).equals(PIXEL_PNG)).toBe(true);

    const withoutToken = await fetch(info.body.url);
    expect(withoutToken.status).toBe(401);
    expect(await withoutToken.json()).toMatchObject({ error: { code: 190 } });
    const otherBusiness = await fetch(info.body.url, {
      headers: { authorization: `Bearer ${OTHER_META_NUMBER.accessToken}` },
    });
    expect(otherBusiness.status).toBe(400);
  });

  it('stops serving a media URL five minutes after it was issued', async () => {
    const id = await upload();
    const { url } = (await graph(sandbox.url, `/v23.0/${id}`)).body as { url: string };
    const headers = { authorization: `Bearer ${META_NUMBER.accessToken}` };
    await postJson(sandbox.url, '/sandbox/clock/advance', { seconds: 4 * 60 + 50 });
    expect((await fetch(url, { headers })).status).toBe(200);
    await postJson(sandbox.url, '/sandbox/clock/advance', { seconds: 20 });
    const expired = await fetch(url, { headers });
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as any).error.message).toBe('URL signature expired');

    // A stretched expiry breaks the signature.
    const forged = url.replace(/expires=\d+/, `expires=${Math.floor(Date.now() / 1000) + 3600}`);
    expect((await fetch(forged, { headers })).status).toBe(403);
    // Asking again gives a fresh URL that works.
    const fresh = (await graph(sandbox.url, `/v23.0/${id}`)).body.url as string;
    expect((await fetch(fresh, { headers })).status).toBe(200);
  });

  it('keeps media to its own business and refuses files Meta would not hold', async () => {
    const id = await upload();
    const foreign = await graph(sandbox.url, `/v23.0/${id}`, {
      token: OTHER_META_NUMBER.accessToken,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await graph(sandbox.url, `/v23.0/${id}`, { token: null })).status).toBe(400);
    expect((await graph(sandbox.url, `/v23.0/${id}?phone_number_id=1`)).status).toBe(400);

    const wrongType = await graph(sandbox.url, uploadPath, {
      form: uploadForm(Buffer.from('MZ'), 'application/x-msdownload', 'tool.exe'),
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.code).toBe(131053);
    const noProduct = new FormData();
    noProduct.append('file', new Blob([PIXEL_PNG], { type: 'image/png' }), 'a.png');
    const missing = await graph(sandbox.url, uploadPath, { form: noProduct });
    expect(missing.body.error).toMatchObject({
      code: 100,
      message: '(#100) The parameter messaging_product is required.',
    });
  });

  it('deletes media', async () => {
    const id = await upload();
    expect((await graph(sandbox.url, `/v23.0/${id}`, { method: 'DELETE' })).body).toEqual({
      success: true,
    });
    expect((await graph(sandbox.url, `/v23.0/${id}`)).status).toBe(400);
  });

  it('answers Graph’s error for paths it does not serve', async () => {
    const unknown = await graph(sandbox.url, '/v23.0/123456/unknown_edge');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 100, type: 'GraphMethodException' });
  });
});
