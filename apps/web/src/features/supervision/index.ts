export { SupervisorActions } from './components/supervisor-actions';
export { SupervisorModeBar } from './components/supervisor-mode-bar';
export {
  agentInboxSearch,
  SUPERVISION_PARAMS,
  useSupervision,
  type Supervision,
} from './hooks/use-supervision';
