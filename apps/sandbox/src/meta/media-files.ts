import { createHash } from 'node:crypto';
import { graphObjectId } from './ids';
import type { MetaMedia, MetaStore } from './store';

/** The file types the Cloud API accepts, with the size limit of each family. */
const MB = 1024 * 1024;
const acceptedTypes: Record<string, number> = {
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 5 * MB,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
  'text/plain': 16 * MB,
  'application/pdf': 16 * MB,
  'application/msword': 16 * MB,
  'application/vnd.ms-excel': 16 * MB,
  'application/vnd.ms-powerpoint': 16 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 16 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 16 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 16 * MB,
};

/** Why Meta would refuse to hold this file, or undefined when it is fine. */
export function mediaProblem(mimeType: string, size: number): string | undefined {
  const limit = acceptedTypes[mimeType];
  if (limit === undefined) {
    return `Param file must be a file with one of the following types: ${Object.keys(acceptedTypes).join(', ')}. Received file of type '${mimeType}'.`;
  }
  if (size === 0) return 'Param file must not be empty.';
  if (size > limit) return `Param file must be at most ${limit / MB} MB for type ${mimeType}.`;
  return undefined;
}

/** Keeps a file as a media object of a business number and returns it. */
export function storeMediaBytes(
  store: MetaStore,
  phoneNumberId: string,
  file: { mimeType: string; data: Buffer; filename?: string | null },
): MetaMedia {
  const media: MetaMedia = {
    id: graphObjectId(),
    phoneNumberId,
    mimeType: file.mimeType,
    data: file.data,
    sha256: createHash('sha256').update(file.data).digest('base64'),
    filename: file.filename ?? null,
  };
  store.addMedia(media);
  return media;
}
