import type { WebchatMessagePayload } from '@switchboard/channels';
import type { Ctx } from '../context';
import { Invalid } from '../errors';
import type { StoreInboundEventInput } from '../inbound/store-event';
import type { WebchatSite } from './inbox';
import { webchatTeams } from './teams';
import {
  visitorFileName,
  visitorFileProblem,
  visitorFileType,
  type VisitorFile,
} from './visitor-file';

export interface VisitorMessageInput {
  inbox: WebchatSite;
  visitorId: string;
  clientMessageId: string;
  text: string;
  teamId?: string | undefined;
  /** The page the visitor wrote from (http or https, checked by the caller). */
  pageUrl?: string | undefined;
  /** Sent through the offline-message form. */
  offline?: boolean | undefined;
  /** An uploaded file; the text is then an optional caption. */
  file?: VisitorFile | undefined;
}

/**
 * Turns a visitor's message into the inbound event to store, like a provider webhook: the
 * browser's id for the message is the provider id, so a resend after a lost answer is stored
 * once. A chosen team must be one the widget offered. A file travels inside the event, so it is
 * as durable as the message and stored with it.
 */
export async function visitorMessageEvent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: VisitorMessageInput;
}): Promise<StoreInboundEventInput> {
  const text = input.text.replace(/\r\n/g, '\n').trim();
  if (!text && !input.file) throw Invalid('empty_message', 'Write a message before sending.');
  if (input.teamId) {
    const teams = await webchatTeams(ctx, input.inbox);
    if (!teams.some((team) => team.id === input.teamId))
      throw Invalid('invalid_team', 'That team does not answer this chat.');
  }
  const payload: WebchatMessagePayload = {
    clientMessageId: input.clientMessageId,
    visitorId: input.visitorId,
    to: input.inbox.address,
    text,
    ...(input.teamId ? { teamId: input.teamId } : {}),
    ...(input.pageUrl ? { pageUrl: input.pageUrl } : {}),
    ...(input.offline ? { offline: true } : {}),
    ...(input.file ? { file: filePayload(input.file) } : {}),
  };
  return {
    workspaceId: ctx.workspaceId,
    inboxId: input.inbox.id,
    kind: 'message',
    // Scoped to the visitor: one visitor cannot collide with (or block) another's message ids.
    providerEventId: `${input.visitorId}:${input.clientMessageId}`,
    payload: { ...payload },
  };
}

function filePayload(file: VisitorFile): NonNullable<WebchatMessagePayload['file']> {
  const problem = visitorFileProblem(file);
  if (problem) throw Invalid(problem.code, problem.message);
  // Known by now: a file of another type is a problem above.
  const type = visitorFileType(file) ?? 'application/octet-stream';
  return {
    fileName: visitorFileName(file.fileName, type),
    contentType: type,
    base64: file.data.toString('base64'),
  };
}
