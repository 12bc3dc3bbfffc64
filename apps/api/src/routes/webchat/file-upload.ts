import {
  visitorFileProblem,
  visitorMessageEvent,
  WEBCHAT_FILE_TOO_LARGE,
  WEBCHAT_MAX_FILE_BYTES,
  type VisitorFile,
} from '@switchboard/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps';
import { acceptInboundEvent } from '../../inbound/accept-event';
import { sendError } from '../../plugins/errors';
import { multipartFailure } from '../../plugins/uploads';
import { errorBody, errorResponses } from '../schemas';
import { pageUrlSchema } from './schemas';
import { perMinute, visitorDocs, type VisitorAccess } from './visitor-access';

const uploadFields = z.object({
  clientMessageId: z.uuid(),
  text: z.string().max(4000).optional(),
  teamId: z.uuid().optional(),
  pageUrl: pageUrlSchema.optional(),
});

const statusOf = { file_too_large: 413, file_type: 415, file_empty: 422 } as const;

/** The visitor sends a file (with an optional caption), stored like any of their messages. */
export const webchatFileRoutes: FastifyPluginAsyncZod<{
  deps: ApiDeps;
  access: VisitorAccess;
}> = async (app, { deps, access }) => {
  app.post(
    '/messages/file',
    {
      config: perMinute(30),
      schema: {
        ...visitorDocs,
        summary:
          'The visitor sends a file (multipart: `file`, `clientMessageId`, optional `text`, `teamId`, `pageUrl`)',
        description:
          'Up to 10 MB; images (JPG, PNG, GIF, WebP), PDF, plain text and CSV. The file shows in the conversation with a link.',
        consumes: ['multipart/form-data'],
        response: {
          202: z.object({ id: z.uuid() }),
          413: errorBody,
          415: errorBody,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { inbox, visitorId } = await access.visitorOf(request);
      if (!request.isMultipart())
        return sendError(
          reply,
          request,
          400,
          'multipart_expected',
          'Send the file as multipart/form-data.',
        );
      const upload = await readVisitorUpload(request);
      if ('tooLarge' in upload)
        return sendError(reply, request, 413, 'file_too_large', WEBCHAT_FILE_TOO_LARGE);
      const fields = uploadFields.safeParse(upload.fields);
      if (!fields.success) {
        const issue = fields.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return sendError(reply, request, 400, 'invalid_request', `${where}${issue?.message}`);
      }
      if (!upload.file)
        return sendError(reply, request, 400, 'file_missing', 'Attach a file in the `file` field.');
      const problem = visitorFileProblem(upload.file);
      if (problem)
        return sendError(reply, request, statusOf[problem.code], problem.code, problem.message);
      const event = await access.asInbox(inbox, (ctx) =>
        visitorMessageEvent({
          ctx,
          input: {
            inbox,
            visitorId,
            ...fields.data,
            text: fields.data.text ?? '',
            file: upload.file,
          },
        }),
      );
      await acceptInboundEvent(deps, event, (detail, message) => request.log.warn(detail, message));
      return reply.status(202).send({ id: fields.data.clientMessageId });
    },
  );
};

type VisitorUpload =
  { tooLarge: true } | { file: VisitorFile | undefined; fields: Record<string, string> };

/**
 * The request's one file and its text fields. A file over the limit is read to its end but not
 * kept, so the browser gets the answer instead of a broken connection.
 */
async function readVisitorUpload(request: FastifyRequest): Promise<VisitorUpload> {
  let file: VisitorFile | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: WEBCHAT_MAX_FILE_BYTES } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        file = { data, contentType: part.mimetype, fileName: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return { tooLarge: true };
    throw multipartFailure(error);
  }
  return { file, fields };
}
