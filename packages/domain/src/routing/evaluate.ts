import { schema, type BusinessHours, type InboxKind } from '@switchboard/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { recordActivity } from '../conversations/activity';
import type { ConversationRecord } from '../conversations/load';
import { withinBusinessHours } from '../teams/business-hours';
import { selectRules } from './list';
import type { RoutingRuleView } from './schema';

const c = schema.conversations;

export interface RoutingFacts {
  /** The customer's first message (email: subject and body). */
  text: string;
  channel: InboxKind;
  contact: { country: string | null; language: string | null };
  now?: Date;
}

/** Lower case, accents removed, split into words: "¿Pagó la FACTURA?" → pago la factura. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A keyword or phrase matches whole words, in order: "refund" is not found in "refunded". */
export function containsPhrase(haystack: string[], phrase: string): boolean {
  const needle = words(phrase);
  if (!needle.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const languageMatches = (contact: string | null, wanted: string) => {
  if (!contact) return false;
  const language = contact.toLowerCase();
  return language === wanted || language.startsWith(`${wanted}-`);
};

type TeamHours = Map<string, BusinessHours | null>;

function matches(
  rule: RoutingRuleView,
  facts: RoutingFacts,
  text: string[],
  currentTeamId: string | null,
  hours: TeamHours,
): boolean {
  const when = rule.conditions;
  if (when.keywords?.length && !when.keywords.some((keyword) => containsPhrase(text, keyword)))
    return false;
  if (when.channels?.length && !when.channels.includes(facts.channel)) return false;
  if (
    when.contactCountries?.length &&
    !when.contactCountries.some(
      (code) => code.toUpperCase() === facts.contact.country?.toUpperCase(),
    )
  )
    return false;
  if (
    when.contactLanguages?.length &&
    !when.contactLanguages.some((wanted) =>
      languageMatches(facts.contact.language, wanted.toLowerCase()),
    )
  )
    return false;
  if (when.businessHours) {
    // The hours of the team the rule would send it to, else of the team it is in now.
    const teamId = rule.actions.teamId ?? currentTeamId;
    const inside = withinBusinessHours(teamId ? hours.get(teamId) : null, facts.now);
    if ((when.businessHours === 'inside') !== inside) return false;
  }
  return true;
}

/** The rules a new or reopened conversation is checked against, in position order. */
export async function enabledRoutingRules(ctx: Ctx): Promise<RoutingRuleView[]> {
  return (await selectRules(ctx.db, ctx.workspaceId)).filter((rule) => rule.enabled);
}

/**
 * Runs the workspace's enabled rules in position order against a conversation that was just
 * created or reopened by the customer; the first match sets team, tags and priority and leaves
 * a 'routed' line in the thread. Returns the conversation as it is afterwards.
 */
export async function applyRoutingRules(
  ctx: Ctx,
  conversation: ConversationRecord,
  facts: RoutingFacts,
  /** The workspace's enabled rules, when the caller has read them already. */
  enabled?: RoutingRuleView[],
): Promise<ConversationRecord> {
  const rules = enabled ?? (await enabledRoutingRules(ctx));
  if (!rules.length) return conversation;
  const needsHours = rules.some((rule) => rule.conditions.businessHours);
  const hours: TeamHours = new Map(
    needsHours
      ? (
          await ctx.db
            .select({ id: schema.teams.id, businessHours: schema.teams.businessHours })
            .from(schema.teams)
            .where(eq(schema.teams.workspaceId, ctx.workspaceId))
        ).map((team) => [team.id, team.businessHours])
      : [],
  );
  const text = words(facts.text);
  const rule = rules.find((candidate) =>
    matches(candidate, facts, text, conversation.teamId, hours),
  );
  if (!rule) return conversation;

  const { teamId, tagIds, priority } = rule.actions;
  if (tagIds?.length) {
    // Tags are checked when the rule is saved; a tag deleted since is skipped, not an error.
    const known = await ctx.db
      .select({ id: schema.tags.id })
      .from(schema.tags)
      .where(and(eq(schema.tags.workspaceId, ctx.workspaceId), inArray(schema.tags.id, tagIds)));
    if (known.length)
      await ctx.db
        .insert(schema.conversationTags)
        .values(
          known.map((tag) => ({
            workspaceId: ctx.workspaceId,
            conversationId: conversation.id,
            tagId: tag.id,
          })),
        )
        .onConflictDoNothing();
  }
  const teamExists =
    teamId &&
    (
      await ctx.db
        .select({ id: schema.teams.id })
        .from(schema.teams)
        .where(and(eq(schema.teams.id, teamId), eq(schema.teams.workspaceId, ctx.workspaceId)))
    ).length > 0;
  const [routed] = await ctx.db
    .update(c)
    .set({
      ...(teamExists ? { teamId } : {}),
      ...(priority !== undefined ? { priority } : {}),
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  const current = routed ?? conversation;
  await recordActivity(ctx, current, 'routed', {
    rule: rule.name,
    ruleId: rule.id,
    ...(teamExists ? { teamId } : {}),
  });
  return current;
}
