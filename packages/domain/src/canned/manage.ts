import { schema } from '@switchboard/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors';

const r = schema.cannedResponses;

export interface CannedResponseView {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

const columns = { id: r.id, shortcut: r.shortcut, title: r.title, body: r.body };
const SHORTCUT = /^[a-z0-9_-]{1,32}$/;

function clean(input: {
  shortcut?: string | undefined;
  title?: string | undefined;
  body?: string | undefined;
}) {
  const shortcut = input.shortcut?.trim();
  if (shortcut !== undefined && !SHORTCUT.test(shortcut))
    throw Invalid('invalid_shortcut', 'A shortcut has 1 to 32 of a-z, 0-9, _ and -.');
  const title = input.title?.trim();
  if (title !== undefined && (!title || title.length > 100))
    throw Invalid('invalid_title', 'A title has 1 to 100 characters.');
  const body = input.body?.replace(/\r\n/g, '\n').trim();
  if (body !== undefined && (!body || body.length > 4096))
    throw Invalid('invalid_body', 'A canned response has 1 to 4096 characters.');
  return { shortcut, title, body };
}

async function assertFree(ctx: Ctx, shortcut: string, exceptId?: string) {
  const [taken] = await ctx.db
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.workspaceId, ctx.workspaceId),
        sql`lower(${r.shortcut}) = lower(${shortcut})`,
        exceptId ? ne(r.id, exceptId) : undefined,
      ),
    );
  if (taken) throw Conflict('shortcut_exists', `The shortcut /${shortcut} is already used.`);
}

function requireStaff(ctx: Ctx) {
  if (!isStaff(ctx.actor)) throw Forbidden('Only supervisors and admins manage canned responses.');
}

/** The workspace's canned responses, by shortcut. */
export async function listCannedResponses({ ctx }: { ctx: Ctx }): Promise<CannedResponseView[]> {
  requireUser(ctx.actor);
  return ctx.db
    .select(columns)
    .from(r)
    .where(eq(r.workspaceId, ctx.workspaceId))
    .orderBy(r.shortcut);
}

export async function createCannedResponse({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { shortcut: string; title: string; body: string };
}): Promise<CannedResponseView> {
  requireStaff(ctx);
  const { shortcut, title, body } = clean(input);
  await assertFree(ctx, shortcut!);
  const [row] = await ctx.db
    .insert(r)
    .values({
      workspaceId: ctx.workspaceId,
      shortcut: shortcut!,
      title: title!,
      body: body!,
      createdById: requireUser(ctx.actor).id,
    })
    .returning(columns);
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateCannedResponse({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    id: string;
    shortcut?: string | undefined;
    title?: string | undefined;
    body?: string | undefined;
  };
}): Promise<CannedResponseView> {
  requireStaff(ctx);
  const values = clean(input);
  if (values.shortcut) await assertFree(ctx, values.shortcut, input.id);
  const [row] = await ctx.db
    .update(r)
    .set({
      ...(values.shortcut ? { shortcut: values.shortcut } : {}),
      ...(values.title ? { title: values.title } : {}),
      ...(values.body ? { body: values.body } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(r.id, input.id), eq(r.workspaceId, ctx.workspaceId)))
    .returning(columns);
  if (!row) throw NotFound('Canned response');
  return row;
}

export async function deleteCannedResponse({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  requireStaff(ctx);
  const [row] = await ctx.db
    .delete(r)
    .where(and(eq(r.id, input.id), eq(r.workspaceId, ctx.workspaceId)))
    .returning({ id: r.id });
  if (!row) throw NotFound('Canned response');
}
