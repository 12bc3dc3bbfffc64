import { schema } from '@switchboard/db';
import { eq } from 'drizzle-orm';
import { isStaff, type Ctx } from '../context';
import { Forbidden } from '../errors';
import { parsePeriod, validTimeZone } from './period';
import {
  periodBounds,
  readConversationGroups,
  readReplyGroups,
  type IndicatorFilters,
} from './read';
import { refreshStaleHours } from './rollup';
import { summarize, type IndicatorsReport } from './summarize';

export type IndicatorsInput = { from: string; to: string } & IndicatorFilters;

/** The indicators dashboard for a period and filters (supervisors and admins). */
export async function getIndicators({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: IndicatorsInput;
}): Promise<IndicatorsReport> {
  if (!isStaff(ctx.actor)) throw Forbidden('Indicators are for supervisors and admins.');
  const [workspace] = await ctx.db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  const period = parsePeriod(input.from, input.to, validTimeZone(workspace?.settings.timeZone));
  await refreshStaleHours(ctx);
  const bounds = await periodBounds(ctx, period);
  const conversations = await readConversationGroups(ctx, period, bounds, input);
  const replies = await readReplyGroups(ctx, period, bounds, input);
  return summarize(
    { timeZone: period.timeZone, from: period.from, to: period.to },
    conversations,
    replies,
  );
}
