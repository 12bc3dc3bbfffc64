import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createDb, runMigrations } from '@switchboard/db';
import { demo } from './demo';
import { repoRoot } from './paths';
import { ensureDatabase, providePostgres } from './postgres';
import { runProcess } from './processes';
import { provideRedis, RedisUnavailableError } from './redis';
import { demoSecretKey } from './secret-key';
import { seedDemoHistory } from './demo-history';
import { seedDemo } from './seed-demo';

/**
 * `npm start`: provisions Postgres and Redis when none are configured, migrates, seeds the
 * demo and runs api, worker and the provider sandbox until Ctrl+C.
 */
async function main() {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  const sandboxPort = Number(env.SANDBOX_PORT ?? 3100);
  const sandboxSmtpPort = Number(env.SANDBOX_SMTP_PORT ?? 2526);
  const smtpPort = Number(env.SMTP_PORT ?? 2525);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const password = env.DEMO_PASSWORD ?? 'switchboard';

  step('Postgres');
  const postgres = await providePostgres(env.DATABASE_URL);
  const databaseUrl = env.DATABASE_URL ?? (await ensureDatabase(postgres.adminUrl, 'switchboard'));
  step('Redis');
  const redis = await provideRedis(env.REDIS_URL);
  step('Migrations');
  await runMigrations(databaseUrl);
  const secretKey = demoSecretKey(env.SECRET_KEY);
  step('Demo data');
  const database = createDb(databaseUrl, { max: 2 });
  const seeded = await seedDemo(database.db, {
    secretKey,
    password,
    sandboxSmtpPort,
    shopOrigins: [`http://localhost:${sandboxPort}`, `http://127.0.0.1:${sandboxPort}`],
  });
  // A month of closed conversations, so the supervisor's indicators have something to show.
  await seedDemoHistory(database.db, seeded);
  await database.close();

  const shared = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    PUBLIC_URL: publicUrl,
    SECRET_KEY: secretKey,
    PORT: String(port),
    SMTP_PORT: String(smtpPort),
    TWILIO_API_BASE: env.TWILIO_API_BASE ?? sandboxUrl,
    META_GRAPH_BASE: env.META_GRAPH_BASE ?? sandboxUrl,
    WEB_DIST: env.WEB_DIST ?? join(repoRoot, 'apps/web/dist'),
    WIDGET_DIST: env.WIDGET_DIST ?? join(repoRoot, 'apps/widget/dist'),
    // Request logs drown the welcome text; problems still show.
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  };
  const sandboxConfig = {
    twilio: {
      accounts: [{ accountSid: demo.twilio.accountSid, authToken: demo.twilio.authToken }],
      numbers: [
        {
          number: demo.twilio.smsNumber,
          accountSid: demo.twilio.accountSid,
          smsUrl: `${publicUrl}/webhooks/twilio/${seeded.inboxes.sms}`,
        },
        {
          number: `whatsapp:${demo.twilio.whatsappNumber}`,
          accountSid: demo.twilio.accountSid,
          smsUrl: `${publicUrl}/webhooks/twilio/${seeded.inboxes.whatsappTwilio}`,
        },
      ],
    },
    mail: {
      smtpPort: sandboxSmtpPort,
      deliverTo: { host: '127.0.0.1', port: smtpPort },
      supportAddress: demo.email.address,
    },
    // The demo shop page embeds the chat widget from the api, talking to the demo web chat.
    shop: { widgetUrl: `${publicUrl}/widget.js`, inboxId: seeded.inboxes.webchat },
    meta: {
      numbers: [
        {
          phoneNumberId: demo.meta.phoneNumberId,
          displayPhoneNumber: demo.meta.displayPhoneNumber,
          wabaId: demo.meta.wabaId,
          accessToken: demo.meta.accessToken,
          appSecret: demo.meta.appSecret,
          webhookUrl: `${publicUrl}/webhooks/whatsapp/${seeded.inboxes.whatsappCloud}`,
        },
      ],
    },
  };
  const children: ChildProcess[] = [
    runProcess('api', 'apps/api/src/main.ts', shared),
    runProcess('worker', 'apps/worker/src/main.ts', shared),
    runProcess('sandbox', 'apps/sandbox/src/main.ts', {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_CONFIG: JSON.stringify(sandboxConfig),
      SANDBOX_LOG_LEVEL: env.SANDBOX_LOG_LEVEL ?? shared.LOG_LEVEL,
    }),
  ];

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : child.once('exit', resolve),
          ),
      ),
    );
    await redis.stop();
    await postgres.stop();
    process.exit(code);
  };
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`A process stopped (exit ${code}); shutting down.`);
        void stop(1);
      }
    });
  }
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  await waitForReady(`http://127.0.0.1:${port}/readyz`);
  printWelcome({ publicUrl, sandboxUrl: `http://localhost:${sandboxPort}`, password });
}

function step(name: string) {
  console.log(`\u001b[2m• ${name}…\u001b[0m`);
}

async function waitForReady(url: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The api did not become ready at ${url}`);
}

function printWelcome({
  publicUrl,
  sandboxUrl,
  password,
}: {
  publicUrl: string;
  sandboxUrl: string;
  password: string;
}) {
  const lines = [
    '',
    '  Switchboard is running.',
    '',
    `  Inbox              ${publicUrl}`,
    `  Customer SMS       ${sandboxUrl}/phone      (text the demo number ${demo.twilio.smsNumber})`,
    `  Customer WhatsApp  ${sandboxUrl}/whatsapp   (${demo.meta.displayPhoneNumber} Cloud API, ${demo.twilio.whatsappNumber} Twilio)`,
    `  Customer email     ${sandboxUrl}/mail       (write to ${demo.email.address})`,
    `  Busy day           ${sandboxUrl}/rush       (many new customers write at once)`,
    `  Customer web chat  ${sandboxUrl}/shop       (the demo shop's page with the chat widget)`,
    `  API docs           ${publicUrl}/api/docs`,
    '',
    `  Sign in as agent1@demo.test, agent2@demo.test, supervisor@demo.test or admin@demo.test`,
    `  Password           ${password}`,
    '',
    '  Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof RedisUnavailableError ? error.message : error);
  process.exit(1);
});
