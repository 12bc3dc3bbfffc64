import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.join(' or ')} URL`,
    );

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const schema = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  PUBLIC_URL: url(['http:', 'https:']).transform((value) => value.replace(/\/+$/, '')),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters'),
  PORT: port(3000),
  SMTP_PORT: port(2525),
  TWILIO_API_BASE: url(['http:', 'https:'])
    .default('https://api.twilio.com')
    .transform((value) => value.replace(/\/+$/, '')),
  META_GRAPH_BASE: url(['http:', 'https:'])
    .default('https://graph.facebook.com')
    .transform((value) => value.replace(/\/+$/, '')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Redis key prefix for queues and pub/sub, so several deployments or test files can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('sb'),
  /** First retry delay for outbound sends; doubles on each attempt. */
  OUTBOUND_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  /** Inbound events one worker process holds at once; also the largest batch it files. */
  INBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(100),
  /** Postgres connections each api or worker process may open. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(20),
  /** How long an agent whose websockets all dropped stays online before turning away. */
  PRESENCE_GRACE_MS: z.coerce.number().int().min(10).default(60_000),
  /** Folder with the built web app that the api serves; empty to serve none. */
  WEB_DIST: z.string().default(''),
  /** Folder with the built chat widget (widget.js) that the api serves; empty to serve none. */
  WIDGET_DIST: z.string().default(''),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses configuration from an env-shaped object. Throws one readable line on the first bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path.join('.') ?? 'config';
  const problem =
    env[key] === undefined || env[key] === '' ? 'is missing' : (issue?.message ?? 'is invalid');
  throw new ConfigError(`Configuration error: ${key} ${problem}.`);
}

/** For process entry points: parse or print one clear line and exit. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Raw environment for tooling that runs before config exists (the start-up orchestrator, tests). */
export function readEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
