import { ChannelError } from './errors';

export interface FetchedMedia {
  data: Buffer;
  contentType: string;
}

/** What agents may receive: pictures, sound, video, documents and contact or calendar cards. */
const ALLOWED = [
  /^image\//,
  /^audio\//,
  /^video\//,
  /^application\/pdf$/,
  /^text\/(plain|vcard|x-vcard|calendar|csv)$/,
];

export const isAllowedMediaType = (contentType: string) =>
  ALLOWED.some((pattern) => pattern.test(contentType));

/** Downloads a file with a size cap, refusing disallowed types before reading the body. */
export async function downloadMedia(
  url: string,
  init: RequestInit,
  maxBytes: number,
): Promise<FetchedMedia> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'follow',
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new ChannelError(`Could not download the file: ${String(error)}`, {
      retryable: true,
      code: 'network',
    });
  }
  if (!response.ok) {
    const retryable = response.status === 429 || response.status >= 500;
    throw new ChannelError(`The provider answered ${response.status} for the file.`, {
      retryable,
      code: String(response.status),
    });
  }
  const contentType = (response.headers.get('content-type') ?? 'application/octet-stream')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (!isAllowedMediaType(contentType)) {
    await response.body?.cancel();
    throw mediaTypeNotAllowed(contentType);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw mediaTooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const body = (response.body ?? []) as AsyncIterable<Uint8Array>;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw mediaTooLarge(maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return { data: Buffer.concat(chunks), contentType };
}

export const mediaTooLarge = (maxBytes: number) =>
  new ChannelError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, {
    retryable: false,
    code: 'too_large',
  });

export const mediaTypeNotAllowed = (contentType: string) =>
  new ChannelError(`Files of type ${contentType} are not accepted.`, {
    retryable: false,
    code: 'type_not_allowed',
  });
