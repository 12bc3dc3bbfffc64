import { loadConfigOrExit } from '@switchboard/config';
import { closeWorkerDeps, createWorkerDeps } from './deps';
import { startWorkers } from './worker';

const config = loadConfigOrExit();
const deps = createWorkerDeps(config);
const workers = await startWorkers(deps, { log: (line) => console.log(`[worker] ${line}`) });
console.log('[worker] ready');

const shutdown = async () => {
  await workers.close();
  await closeWorkerDeps(deps);
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
