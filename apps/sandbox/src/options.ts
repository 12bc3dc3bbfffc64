import { z } from 'zod';

/** A phone number as Twilio writes it: E.164, optionally behind a channel prefix. */
export const phoneAddress = z
  .string()
  .trim()
  .regex(/^(whatsapp:)?\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100');

const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'must be an http(s) URL',
  });

export const twilioAccountSchema = z.object({
  // The Message resource's account_sid must match this pattern (see the spec), so accept no other.
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits'),
  authToken: z.string().min(1),
});

export const twilioNumberSchema = z.object({
  number: phoneAddress,
  accountSid: z.string().min(1),
  smsUrl: httpUrl,
});

/** Graph object ids (phone number, WhatsApp Business Account) are numeric strings. */
const graphId = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'must be a numeric Graph id such as 106540352242922');

export const metaNumberSchema = z.object({
  phoneNumberId: graphId,
  displayPhoneNumber: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15550783881'),
  wabaId: graphId,
  accessToken: z.string().min(1),
  appSecret: z.string().min(1),
  webhookUrl: httpUrl,
  /** What Meta sends as hub.verify_token when it checks the callback URL. */
  verifyToken: z.string().min(1).optional(),
});

const portNumber = z.number().int().min(0).max(65535);

export const mailOptionsSchema = z.object({
  /**
   * Where Switchboard's email inboxes send their outbound mail. Left out, a sandbox built in
   * code listens on any free port (parallel tests never collide) and `main.ts` on 2526.
   */
  smtpPort: portNumber.optional(),
  /** Switchboard's listener for forwarded mail: where customers' mail is delivered. */
  deliverTo: z
    .object({ host: z.string().trim().min(1).default('127.0.0.1'), port: portNumber.default(2525) })
    .default({ host: '127.0.0.1', port: 2525 }),
  /** The support address the mail page offers to write to. */
  supportAddress: z.email().optional(),
});

export const sandboxOptionsSchema = z.object({
  twilio: z
    .object({
      accounts: z.array(twilioAccountSchema).default([]),
      numbers: z.array(twilioNumberSchema).default([]),
      /** Customer number → Twilio error code its messages end with (e.g. 30003). */
      failNumbers: z.record(phoneAddress, z.number().int().positive()).default({}),
    })
    .default({ accounts: [], numbers: [], failNumbers: {} }),
  meta: z.object({ numbers: z.array(metaNumberSchema).default([]) }).default({ numbers: [] }),
  mail: mailOptionsSchema.default({ deliverTo: { host: '127.0.0.1', port: 2525 } }),
  /** The demo shop page (/shop): where the chat widget comes from and which web chat it opens. */
  shop: z.object({ widgetUrl: httpUrl, inboxId: z.string().trim().min(1) }).optional(),
  /** Pause before each status change of an outgoing message, and before a bounce or auto-reply. */
  statusDelayMs: z.number().int().min(0).default(300),
  /** Fastify logger; off by default so tests stay quiet. */
  logger: z.union([z.boolean(), z.object({ level: z.string() })]).default(false),
});

export type SandboxOptions = z.input<typeof sandboxOptionsSchema>;
export type ResolvedSandboxOptions = z.output<typeof sandboxOptionsSchema>;
export type TwilioAccount = z.output<typeof twilioAccountSchema>;
export type TwilioNumber = z.output<typeof twilioNumberSchema>;
export type MetaNumber = z.output<typeof metaNumberSchema>;
export type MailOptions = z.output<typeof mailOptionsSchema>;

export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

/** Validates options once at start-up and names the first bad value in one line. */
export function resolveSandboxOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const parsed = sandboxOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxConfigError(
      `Sandbox options: ${issue?.path.join('.') || 'options'} ${issue?.message ?? 'is invalid'}`,
    );
  }
  const accounts = new Set(parsed.data.twilio.accounts.map((account) => account.accountSid));
  const orphan = parsed.data.twilio.numbers.find((entry) => !accounts.has(entry.accountSid));
  if (orphan) {
    throw new SandboxConfigError(
      `Sandbox options: number ${orphan.number} belongs to unknown account ${orphan.accountSid}`,
    );
  }
  const phoneNumberIds = new Set<string>();
  for (const entry of parsed.data.meta.numbers) {
    if (phoneNumberIds.has(entry.phoneNumberId)) {
      throw new SandboxConfigError(
        `Sandbox options: meta number ${entry.phoneNumberId} is listed twice`,
      );
    }
    phoneNumberIds.add(entry.phoneNumberId);
  }
  return parsed.data;
}
