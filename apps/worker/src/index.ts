export { closeWorkerDeps, createWorkerDeps, type WorkerDeps } from './deps';
export { startWorkers, type RunningWorkers } from './worker';
export { maintenanceSweep } from './processors/maintenance-sweep';
export { fileInboundEvents } from './processors/inbound-process';
export { normalize } from './processors/normalize';
