import { ChannelError } from '../errors';
import type { ChannelEnvironment } from '../types';
import { metaApiError, metaNetworkError } from './api-errors';

/** The Graph API version Switchboard is written and tested against. */
export const GRAPH_VERSION = 'v23.0';

/** `{META_GRAPH_BASE}/v23.0/{segments…}?{query}`, every segment encoded so an id cannot add a path. */
export function graphUrl(
  env: ChannelEnvironment,
  segments: string[],
  query: Record<string, string> = {},
): string {
  const base = env.metaGraphBase.replace(/\/+$/, '');
  const path = [GRAPH_VERSION, ...segments].map(encodeURIComponent).join('/');
  const search = new URLSearchParams(query).toString();
  return `${base}/${path}${search ? `?${search}` : ''}`;
}

export interface GraphRequest {
  method: 'GET' | 'POST';
  accessToken: string;
  json?: unknown;
  form?: FormData;
  timeoutMs?: number;
}

/** One Graph API call; any failure comes back as a ChannelError saying whether to retry. */
export async function graphRequest(url: string, request: GraphRequest): Promise<unknown> {
  // Only POSTs change anything at Meta; a GET that broke halfway is simply not done.
  const mayHaveArrived = request.method === 'POST';
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${request.accessToken}`,
        accept: 'application/json',
        ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: request.json !== undefined ? JSON.stringify(request.json) : request.form,
      // The Graph API answers in place; following a redirect could carry the token elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw metaNetworkError(error, mayHaveArrived);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (!response.ok)
      throw metaApiError(response.status, null, response.headers.get('retry-after'));
    if (error instanceof Error && error.name !== 'SyntaxError')
      throw metaNetworkError(error, mayHaveArrived);
    throw new ChannelError('WhatsApp answered with something that is not JSON.', {
      retryable: true,
      code: mayHaveArrived ? 'unknown_outcome' : 'bad_response',
      httpStatus: response.status,
    });
  }
  if (!response.ok) throw metaApiError(response.status, body, response.headers.get('retry-after'));
  return body;
}
