import { readFileSync } from 'node:fs';
import { buildSandbox, SandboxConfigError, type SandboxOptions } from './index';

/** Entry point: options from SANDBOX_CONFIG (JSON) or SANDBOX_CONFIG_FILE (a JSON file). */
function readOptions(env: NodeJS.ProcessEnv): SandboxOptions {
  const source = env.SANDBOX_CONFIG
    ? { name: 'SANDBOX_CONFIG', text: env.SANDBOX_CONFIG }
    : env.SANDBOX_CONFIG_FILE
      ? { name: env.SANDBOX_CONFIG_FILE, text: readFileSync(env.SANDBOX_CONFIG_FILE, 'utf8') }
      : undefined;
  if (!source) return {};
  try {
    return JSON.parse(source.text) as SandboxOptions;
  } catch (error) {
    throw new SandboxConfigError(`${source.name} is not valid JSON: ${(error as Error).message}`);
  }
}

const DEFAULT_SMTP_PORT = 2526;

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SandboxConfigError(`SANDBOX_PORT must be a port number, got "${value}"`);
  }
  return port;
}

try {
  const options = readOptions(process.env);
  const port = readPort(process.env.SANDBOX_PORT);
  const app = buildSandbox({
    ...options,
    // The process (the demo) has a fixed SMTP port Switchboard's email inboxes can be told.
    mail: { ...options.mail, smtpPort: options.mail?.smtpPort ?? DEFAULT_SMTP_PORT },
    logger: options.logger ?? { level: process.env.SANDBOX_LOG_LEVEL ?? 'info' },
  });
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  const address = app.server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  // Plain stdout line so launchers can read where the sandbox listens.
  console.log(
    `Sandbox listening on ${url} (phone: ${url}/phone, WhatsApp: ${url}/whatsapp, mail: ${url}/mail, SMTP: 127.0.0.1:${app.mailPort()})`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
} catch (error) {
  if (error instanceof SandboxConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
