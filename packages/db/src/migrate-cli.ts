import { loadConfigOrExit } from '@switchboard/config';
import { runMigrations } from './migrate';

// For deployments: apply the committed migrations, then exit (compose runs it before api and worker).
const config = loadConfigOrExit();
await runMigrations(config.DATABASE_URL);
console.log('Migrations applied.');
