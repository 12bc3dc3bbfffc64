import { encryptJson, schema, type Database, type Executor, type InboxKind } from '@switchboard/db';
import { hashPassword } from '@switchboard/domain';
import { and, eq, sql } from 'drizzle-orm';
import { demo } from './demo';

export interface SeededDemo {
  workspaceId: string;
  inboxes: Record<'sms' | 'whatsappTwilio' | 'whatsappCloud' | 'email' | 'webchat', string>;
}

interface DemoInbox {
  key: keyof SeededDemo['inboxes'];
  kind: InboxKind;
  name: string;
  address: string;
  externalId: string | null;
  credentials: Record<string, string>;
  /** Only when the inbox is created: later starts keep what an admin changed. */
  settings?: Record<string, unknown>;
}

const twilioCredentials = { accountSid: demo.twilio.accountSid, authToken: demo.twilio.authToken };

/** One inbox per channel the sandbox plays, all served by the demo team. */
const demoInboxes = (options: { sandboxSmtpPort: number; shopOrigins: string[] }): DemoInbox[] => [
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
  {
    // The chat widget on the demo shop's site; visitors come in through the public API.
    key: 'webchat',
    kind: 'webchat',
    name: 'Web chat',
    address: 'demo-shop',
    externalId: null,
    credentials: {},
    settings: {
      webchat: {
        greeting: '¡Hola! ¿En qué podemos ayudarte?',
        color: '#228be6',
        position: 'right',
        // Links in email and SMS follow-ups lead back to the shop's page.
        siteOrigins: options.shopOrigins,
      },
    },
  },
];

/**
 * Creates the demo workspace once, and any demo inbox a newer version added; later starts
 * change nothing else.
 */
export async function seedDemo(
  db: Database,
  options: { secretKey: string; password: string; sandboxSmtpPort: number; shopOrigins: string[] },
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
    if (team) await ensureRouting(tx, workspaceId, team.id);
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
      ...(spec.settings ? { settings: spec.settings } : {}),
    })
    .returning({ id: schema.inboxes.id });
  if (!created) throw new Error('inbox insert failed');
  return created.id;
}

async function createWorkspace(db: Executor, password: string): Promise<string> {
  const [workspace] = await db
    .insert(schema.workspaces)
    // A Latin American shop: automatic replies speak Spanish unless the contact's language is known.
    .values({
      name: demo.workspaceName,
      settings: { defaultLocale: 'es', timeZone: 'America/Mexico_City' },
    })
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
        // Agents say when they are available (the presence menu); automatic assignment waits.
        presence: 'offline' as const,
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

/**
 * So a demo shows routing: a Billing team (agent2 in it) that billing words go to, tagged,
 * and office hours with an offline auto-reply on Support. Added once, also to an older demo
 * database; an admin's later changes are left alone.
 */
async function ensureRouting(db: Executor, workspaceId: string, supportId: string) {
  const [existing] = await db
    .select({ id: schema.teams.id })
    .from(schema.teams)
    .where(
      and(eq(schema.teams.workspaceId, workspaceId), eq(schema.teams.name, demo.billingTeamName)),
    );
  if (existing) return;
  const [billing] = await db
    .insert(schema.teams)
    // Round robin, so a demo shows automatic assignment once agent2 is online.
    .values({ workspaceId, name: demo.billingTeamName, assignmentMode: 'round_robin' })
    .returning({ id: schema.teams.id });
  if (!billing) throw new Error('team insert failed');
  const [agent2] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(eq(schema.users.workspaceId, workspaceId), eq(schema.users.email, 'agent2@demo.test')),
    );
  if (agent2)
    await db
      .insert(schema.teamMembers)
      .values({ workspaceId, teamId: billing.id, userId: agent2.id })
      .onConflictDoNothing();
  await db
    .insert(schema.tags)
    .values({ workspaceId, name: 'billing', color: 'green' })
    .onConflictDoNothing();
  const [tag] = await db
    .select({ id: schema.tags.id })
    .from(schema.tags)
    .where(
      and(eq(schema.tags.workspaceId, workspaceId), sql`lower(${schema.tags.name}) = 'billing'`),
    );
  await db.insert(schema.routingRules).values({
    workspaceId,
    name: 'Billing questions',
    position: 0,
    conditions: {
      keywords: [
        'factura',
        'facturas',
        'invoice',
        'invoices',
        'pago',
        'payment',
        'refund',
        'reembolso',
        'cobro',
      ],
    },
    actions: { teamId: billing.id, ...(tag ? { tagIds: [tag.id] } : {}), priority: 1 },
  });
  await db
    .update(schema.teams)
    .set({
      businessHours: {
        timeZone: 'America/Mexico_City',
        days: {
          '1': ['09:00-18:00'],
          '2': ['09:00-18:00'],
          '3': ['09:00-18:00'],
          '4': ['09:00-18:00'],
          '5': ['09:00-18:00'],
        },
      },
      autoReply: { offline: { enabled: true, expectedResponseMinutes: 120 } },
    })
    .where(and(eq(schema.teams.id, supportId), eq(schema.teams.workspaceId, workspaceId)));
}
