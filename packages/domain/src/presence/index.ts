export { listAgents, type AgentView } from './list-agents';
export { setPresence } from './set-presence';
export { markAwayAfterGrace, returnFromAutoAway } from './auto-presence';
