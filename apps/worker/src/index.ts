export { closeWorkerDeps, createWorkerDeps, type WorkerDeps } from './deps';
export { startWorkers, type RunningWorkers } from './worker';
export { maintenanceSweep } from './processors/maintenance-sweep';
