import { inboxKind, schema } from '@switchboard/db';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { Invalid } from '../errors';

export const routingConditionsSchema = z
  .object({
    keywords: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
    channels: z.array(z.enum(inboxKind.enumValues)).max(10).optional(),
    contactCountries: z
      .array(z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'))
      .max(300)
      .optional(),
    contactLanguages: z
      .array(
        z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag'),
      )
      .max(100)
      .optional(),
    businessHours: z.enum(['inside', 'outside']).optional(),
  })
  .meta({ id: 'RoutingConditions' });

export const routingActionsSchema = z
  .object({
    teamId: z.uuid().optional(),
    tagIds: z.array(z.uuid()).max(20).optional(),
    priority: z.number().int().min(0).max(10).optional(),
  })
  .meta({ id: 'RoutingActions' });

export type RoutingRuleView = {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: schema.RoutingConditions;
  actions: schema.RoutingActions;
};

/** A rule may only point at this workspace's team and tags. */
export async function assertActionTargets(ctx: Ctx, actions: schema.RoutingActions) {
  if (actions.teamId) {
    const [team] = await ctx.db
      .select({ id: schema.teams.id })
      .from(schema.teams)
      .where(
        and(eq(schema.teams.id, actions.teamId), eq(schema.teams.workspaceId, ctx.workspaceId)),
      );
    if (!team) throw Invalid('unknown_team', 'The rule’s team is not a team of this workspace.');
  }
  const tagIds = [...new Set(actions.tagIds ?? [])];
  if (tagIds.length) {
    const known = await ctx.db
      .select({ id: schema.tags.id })
      .from(schema.tags)
      .where(and(eq(schema.tags.workspaceId, ctx.workspaceId), inArray(schema.tags.id, tagIds)));
    if (known.length !== tagIds.length)
      throw Invalid('unknown_tag', 'Every tag of the rule must be a tag of this workspace.');
  }
}
