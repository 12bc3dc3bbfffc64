import type { WebchatMessagePayload } from '@switchboard/channels';
import type { Ctx } from '../context';
import { Invalid } from '../errors';
import type { StoreInboundEventInput } from '../inbound/store-event';
import type { WebchatSite } from './inbox';
import { webchatTeams } from './teams';

export interface VisitorMessageInput {
  inbox: WebchatSite;
  visitorId: string;
  clientMessageId: string;
  text: string;
  teamId?: string | undefined;
}

/**
 * Turns a visitor's message into the inbound event to store, like a provider webhook: the
 * browser's id for the message is the provider id, so a resend after a lost answer is stored
 * once. A chosen team must be one the widget offered.
 */
export async function visitorMessageEvent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: VisitorMessageInput;
}): Promise<StoreInboundEventInput> {
  const text = input.text.replace(/\r\n/g, '\n').trim();
  if (!text) throw Invalid('empty_message', 'Write a message before sending.');
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
