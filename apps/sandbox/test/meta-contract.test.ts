import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_NUMBER, startSandbox, type RunningSandbox } from './helpers';
import {
  customerWrites,
  graph,
  PIXEL_PNG,
  postJson,
  sendPath,
  startJsonReceiver,
  type JsonReceiver,
} from './meta-helpers';
import {
  exampleShapeViolations,
  extractMetaContract,
  extractPath,
  metaContract,
  readSharedSpec,
  schemaViolations,
  sharedSpecPath,
  type Schema,
} from './meta-spec';

const schema = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/**
 * Graph error bodies: the description's GraphAPIError, plus the `error_data` object that
 * WhatsApp errors carry (Meta's error-code reference documents it; the schema leaves it out).
 */
function errorViolations(body: any): string[] {
  const { error_data: errorData, ...error } = body.error ?? {};
  const problems = schemaViolations({ ...body, error }, schema('GraphAPIError'));
  if (errorData !== undefined) {
    expect(errorData).toEqual({ messaging_product: 'whatsapp', details: expect.any(String) });
  }
  return problems;
}

const valueOf = (webhook: any) => webhook.entry[0].changes[0].value;

describe('the Meta stand-in against Meta’s OpenAPI description', () => {
  let sandbox: RunningSandbox;
  let receiver: JsonReceiver;

  beforeAll(async () => {
    receiver = await startJsonReceiver();
    sandbox = await startSandbox({ metaWebhookUrl: `${receiver.url}/webhook` });
  });
  afterAll(async () => {
    await sandbox.app.close();
    await receiver.close();
  });

  it.skipIf(!existsSync(sharedSpecPath))(
    'keeps its committed extract equal to the description',
    () => {
      const committed = JSON.parse(readFileSync(extractPath, 'utf8')) as unknown;
      expect(committed).toEqual(extractMetaContract(readSharedSpec()));
    },
  );

  it('answers sends, read receipts and errors in the described shapes', async () => {
    const customer = '+5215550004444';
    const written = await customerWrites(sandbox.url, { from: customer, text: 'Hola' });
    const text = await graph(sandbox.url, sendPath, {
      json: { messaging_product: 'whatsapp', to: customer, type: 'text', text: { body: 'Hola' } },
    });
    expect(schemaViolations(text.body, schema('MessageResponsePayload'))).toEqual([]);
    const template = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'template',
        template: {
          name: 'follow_up',
          language: { code: 'en_US' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }],
        },
      },
    });
    expect(schemaViolations(template.body, schema('MessageResponsePayload'))).toEqual([]);
    const read = await graph(sandbox.url, sendPath, {
      json: { messaging_product: 'whatsapp', status: 'read', message_id: written.body.id },
    });
    expect(schemaViolations(read.body, schema('MarkMessageResponsePayload'))).toEqual([]);

    const errors = [
      await graph(sandbox.url, sendPath, { token: 'wrong', json: {} }),
      await graph(sandbox.url, sendPath, { token: null, json: {} }),
      await graph(sandbox.url, sendPath, {
        json: { messaging_product: 'whatsapp', to: customer, type: 'text' },
      }),
      await graph(sandbox.url, sendPath, {
        json: {
          messaging_product: 'whatsapp',
          to: customer,
          type: 'template',
          template: { name: 'x', language: { code: 'es' } },
        },
      }),
      await graph(sandbox.url, '/v23.0/999999/messages', { json: {} }),
    ];
    await postJson(sandbox.url, '/sandbox/meta/faults', { httpStatus: 429, code: 130429 });
    errors.push(
      await graph(sandbox.url, sendPath, {
        json: { messaging_product: 'whatsapp', to: customer, text: { body: 'x' } },
      }),
    );
    expect(errors.map((answer) => answer.status)).toEqual([401, 400, 400, 404, 400, 429]);
    for (const answer of errors) expect(errorViolations(answer.body)).toEqual([]);
  });

  it('answers media and template calls in the described shapes', async () => {
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('file', new Blob([PIXEL_PNG], { type: 'image/png' }), 'pixel.png');
    const uploaded = await graph(sandbox.url, `/v23.0/${META_NUMBER.phoneNumberId}/media`, {
      form,
    });
    expect(schemaViolations(uploaded.body, metaContract.responses.uploadMedia!)).toEqual([]);
    const retrieved = await graph(sandbox.url, `/v23.0/${uploaded.body.id}`);
    expect(schemaViolations(retrieved.body, metaContract.responses.retrieveMediaUrl!)).toEqual([]);
    const deleted = await graph(sandbox.url, `/v23.0/${uploaded.body.id}`, { method: 'DELETE' });
    expect(schemaViolations(deleted.body, metaContract.responses.deleteMedia!)).toEqual([]);

    const templates = await graph(
      sandbox.url,
      `/v23.0/${META_NUMBER.wabaId}/message_templates?limit=2`,
    );
    // Graph's paging links (`next`, `previous`) sit beside the cursors the description lists.
    const pagingLinks = ['$.paging.next', '$.paging.previous'];
    expect(
      schemaViolations(templates.body, metaContract.responses.listTemplates!, '$', pagingLinks),
    ).toEqual([]);
    expect(templates.body.paging.next).toBeDefined();
  });

  it('posts status webhooks that match the described WebhookPayload', async () => {
    receiver.received.length = 0;
    const customer = '+5215550005555';
    await customerWrites(sandbox.url, { from: customer, text: 'Hola' });
    const sent = await graph(sandbox.url, sendPath, {
      json: { messaging_product: 'whatsapp', to: customer, type: 'text', text: { body: 'Hola' } },
    });
    const id = sent.body.messages[0].id as string;
    await receiver.waitForStatuses(id, 2);
    await postJson(sandbox.url, '/sandbox/meta/read', {
      customer,
      business: META_NUMBER.phoneNumberId,
    });
    await receiver.waitForStatuses(id, 3);
    const failed = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: '+5215550006666',
        type: 'text',
        text: { body: 'Hola' },
      },
    });
    await receiver.waitForStatuses(failed.body.messages[0].id, 1);

    // Only this test's messages: a status from an earlier test may still be on its way.
    const ours = new Set([id, failed.body.messages[0].id as string]);
    const statusWebhooks = receiver.received.filter((webhook) =>
      ours.has(valueOf(webhook.body).statuses?.[0]?.id),
    );
    expect(statusWebhooks.map((webhook) => valueOf(webhook.body).statuses[0].status)).toEqual([
      'sent',
      'delivered',
      'read',
      'failed',
    ]);
    for (const webhook of statusWebhooks) {
      expect(schemaViolations(webhook.body, schema('WebhookPayload'))).toEqual([]);
    }
  });

  it('posts message webhooks shaped like Meta’s documented examples', async () => {
    receiver.received.length = 0;
    const customer = '+5215550007777';
    const business = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'template',
        template: {
          name: 'follow_up',
          language: { code: 'es' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }],
        },
      },
    });
    const businessMessage = business.body.messages[0].id as string;
    const inputs: Array<[string, Record<string, unknown>, string[]]> = [
      ['Text Message', { text: 'Hola' }, []],
      [
        'Text Message with Context (Product Inquiry)',
        { text: 'Sí', contextMessageId: businessMessage },
        ['$.entry[].changes[].value.messages[].context.referred_product'],
      ],
      [
        'Reaction Message',
        { type: 'reaction', reaction: { messageId: businessMessage, emoji: '👍' } },
        [],
      ],
      [
        'Image Message',
        {
          type: 'image',
          image: {
            contentType: 'image/png',
            dataBase64: PIXEL_PNG.toString('base64'),
            caption: 'Foto',
          },
        },
        [],
      ],
      [
        'Location Message',
        {
          type: 'location',
          location: { latitude: 37.44, longitude: -122.16, name: 'Philz', address: 'Palo Alto' },
        },
        ['$.entry[].changes[].value.messages[].location.url'],
      ],
    ];
    for (const [exampleName, input, optional] of inputs) {
      const answer = await customerWrites(sandbox.url, { from: customer, ...input });
      expect(answer.status).toBe(200);
      const webhook = receiver.received.find(
        (candidate) => valueOf(candidate.body).messages?.[0]?.id === answer.body.id,
      );
      expect(
        exampleShapeViolations(webhook!.body, metaContract.webhookExamples[exampleName], optional),
        exampleName,
      ).toEqual([]);
    }
  });
});
