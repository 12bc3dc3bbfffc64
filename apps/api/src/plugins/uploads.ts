import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '@switchboard/domain';

/** Multipart uploads: one file per request, limits enforced while streaming. */
export const uploadsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(multipart, {
    limits: { files: 1, fields: 5, fieldSize: 20_000, parts: 6 },
  });
});

export interface Upload {
  file: { data: Buffer; contentType: string; fileName: string };
  fields: { text?: string };
}

/** The request's file and text fields; a clear error when the file is missing or too large. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart())
    throw new DomainError('invalid', 'multipart_expected', 'Send the file as multipart/form-data.');
  let file: Upload['file'] | undefined;
  const fields: Upload['fields'] = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(maxBytes);
        file = { data, contentType: part.mimetype, fileName: part.filename };
      } else if (part.fieldname === 'text' && typeof part.value === 'string') {
        fields.text = part.value;
      }
    }
  } catch (error) {
    throw multipartFailure(error);
  }
  if (!file) throw new DomainError('invalid', 'file_missing', 'Attach a file in the `file` field.');
  return { file, fields };
}

const tooLarge = (maxBytes: number) =>
  new DomainError(
    'invalid',
    'file_too_large',
    `Files are limited to ${Math.round(maxBytes / 1024 / 1024)} MB.`,
  );

/**
 * Why a multipart body could not be read. Our own and the plugin's errors keep their status (413
 * for its limits); what the parser throws without one (no boundary, a body cut short) is the
 * sender's malformed request, not a failure of ours.
 */
export function multipartFailure(error: unknown): unknown {
  if (
    error instanceof DomainError ||
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  )
    return error;
  return Object.assign(new Error('The multipart body is malformed or cut short.'), {
    statusCode: 400,
  });
}
