import { loadConfigOrExit } from '@switchboard/config';
import { buildApp } from './app';
import { closeApiDeps, createApiDeps } from './create-deps';
import { startMailListener } from './mail/mail-listener';

const config = loadConfigOrExit();
const deps = createApiDeps(config);
const app = await buildApp(deps);

const mail = await startMailListener(deps, { port: config.SMTP_PORT });

const shutdown = async () => {
  await mail.close();
  await app.close();
  await closeApiDeps(deps);
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

await app.listen({ port: config.PORT, host: '0.0.0.0' });
