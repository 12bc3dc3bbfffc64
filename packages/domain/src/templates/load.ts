import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { NotFound } from '../errors';

const t = schema.messageTemplates;

export async function loadApprovedTemplate(ctx: Ctx, inboxId: string, templateId: string) {
  const [template] = await ctx.db
    .select()
    .from(t)
    .where(
      and(
        eq(t.id, templateId),
        eq(t.inboxId, inboxId),
        eq(t.workspaceId, ctx.workspaceId),
        eq(t.status, 'APPROVED'),
      ),
    );
  if (!template) throw NotFound('Approved template for this inbox');
  return template;
}

/** Fills {{1}}, {{2}}… the way WhatsApp shows the template to the customer. */
export function renderTemplate(body: string, parameters: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (placeholder, index: string) => {
    return parameters[Number(index) - 1] ?? placeholder;
  });
}
