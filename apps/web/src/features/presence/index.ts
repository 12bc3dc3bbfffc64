export { agentKeys, useAgents } from './api/get-agents';
export { teamKeys, useTeams } from './api/get-teams';
export { useSetPresence } from './api/set-presence';
export { AgentPicker } from './components/agent-picker';
export { PresenceDot } from './components/presence-dot';
export { PresenceMenu } from './components/presence-menu';
export type { Agent, Presence, Team } from './types';
