import { schema } from '@switchboard/db';
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requestAssignment } from '../assignment/index';
import type { ConversationRecord } from '../conversations/load';
import {
  automaticMessageTarget,
  sendAutomaticMessage,
  type CustomerLanguage,
} from '../messages/automatic-message';
import { teamIsAttending } from '../teams/attending';
import { idArray } from '../sql-array';

const c = schema.conversations;
const m = schema.messages;

const DEFAULT_EXPECTED_MINUTES = 60;
const DEFAULT_MINUTES_PER_CONVERSATION = 3;

const OFFLINE_TEXT: Record<CustomerLanguage, string> = {
  en: 'Thanks for writing. Nobody is available right now; your reference is {{reference}} and we expect to answer within about {{minutes}} minutes.',
  es: 'Gracias por escribirnos. En este momento no hay nadie disponible; tu referencia es {{reference}} y esperamos responderte en unos {{minutes}} minutos.',
  pt: 'Obrigado pela mensagem. No momento não há ninguém disponível; sua referência é {{reference}} e esperamos responder em cerca de {{minutes}} minutos.',
};

const QUEUE_TEXT: Record<CustomerLanguage, string> = {
  en: 'Thanks for writing (reference {{reference}}). You are number {{position}} in line, about {{minutes}} minutes.',
  es: 'Gracias por escribirnos (referencia {{reference}}). Eres el número {{position}} en la fila, unos {{minutes}} minutos.',
  pt: 'Obrigado pela mensagem (referência {{reference}}). Você é o número {{position}} na fila, cerca de {{minutes}} minutos.',
};

/**
 * The job that decides, after the transaction commits, whether a conversation that just
 * entered Waiting earns an automatic reply. Keyed by the waiting period, so entering Waiting
 * twice in one period schedules one. Call it wherever a conversation is put in Waiting.
 */
export function autoReplyJob(
  ctx: Ctx,
  conversation: Pick<ConversationRecord, 'id' | 'waitingSince'>,
) {
  return {
    name: 'automation.auto_reply' as const,
    payload: {
      workspaceId: ctx.workspaceId,
      conversationId: conversation.id,
      since: (conversation.waitingSince ?? new Date()).getTime(),
    },
  };
}

/**
 * Of these teams, those with an automatic reply switched on: only their waiting conversations
 * need the job (a team switching it on later answers conversations that enter Waiting after).
 */
export async function teamsWithAutoReply(
  ctx: Ctx,
  teamIds: ReadonlyArray<string | null>,
): Promise<Set<string>> {
  const ids = [...new Set(teamIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Set();
  const t = schema.teams;
  const rows = await ctx.db
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        eq(t.workspaceId, ctx.workspaceId),
        sql`${t.id} = any(${idArray(ids, 'uuid')})`,
        sql`((${t.autoReply} #>> '{offline,enabled}')::boolean
          or (${t.autoReply} #>> '{queuePosition,enabled}')::boolean) is true`,
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** Fills `{{name}}` placeholders; only the values' own keys count, anything else stays as written. */
export const fillAutoReply = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );

/**
 * Sends the customer one automatic message when their conversation waits for a team that is
 * outside its business hours or has nobody online (`autoReply.offline`), else their place in
 * the queue (`autoReply.queuePosition`). At most one per waiting period. It goes out through
 * the normal outbound path, marked `automatic`, written by the system rather than an agent,
 * and leaves the conversation's phase and response times alone: no agent has answered yet.
 */
export async function sendAutoReply({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { conversationId: string };
}): Promise<'sent' | 'skipped'> {
  const [conversation] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.id, input.conversationId), eq(c.workspaceId, ctx.workspaceId)))
    .for('update');
  if (!conversation || conversation.status !== 'waiting' || !conversation.teamId) return 'skipped';
  // While this lock is held an assignment run skips the row (SKIP LOCKED) and counts on its
  // holder to settle it: ask for another run once this commits, whatever happens below.
  requestAssignment(ctx, conversation.teamId);

  const [already] = await ctx.db
    .select({ id: m.id })
    .from(m)
    .where(
      and(
        eq(m.conversationId, conversation.id),
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.direction, 'outbound'),
        sql`(${m.metadata}->>'automatic')::boolean is true`,
        conversation.waitingSince ? gte(m.createdAt, conversation.waitingSince) : undefined,
      ),
    )
    .limit(1);
  if (already) return 'skipped';

  const [team] = await ctx.db
    .select()
    .from(schema.teams)
    .where(
      and(eq(schema.teams.id, conversation.teamId), eq(schema.teams.workspaceId, ctx.workspaceId)),
    );
  if (!team) return 'skipped';
  const { offline, queuePosition } = team.autoReply;
  if (!offline?.enabled && !queuePosition?.enabled) return 'skipped';

  const target = await automaticMessageTarget(ctx, conversation);
  if (!target) return 'skipped';
  const { language } = target;

  let text: string;
  let kind: 'offline' | 'queue_position';
  if (offline?.enabled && !(await teamIsAttending(ctx, team.id))) {
    kind = 'offline';
    text = fillAutoReply(offline.text?.trim() || OFFLINE_TEXT[language], {
      reference: conversation.reference,
      minutes: offline.expectedResponseMinutes ?? DEFAULT_EXPECTED_MINUTES,
    });
  } else if (queuePosition?.enabled) {
    kind = 'queue_position';
    const position = await placeInQueue(ctx, conversation);
    text = fillAutoReply(QUEUE_TEXT[language], {
      reference: conversation.reference,
      position,
      minutes:
        position * (queuePosition.minutesPerConversation ?? DEFAULT_MINUTES_PER_CONVERSATION),
    });
  } else {
    return 'skipped';
  }

  await sendAutomaticMessage(ctx, conversation, target, { text, metadata: { autoReply: kind } });
  return 'sent';
}

/** 1 for the oldest waiting conversation of the team. */
async function placeInQueue(ctx: Ctx, conversation: ConversationRecord): Promise<number> {
  const since = conversation.waitingSince ?? new Date();
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.status, 'waiting'),
        conversation.teamId ? eq(c.teamId, conversation.teamId) : isNull(c.teamId),
        or(lte(c.waitingSince, since), eq(c.id, conversation.id)),
      ),
    );
  return Math.max(1, row?.n ?? 1);
}
