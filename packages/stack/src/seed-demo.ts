import { encryptJson, schema, type Database, type Executor, type InboxKind } from '@switchboard/db';
import { hashPassword } from '@switchboard/domain';
import { and, eq, sql } from 'drizzle-orm';
import { demo } from './demo';

export interface SeededDemo {
  workspaceId: string;
  inboxes: Record<'sms' | 'whatsappTwilio' | 'whatsappCloud' | 'email', string>;
}

interface DemoInbox {
  key: keyof SeededDemo['inboxes'];
  kind: InboxKind;
  name: string;
  address: string;
  externalId: string | null;
  credentials: Record<string, string>;
}

const twilioCredentials = { accountSid: demo.twilio.accountSid, authToken: demo.twilio.authToken };

/** One inbox per channel the sandbox plays, all served by the demo team. */
const demoInboxes = (options: { sandboxSmtpPort: number }): DemoInbox[] => [
  {
    key: 'sms',
    kind: 'sms_twilio',
    name: 'SMS',
    address: demo.twilio.smsNumber,
    externalId: demo.twilio.accountSid,
    credentials: twilioCredentials,
  },
  {
    key: 'whatsappTwilio',
    kind: 'whatsapp_twilio',
    name: 'WhatsApp (Twilio)',
    address: demo.twilio.whatsappNumber,
    externalId: demo.twilio.accountSid,
    credentials: twilioCredentials,
  },
  {
    key: 'whatsappCloud',
    kind: 'whatsapp_cloud',
    name: 'WhatsApp',
    address: demo.meta.displayPhoneNumber,
    externalId: demo.meta.phoneNumberId,
    credentials: {
      wabaId: demo.meta.wabaId,
      accessToken: demo.meta.accessToken,
      appSecret: demo.meta.appSecret,
      verifyToken: demo.meta.verifyToken,
    },
  },
  {
    key: 'email',
    kind: 'email',
    name: 'Email',
    address: demo.email.address,
    externalId: null,
    // Forwarded mail comes in through the SMTP listener; replies go to the sandbox's mail server.
    credentials: {
      smtpHost: '127.0.0.1',
      smtpPort: String(options.sandboxSmtpPort),
      smtpSecure: 'false',
    },
  },
];

/**
 * Creates the demo workspace once, and any demo inbox a newer version added; later starts
 * change nothing else.
 */
export async function seedDemo(
  db: Database,
  options: { secretKey: string; password: string; sandboxSmtpPort: number },
): Promise<SeededDemo> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7242002)`);
    const [existing] = await tx
      .select({ workspaceId: schema.users.workspaceId })
      .from(schema.users)
      .where(eq(sql`lower(${schema.users.email})`, demo.users[0].email));
    const workspaceId = existing?.workspaceId ?? (await createWorkspace(tx, options.password));
    const [team] = await tx
      .select({ id: schema.teams.id })
      .from(schema.teams)
      .where(and(eq(schema.teams.workspaceId, workspaceId), eq(schema.teams.name, demo.teamName)));
    const inboxes = {} as SeededDemo['inboxes'];
    for (const spec of demoInboxes(options)) {
      inboxes[spec.key] = await ensureInbox(tx, workspaceId, team?.id ?? null, spec, options);
    }
    return { workspaceId, inboxes };
  });
}

async function ensureInbox(
  db: Executor,
  workspaceId: string,
  teamId: string | null,
  spec: DemoInbox,
  options: { secretKey: string },
): Promise<string> {
  // Encrypted on every start: the key may have changed since the seed (a new .data/secret-key).
  const credentialsEncrypted = encryptJson(spec.credentials, options.secretKey);
  const [found] = await db
    .select({ id: schema.inboxes.id })
    .from(schema.inboxes)
    .where(
      and(
        eq(schema.inboxes.workspaceId, workspaceId),
        eq(schema.inboxes.kind, spec.kind),
        eq(schema.inboxes.address, spec.address),
      ),
    );
  if (found) {
    await db
      .update(schema.inboxes)
      .set({ credentialsEncrypted })
      .where(eq(schema.inboxes.id, found.id));
    return found.id;
  }
  const [created] = await db
    .insert(schema.inboxes)
    .values({
      workspaceId,
      kind: spec.kind,
      name: spec.name,
      address: spec.address,
      externalId: spec.externalId,
      credentialsEncrypted,
      defaultTeamId: teamId,
    })
    .returning({ id: schema.inboxes.id });
  if (!created) throw new Error('inbox insert failed');
  return created.id;
}

async function createWorkspace(db: Executor, password: string): Promise<string> {
  const [workspace] = await db
    .insert(schema.workspaces)
    .values({ name: demo.workspaceName })
    .returning();
  if (!workspace) throw new Error('workspace insert failed');
  const passwordHash = await hashPassword(password);
  const users = await db
    .insert(schema.users)
    .values(
      demo.users.map((user) => ({
        ...user,
        workspaceId: workspace.id,
        passwordHash,
        presence: 'online' as const,
      })),
    )
    .returning();
  const [team] = await db
    .insert(schema.teams)
    .values({ workspaceId: workspace.id, name: demo.teamName })
    .returning();
  if (!team) throw new Error('team insert failed');
  await db
    .insert(schema.teamMembers)
    .values(
      users
        .filter((user) => user.role === 'agent')
        .map((user) => ({ workspaceId: workspace.id, teamId: team.id, userId: user.id })),
    );
  return workspace.id;
}
