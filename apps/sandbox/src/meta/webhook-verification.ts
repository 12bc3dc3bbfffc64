import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { describeFailure, WEBHOOK_TIMEOUT_MS } from '../outbound-http';

/**
 * Meta checks a callback URL before it sends anything there: a GET with hub.mode=subscribe,
 * the verify token and a challenge the app must echo back as the whole body.
 */
export function registerWebhookVerification(app: FastifyInstance, context: SandboxContext): void {
  const { meta, background } = context;

  app.post('/sandbox/meta/webhook-verify', async (request) => {
    const { business, verifyToken } = z
      .object({ business: z.string().trim().min(1), verifyToken: z.string().min(1).optional() })
      .parse(request.body);
    const number = meta.store.numberByAddress(business);
    if (!number) {
      throw new SandboxRequestError(
        404,
        'not_found',
        `${business} is not a registered WhatsApp business number`,
      );
    }
    const token = verifyToken ?? number.verifyToken;
    if (!token) {
      throw new SandboxRequestError(
        400,
        'invalid_input',
        'verifyToken is required: the number has none',
      );
    }
    const challenge = String(randomBytes(4).readUInt32BE());
    const url = new URL(number.webhookUrl);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', token);
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' },
        signal: AbortSignal.any([background.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
      });
      const body = await response.text();
      return { status: response.status, verified: response.ok && body.trim() === challenge };
    } catch (error) {
      return { status: null, verified: false, error: describeFailure(error) };
    }
  });
}
