import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The user's Maildir; its root is INBOX. */
  mailboxPath: string;
  /** Appends a message to INBOX over IMAP, as a mail server delivering it; `receivedAt` sets its INTERNALDATE. */
  deliver(raw: Buffer | string, options?: { receivedAt?: Date }): Promise<void>;
  /** INBOX's current UIDVALIDITY. */
  uidValidity(): Promise<bigint>;
  /**
   * Rebuilds INBOX with the same messages under a new UIDVALIDITY, as a restored or migrated
   * server does: Dovecot stops, forgets its UID list and indexes, and starts on the same port.
   */
  renumberMailbox(): Promise<void>;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';
const USER = 'support@example.test';
const PASSWORD = 'dovecot-test-password';

/**
 * A throw-away Dovecot for one test file: its own folder, a free loopback port, plain-text
 * login with a fixed password. As root it drops to `nobody`; otherwise it runs as the caller.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-dovecot-'));
  const owner = mailOwner();
  // The mail processes run as `owner` and must reach the Maildir inside our folder.
  chmodSync(dir, 0o755);
  const home = join(dir, 'home');
  mkdirSync(home);
  chownSync(home, owner.uid, owner.gid);
  const mailboxPath = join(home, 'Maildir');

  let port = 0;
  let child: ChildProcess | null = null;
  const conf = join(dir, 'dovecot.conf');
  const launch = async () => {
    writeFileSync(conf, configText({ dir, home, mailboxPath, port, owner }));
    // Its own process group, so stopping it also ends the sessions it forked (see terminate).
    child = spawn(DOVECOT, ['-F', '-c', conf], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    await waitUntilAnswering(child, port, join(dir, 'dovecot.log'));
  };
  // A detached group outlives its parent: a test process that dies takes it down on the way.
  const killOnExit = () => {
    if (child?.pid) signalGroup(child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      // Another process may take the free port before Dovecot binds it.
      if (attempt >= 5) {
        process.off('exit', killOnExit);
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const shutDown = async () => {
    if (child) await terminate(child);
    child = null;
  };
  const session = () => openSession('127.0.0.1', port, USER, PASSWORD);
  const uidValidity = async () => {
    const imap = await session();
    try {
      const reply = await imap.run('EXAMINE INBOX');
      const match = /\[UIDVALIDITY (\d+)\]/.exec(reply);
      if (!match?.[1]) throw new Error(`no UIDVALIDITY in: ${reply}`);
      return BigInt(match[1]);
    } finally {
      await imap.close();
    }
  };

  return {
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    mailboxPath,
    async deliver(raw, options = {}) {
      const bytes = typeof raw === 'string' ? Buffer.from(raw.replace(/\r?\n/g, '\r\n')) : raw;
      const date = options.receivedAt ? ` "${imapDate(options.receivedAt)}"` : '';
      const imap = await session();
      try {
        await imap.run(`APPEND INBOX${date}`, bytes);
      } finally {
        await imap.close();
      }
    },
    uidValidity,
    async renumberMailbox() {
      const before = await uidValidity();
      await shutDown();
      for (const file of readdirSync(mailboxPath))
        if (file === 'dovecot-uidlist' || file.startsWith('dovecot.index'))
          rmSync(join(mailboxPath, file), { force: true });
      await launch();
      const after = await uidValidity();
      if (after === before) throw new Error(`UIDVALIDITY stayed ${before} after renumbering`);
    },
    async stop() {
      await shutDown();
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface MailOwner {
  user: string;
  group: string;
  uid: number;
  gid: number;
}

/** Root hands the mail to `nobody`; anyone else keeps it, since only root may change user. */
function mailOwner(): MailOwner {
  const who = process.getuid?.() === 0 ? ['nobody'] : [];
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, ...who], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`id ${flag} failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  return { user: id('-un'), group: id('-gn'), uid: Number(id('-u')), gid: Number(id('-g')) };
}

function dovecotMajorMinor(): string {
  const result = spawnSync(DOVECOT, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0)
    throw new Error(`${DOVECOT} is missing: install Debian's dovecot-imapd to run the IMAP tests`);
  return result.stdout.trim().split('.').slice(0, 2).join('.');
}

function configText(c: {
  dir: string;
  home: string;
  mailboxPath: string;
  port: number;
  owner: MailOwner;
}): string {
  const version = dovecotMajorMinor();
  const common = [
    `listen = 127.0.0.1`,
    `ssl = no`,
    `base_dir = ${c.dir}/run`,
    `state_dir = ${c.dir}/state`,
    `log_path = ${c.dir}/dovecot.log`,
    `default_internal_user = ${c.owner.user}`,
    `default_internal_group = ${c.owner.group}`,
    `default_login_user = ${c.owner.user}`,
    // Chroot needs root; the login process has nothing worth jailing here.
    `service anvil {\n  chroot =\n}`,
  ];
  if (version.startsWith('2.3'))
    return [
      `protocols = imap`,
      ...common,
      `disable_plaintext_auth = no`,
      `mail_location = maildir:${c.mailboxPath}`,
      `passdb {\n  driver = static\n  args = password=${PASSWORD}\n}`,
      `userdb {\n  driver = static\n  args = uid=${c.owner.uid} gid=${c.owner.gid} home=${c.home}\n}`,
      `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${c.port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      '',
    ].join('\n');
  return [
    `dovecot_config_version = ${version}.0`,
    `dovecot_storage_version = ${version}.0`,
    `protocols = imap`,
    ...common,
    `auth_allow_cleartext = yes`,
    `mail_driver = maildir`,
    `mail_path = ${c.mailboxPath}`,
    `mail_home = ${c.home}`,
    `mail_uid = ${c.owner.uid}`,
    `mail_gid = ${c.owner.gid}`,
    `namespace inbox {\n  inbox = yes\n  separator = /\n}`,
    `passdb static {\n  password = ${PASSWORD}\n}`,
    `userdb static {\n}`,
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    listen = 127.0.0.1\n    port = ${c.port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    '',
  ].join('\n');
}

async function waitUntilAnswering(child: ChildProcess, port: number, logFile: string) {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`dovecot exited on start (see ${logFile}): ${stderr.trim()}`);
    if (await greets(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await terminate(child);
  throw new Error(`dovecot did not answer on port ${port} within 15 s (see ${logFile})`);
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1000);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('* OK'));
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Stops Dovecot and every IMAP session it forked. The master alone would leave sessions
 * serving the old mailbox for many seconds, unlike a server that really restarted.
 */
async function terminate(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const pid = child.pid;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(leader: number, signal: NodeJS.Signals) {
  try {
    process.kill(-leader, signal);
  } catch {
    // The group is already gone.
  }
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** RFC 3501 date-time: `dd-Mon-yyyy hh:mm:ss +0000`. */
function imapDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/**
 * Just enough IMAP to deliver mail and read UIDVALIDITY, so the fixture needs no client
 * library: tagged commands, one optional LITERAL+ argument, replies without literals.
 */
async function openSession(host: string, port: number, user: string, password: string) {
  const socket: Socket = connect(port, host);
  let buffered = '';
  let waiting: {
    tag: string;
    resolve: (reply: string) => void;
    reject: (e: Error) => void;
  } | null = null;
  let greeted: () => void = () => {};
  const greeting = new Promise<void>((resolve, reject) => {
    greeted = resolve;
    socket.once('error', reject);
  });
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    if (buffered.includes('\r\n')) greeted();
    const done =
      waiting && new RegExp(`(^|\\r\\n)${waiting.tag} (OK|NO|BAD)[^\\r]*\\r\\n`).exec(buffered);
    if (!waiting || !done) return;
    const reply = buffered;
    const current = waiting;
    buffered = '';
    waiting = null;
    if (done[2] === 'OK') current.resolve(reply);
    else current.reject(new Error(`IMAP ${current.tag} failed: ${done[0].trim()}`));
  });
  socket.on('error', (error) => waiting?.reject(error));
  socket.on('close', () => waiting?.reject(new Error('the IMAP server closed the connection')));
  await greeting;
  buffered = '';
  let counter = 0;
  const run = (command: string, literal?: Buffer) =>
    new Promise<string>((resolve, reject) => {
      const tag = `t${++counter}`;
      waiting = { tag, resolve, reject };
      const head = literal ? `${tag} ${command} {${literal.length}+}\r\n` : `${tag} ${command}\r\n`;
      socket.write(head);
      if (literal) socket.write(Buffer.concat([literal, Buffer.from('\r\n')]));
    });
  await run(`LOGIN "${user}" "${password}"`);
  return {
    run,
    async close() {
      await run('LOGOUT').catch(() => {});
      socket.destroy();
    },
  };
}
