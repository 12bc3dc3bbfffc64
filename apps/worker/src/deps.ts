import type { Config } from '@switchboard/config';
import { closeProcessDeps, createProcessDeps, type ProcessDeps } from '@switchboard/domain';

export type WorkerDeps = ProcessDeps;

export const createWorkerDeps = (config: Config): WorkerDeps => createProcessDeps(config, 'worker');
export const closeWorkerDeps = closeProcessDeps;
