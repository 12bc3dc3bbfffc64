import { requireUser, type Ctx } from '../context';
import { getConversation } from '../conversations/load';
import { listCannedResponses, type CannedResponseView } from './manage';

/** What `{{contact.name}}` becomes when we do not know the customer's name. */
export const UNKNOWN_CONTACT_NAME = 'there';

export function renderCanned(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key]! : whole,
  );
}

/** The canned responses with this conversation's variables filled in, ready to insert. */
export async function listCannedResponsesFor({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { conversationId: string };
}): Promise<Array<CannedResponseView & { text: string }>> {
  const user = requireUser(ctx.actor);
  const conversation = await getConversation({ ctx, input: { id: input.conversationId } });
  const values = {
    'contact.name': conversation.contact.name?.trim() || UNKNOWN_CONTACT_NAME,
    'agent.name': user.name,
    reference: conversation.reference,
  };
  const responses = await listCannedResponses({ ctx });
  return responses.map((response) => ({ ...response, text: renderCanned(response.body, values) }));
}
