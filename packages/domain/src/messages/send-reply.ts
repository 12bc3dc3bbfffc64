import type { Ctx } from '../context';
import { serviceWindow } from '../conversations/service-window';
import { Conflict, Invalid } from '../errors';
import { notifyMentions } from '../notifications/mentions';
import { loadApprovedTemplate, renderTemplate } from '../templates/load';
import { outboundTarget, recordOutbound, type OutboundTarget } from './record-outbound';

const MAX_TEXT = 4096;

export interface SendReplyInput {
  conversationId: string;
  text?: string | undefined;
  private?: boolean | undefined;
  /** An approved WhatsApp template and its body parameters, instead of text. */
  template?: { id: string; parameters: string[] } | undefined;
}

/**
 * Stores the agent's reply as `queued` and schedules its delivery on the conversation's
 * channel; a private note is stored only. The worker sends after this transaction commits.
 */
export async function sendReply({ ctx, input }: { ctx: Ctx; input: SendReplyInput }) {
  const note = input.private === true;
  if (input.template) {
    if (note) throw Invalid('invalid', 'A template goes to the customer; it cannot be a note.');
    const target = await outboundTarget(ctx, input.conversationId, { note: false });
    return sendTemplate(ctx, target, input.template);
  }
  const text = cleanText(input.text ?? '');
  if (note) return addNote(ctx, input.conversationId, text);
  const target = await outboundTarget(ctx, input.conversationId, { note });
  assertWindowOpen(target);
  return recordOutbound(ctx, target, { text, note });
}

/**
 * A private note (also the note that goes with a transfer or a call for help); every
 * `@Name` or `@email` in it notifies that colleague.
 */
export async function addNote(ctx: Ctx, conversationId: string, text: string) {
  const target = await outboundTarget(ctx, conversationId, { note: true });
  const message = await recordOutbound(ctx, target, { text, note: true });
  await notifyMentions(ctx, { conversationId, messageId: message.id, text });
  return message;
}

export function cleanText(raw: string, options: { allowEmpty?: boolean } = {}): string {
  const text = raw.replace(/\r\n/g, '\n').trim();
  if (!text && !options.allowEmpty)
    throw Invalid('empty_message', 'Write a message before sending.');
  if (text.length > MAX_TEXT)
    throw Invalid('message_too_long', `Messages are limited to ${MAX_TEXT} characters.`);
  return text;
}

/** Free text outside WhatsApp's 24-hour window would be refused by the provider: refuse it here. */
export function assertWindowOpen(target: OutboundTarget, now = new Date()) {
  const window = serviceWindow(target.inboxKind, target.conversation.lastInboundAt, now);
  if (window && !window.open) {
    throw Conflict(
      'whatsapp_window_closed',
      'More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now.',
    );
  }
}

async function sendTemplate(
  ctx: Ctx,
  target: OutboundTarget,
  input: { id: string; parameters: string[] },
) {
  const template = await loadApprovedTemplate(ctx, target.inboxId, input.id);
  const parameters = input.parameters.map((value) => value.trim());
  if (parameters.length !== template.parameterCount || parameters.some((value) => !value)) {
    throw Invalid(
      'template_parameters',
      `The template ${template.name} needs ${template.parameterCount} filled-in parameter(s).`,
    );
  }
  // WhatsApp refuses parameters with line breaks, tabs or long runs of spaces.
  if (parameters.some((value) => /[\n\t]| {5,}/.test(value))) {
    throw Invalid(
      'template_parameters',
      'Template parameters must be one line, without tabs or more than four spaces in a row.',
    );
  }
  return recordOutbound(ctx, target, {
    text: renderTemplate(template.body, parameters),
    note: false,
    metadata: {
      template: {
        id: template.id,
        name: template.name,
        language: template.language,
        parameters,
        externalId: template.externalId,
      },
    },
  });
}
