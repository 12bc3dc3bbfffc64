export { createMonitorRefresher } from './api/monitor-refresher';
export { monitorKeys, useAgentMonitor } from './api/get-agent-monitor';
export { MonitorPage } from './components/monitor-page';
export { SupervisorLink } from './components/supervisor-link';
export type { AgentMonitor, MonitorAgent, MonitorTeam } from './types';
