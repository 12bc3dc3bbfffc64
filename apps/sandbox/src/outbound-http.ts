/** What an app answered to a webhook the sandbox posted. */
export interface WebhookResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Providers give up on a webhook after about 15 seconds (Twilio's error 11200). */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/** Providers refuse media larger than this; it also bounds what the sandbox holds in memory. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

/** One line for logs and answers: fetch hides the useful part (ECONNREFUSED…) in `cause`. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${error.message}: ${cause}` : error.message;
}

export interface FetchedMedia {
  contentType: string;
  data: Buffer;
}

/** Why a media URL could not be fetched, in the words providers use in their error details. */
export class MediaFetchError extends Error {
  override name = 'MediaFetchError';

  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

/**
 * Downloads a file the app asked the provider to send (Twilio MediaUrl, Meta `link`), the way
 * the provider does: a plain GET that follows redirects, with a deadline and a size cap.
 */
export async function fetchMedia(url: string, signal: AbortSignal): Promise<FetchedMedia> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: '*/*' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
    });
  } catch (error) {
    throw new MediaFetchError(describeFailure(error), null);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new MediaFetchError(
      `http code ${response.status}, status message ${response.statusText || 'error'}`,
      response.status,
    );
  }
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > MAX_MEDIA_BYTES) {
    throw new MediaFetchError(`file of ${data.length} bytes is larger than allowed`, 200);
  }
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream')
    .split(';')[0]!
    .trim();
  return { contentType, data };
}
