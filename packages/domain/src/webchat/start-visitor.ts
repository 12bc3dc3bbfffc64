import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { contactIdByIdentity } from '../contacts/find-by-identity';
import { Unauthorized } from '../errors';
import type { WebchatSite } from './inbox';
import { newVisitorId, signVisitorToken, verifyVisitorToken } from './visitor-token';

export interface StartVisitorInput {
  inbox: WebchatSite;
  /** A token the browser kept: the same visitor continues. */
  token?: string | undefined;
  name?: string | undefined;
  /** Lower-cased, validated by the caller. */
  email?: string | undefined;
  /** E.164, validated by the caller. */
  phone?: string | undefined;
  /** The browser's language ("es"): automatic messages and follow-ups use it. */
  language?: string | undefined;
}

export const invalidVisitorToken = () =>
  Unauthorized(
    'invalid_visitor_token',
    'The visitor token is missing, forged or for another chat.',
  );

/**
 * Starts (or resumes) a web chat visitor: a contact with the identity (web, visitorId). An email
 * or phone already known in the workspace joins the visitor to that contact, so the agent sees
 * their email or SMS history in the same place.
 */
export async function startWebchatVisitor({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: StartVisitorInput;
}): Promise<{ token: string; visitorId: string }> {
  const { inbox } = input;
  let visitorId = newVisitorId();
  if (input.token) {
    const verified = verifyVisitorToken(ctx.deps.secretKey, input.token);
    if (!verified || verified.inboxId !== inbox.id) throw invalidVisitorToken();
    visitorId = verified.visitorId;
  }
  const identities = [
    { kind: 'web' as const, address: visitorId },
    ...(input.email ? [{ kind: 'email' as const, address: input.email }] : []),
    ...(input.phone ? [{ kind: 'phone' as const, address: input.phone }] : []),
  ];
  // The same keys inbound processing locks, always in this order: one contact per identity.
  for (const identity of identities) {
    const key = `${ctx.workspaceId}:${identity.kind}:${identity.address}`;
    await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }

  const visitorContact = await contactIdByIdentity(ctx, 'web', visitorId);
  const emailContact = input.email ? await contactIdByIdentity(ctx, 'email', input.email) : null;
  const phoneContact = input.phone
    ? ((await contactIdByIdentity(ctx, 'phone', input.phone)) ??
      (await contactIdByIdentity(ctx, 'whatsapp', input.phone)))
    : null;
  const contactId =
    visitorContact ?? emailContact ?? phoneContact ?? (await newContact(ctx, input.name));

  const owners = { web: visitorContact, email: emailContact, phone: phoneContact };
  const missing = identities.filter((identity) => !owners[identity.kind]);
  if (missing.length) {
    await ctx.db.insert(schema.contactIdentities).values(
      missing.map((identity) => ({
        workspaceId: ctx.workspaceId,
        contactId,
        ...identity,
        displayName: identity.kind === 'web' ? (input.name ?? null) : null,
      })),
    );
  }
  if (input.name || input.language) {
    // A name or language the agent already knows (or typed in) is kept.
    await ctx.db
      .update(schema.contacts)
      .set({
        name: sql`coalesce(${schema.contacts.name}, ${input.name ?? null})`,
        language: sql`coalesce(${schema.contacts.language}, ${input.language ?? null})`,
      })
      .where(
        and(eq(schema.contacts.id, contactId), eq(schema.contacts.workspaceId, ctx.workspaceId)),
      );
  }
  return {
    token: signVisitorToken(ctx.deps.secretKey, { inboxId: inbox.id, visitorId }),
    visitorId,
  };
}

async function newContact(ctx: Ctx, name: string | undefined): Promise<string> {
  const [contact] = await ctx.db
    .insert(schema.contacts)
    .values({ workspaceId: ctx.workspaceId, name: name ?? null })
    .returning({ id: schema.contacts.id });
  if (!contact) throw new Error('contact insert returned nothing');
  return contact.id;
}
