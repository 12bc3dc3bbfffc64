import { randomBytes } from 'node:crypto';
import { createDb, runMigrations, type DbHandle } from '@switchboard/db';
import { factories, TEST_PASSWORD } from '@switchboard/db/testing';
import postgres from 'postgres';
import { freePort, startApi, startWorker, type RunningProcess } from '../lib/processes';
import type { TwilioInbox } from '../lib/twilio-client';
import { startBalancer, type Balancer } from './balancer';
import { createDatabase, privatePostgres, privateRedis, type RestartableEngine } from './engines';
import { startProvider, type Provider } from './provider';

/** Two of each process behind one balancer, on engines of their own, replying through the sandbox. */
export interface ChaosSystem {
  postgres: RestartableEngine;
  redis: RestartableEngine;
  database: DbHandle;
  /** A plain connection for counting; reconnects by itself after a restart. */
  sql: postgres.Sql;
  provider: Provider;
  balancer: Balancer;
  queuePrefix: string;
  inbox: TwilioInbox;
  agentEmails: string[];
  password: string;
  apis: Array<RunningProcess | null>;
  workers: Array<RunningProcess | null>;
  apiUrls: string[];
  /** Brings a killed api or worker back, as a supervisor (systemd, Kubernetes) would. */
  restartApi(index: number): Promise<void>;
  restartWorker(index: number): Promise<void>;
  /** Processes that exited on their own (not killed by the run), in order. */
  crashes: string[];
  stop(): Promise<void>;
}

export async function startChaosSystem(options: { agents: number }): Promise<ChaosSystem> {
  const stoppers: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const stopper of stoppers.reverse()) await stopper().catch(() => {});
  };
  try {
    const pg = await privatePostgres();
    stoppers.push(() => pg.destroy());
    const redis = await privateRedis();
    stoppers.push(() => redis.destroy());

    const databaseUrl = await createDatabase(pg.url, 'switchboard_chaos');
    await runMigrations(databaseUrl);
    const database = createDb(databaseUrl, { max: 4 });
    stoppers.push(() => database.close());
    const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    stoppers.push(() => sql.end({ timeout: 1 }));

    const secretKey = randomBytes(32).toString('hex');
    const account = {
      accountSid: `AC${randomBytes(16).toString('hex')}`,
      authToken: randomBytes(16).toString('hex'),
    };
    const provider = await startProvider(account);
    stoppers.push(() => provider.close());

    const make = factories(database.db, secretKey);
    const workspace = await make.workspace({ name: 'Chaos' });
    const team = await make.team(workspace.id, { name: 'Support' });
    const inboxRow = await make.smsInbox(workspace.id, {
      defaultTeamId: team.id,
      externalId: account.accountSid,
      credentials: account,
    });
    const agentEmails: string[] = [];
    for (let index = 0; index < options.agents; index++) {
      const user = await make.user(workspace.id, {
        name: `Agent ${index + 1}`,
        email: `agent${index + 1}@chaos.test`,
        // Agents keep every conversation they answered open: no limit gets in the way.
        capacity: 100_000,
      });
      await make.member(workspace.id, team.id, user.id);
      agentEmails.push(user.email);
    }

    const apiPorts = [await freePort(), await freePort()];
    const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
    const balancer = await startBalancer(() => apiUrls);
    stoppers.push(() => balancer.close());
    const inbox: TwilioInbox = {
      id: inboxRow.id,
      address: inboxRow.address,
      accountSid: account.accountSid,
      authToken: account.authToken,
    };
    await provider.registerNumber(inbox.address, `${balancer.url}/webhooks/twilio/${inbox.id}`);

    const queuePrefix = 'chaos';
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      SECRET_KEY: secretKey,
      QUEUE_PREFIX: queuePrefix,
      // Every instance signs and is reached at the balancer's address, as behind a real one.
      PUBLIC_URL: balancer.url,
      TWILIO_API_BASE: provider.url,
      META_GRAPH_BASE: provider.url,
      LOG_LEVEL: 'warn',
    };
    const apis: Array<RunningProcess | null> = [null, null];
    const workers: Array<RunningProcess | null> = [null, null];
    stoppers.push(async () => {
      await Promise.all(
        [...apis, ...workers].map((running) => (running ? running.kill() : Promise.resolve())),
      );
    });
    const crashes: string[] = [];
    let stopping = false;
    stoppers.push(async () => {
      stopping = true;
    });
    // A process that ends on its own is a crash: recorded, and started again after a second,
    // as the deployment's supervisor (compose `restart: unless-stopped`, systemd) would.
    const supervise = (running: RunningProcess, restart: () => Promise<void>) => {
      running.child.once('exit', (code, signal) => {
        if (stopping || signal === 'SIGKILL') return;
        crashes.push(`${running.name} exited (${code ?? signal})`);
        console.log(`[chaos] ${running.name} crashed (${code ?? signal}); restarting it`);
        setTimeout(() => {
          if (!stopping) restart().catch((error: unknown) => console.log(String(error)));
        }, 1_000);
      });
      return running;
    };
    const restartApi = async (index: number) => {
      const running = await startApi(`api-${index + 1}`, env, apiPorts[index]!);
      apis[index] = supervise(running, () => restartApi(index));
    };
    const restartWorker = async (index: number) => {
      const running = await startWorker(`worker-${index + 1}`, env);
      workers[index] = supervise(running, () => restartWorker(index));
    };
    await Promise.all([restartApi(0), restartApi(1), restartWorker(0), restartWorker(1)]);

    return {
      postgres: pg,
      redis,
      database,
      sql,
      provider,
      balancer,
      queuePrefix,
      inbox,
      agentEmails,
      password: TEST_PASSWORD,
      apis,
      workers,
      apiUrls,
      restartApi,
      restartWorker,
      crashes,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
