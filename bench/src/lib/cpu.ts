import { readdirSync, readFileSync } from 'node:fs';
import type postgres from 'postgres';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces: utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export function processesNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

/** The Postgres backends serving this database (our processes' pooled connections). */
export async function backendsOf(sql: postgres.Sql): Promise<number[]> {
  const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`;
  return rows.map((row) => row.pid);
}

/**
 * Where the CPU went during a run: seconds per role, by process. The profile that explains
 * a throughput figure: which process is busy, and how much CPU each message costs there.
 */
export class CpuAccount {
  private readonly start = new Map<number, number>();

  constructor(private roles: Record<string, number[]>) {
    for (const pids of Object.values(roles))
      for (const pid of pids) this.start.set(pid, cpuSeconds(pid));
  }

  /**
   * CPU seconds per role since construction; `now` may name processes that started since
   * (a new database connection), which count from zero.
   */
  used(now: Partial<Record<string, number[]>> = {}): Record<string, number> {
    this.roles = { ...this.roles, ...now } as Record<string, number[]>;
    return Object.fromEntries(
      Object.entries(this.roles).map(([role, pids]) => [
        role,
        Number(
          pids
            .reduce((sum, pid) => sum + cpuSeconds(pid) - (this.start.get(pid) ?? 0), 0)
            .toFixed(1),
        ),
      ]),
    );
  }
}
