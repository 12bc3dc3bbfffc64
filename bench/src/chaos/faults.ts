import { sleep } from './engines';

/** One thing that goes wrong, `atMs` after the stream started. */
export interface Fault {
  atMs: number;
  name: string;
  /** Breaks something and returns once it is back (or back on its way). */
  run(): Promise<void>;
}

export interface FaultRecord {
  name: string;
  startedAtMs: number;
  recoveredAtMs: number;
  error?: string;
}

/** Runs the faults in order at their times; a fault that fails to run is recorded, not thrown. */
export async function runFaults(faults: Fault[], startedAt: number): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const fault of [...faults].sort((a, b) => a.atMs - b.atMs)) {
    const wait = startedAt + fault.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    const record: FaultRecord = {
      name: fault.name,
      startedAtMs: Date.now() - startedAt,
      recoveredAtMs: 0,
    };
    console.log(`[chaos] ${(record.startedAtMs / 1000).toFixed(1)} s: ${fault.name}`);
    try {
      await fault.run();
    } catch (error) {
      record.error = String(error);
      console.log(`[chaos]   failed: ${record.error}`);
    }
    record.recoveredAtMs = Date.now() - startedAt;
    records.push(record);
  }
  return records;
}
