import { encryptJson, schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { Forbidden, Invalid } from '../errors';

export interface MailServer {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
}

interface InboxBase {
  name: string;
  /** What customers write to: the business number in E.164, or the support email address. */
  address: string;
  defaultTeamId?: string | undefined;
}

export type CreateInboxInput =
  | (InboxBase & {
      kind: 'sms_twilio' | 'whatsapp_twilio';
      accountSid: string;
      authToken: string;
    })
  | (InboxBase & {
      kind: 'email';
      /** Where agents' replies are sent from. */
      smtp: MailServer;
      /** Read mail from a mailbox; without it, mail arrives forwarded to the SMTP listener. */
      imap?:
        | (MailServer & { mailbox?: string | undefined; backfillDays?: number | undefined })
        | undefined;
    })
  | (InboxBase & {
      kind: 'whatsapp_cloud';
      /** Meta's Phone-Number-ID of the business number. */
      phoneNumberId: string;
      wabaId: string;
      accessToken: string;
      appSecret: string;
      verifyToken: string;
    });

/** What each kind keeps public (externalId) and secret (encrypted credentials). */
function split(input: CreateInboxInput) {
  if (input.kind === 'whatsapp_cloud') {
    const { phoneNumberId, wabaId, accessToken, appSecret, verifyToken } = input;
    return {
      externalId: phoneNumberId,
      credentials: { wabaId, accessToken, appSecret, verifyToken },
    };
  }
  if (input.kind === 'email') return { externalId: null, credentials: mailCredentials(input) };
  const { accountSid, authToken } = input;
  return { externalId: accountSid, credentials: { accountSid, authToken } };
}

/** Flat strings, the shape every adapter reads its credentials in. */
function mailCredentials(input: Extract<CreateInboxInput, { kind: 'email' }>) {
  const { smtp, imap } = input;
  return {
    smtpHost: smtp.host,
    smtpPort: String(smtp.port),
    smtpSecure: String(smtp.secure),
    ...(smtp.user ? { smtpUser: smtp.user, smtpPass: smtp.password ?? '' } : {}),
    ...(imap
      ? {
          imapHost: imap.host,
          imapPort: String(imap.port),
          imapSecure: String(imap.secure),
          imapUser: imap.user ?? '',
          imapPass: imap.password ?? '',
          imapMailbox: imap.mailbox ?? 'INBOX',
          backfillDays: String(imap.backfillDays ?? 14),
        }
      : {}),
  };
}

/** Connects a provider number (admins only). Credentials are encrypted before they are stored. */
export async function createInbox({ ctx, input }: { ctx: Ctx; input: CreateInboxInput }) {
  const user = requireUser(ctx.actor);
  if (user.role !== 'admin') throw Forbidden('Only admins can connect inboxes.');
  if (input.defaultTeamId) {
    const [team] = await ctx.db
      .select({ id: schema.teams.id })
      .from(schema.teams)
      .where(
        and(
          eq(schema.teams.id, input.defaultTeamId),
          eq(schema.teams.workspaceId, ctx.workspaceId),
        ),
      );
    if (!team) throw Invalid('unknown_team', 'That team does not exist in this workspace.');
  }
  const { externalId, credentials } = split(input);
  const [inbox] = await ctx.db
    .insert(schema.inboxes)
    .values({
      workspaceId: ctx.workspaceId,
      kind: input.kind,
      name: input.name,
      address: input.address,
      externalId,
      credentialsEncrypted: encryptJson(credentials, ctx.deps.secretKey),
      defaultTeamId: input.defaultTeamId ?? null,
    })
    .returning({
      id: schema.inboxes.id,
      kind: schema.inboxes.kind,
      name: schema.inboxes.name,
      address: schema.inboxes.address,
      externalId: schema.inboxes.externalId,
    });
  if (!inbox) throw new Error('inbox insert returned nothing');
  return inbox;
}
