import type { FastifyRequest } from 'fastify';
import type { MetaNumber } from '../options';
import { metaErrors } from './errors';
import type { MetaStore } from './store';

/** Graph takes the token from `Authorization: Bearer …` or, as a fallback, `?access_token=`. */
export function accessTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (bearer) return bearer;
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.access_token;
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined;
}

/** The number whose token the request carries: 400 / 104 without one, 401 / 190 for a wrong one. */
export function authenticateToken(meta: MetaStore, request: FastifyRequest): MetaNumber {
  const token = accessTokenOf(request);
  if (!token) throw metaErrors.missingToken();
  const owner = meta.numberForToken(token);
  if (!owner) throw metaErrors.invalidToken();
  return owner;
}

/**
 * A token sees every number of its WhatsApp Business Account (a business's system-user
 * token), and nothing else: Graph then answers as if the object did not exist.
 */
export function authenticateForNumber(
  meta: MetaStore,
  request: FastifyRequest,
  phoneNumberId: string,
): MetaNumber {
  const owner = authenticateToken(meta, request);
  const number = meta.number(phoneNumberId);
  if (number?.wabaId !== owner.wabaId) {
    throw metaErrors.unsupportedRequest(request.method, phoneNumberId);
  }
  return number;
}

export function authenticateForWaba(
  meta: MetaStore,
  request: FastifyRequest,
  wabaId: string,
): MetaNumber {
  const owner = authenticateToken(meta, request);
  if (owner.wabaId !== wabaId) throw metaErrors.unsupportedRequest(request.method, wabaId);
  return owner;
}
