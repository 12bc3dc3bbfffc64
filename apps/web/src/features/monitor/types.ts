import type { Role } from '@/features/auth';

export type Presence = 'online' | 'away' | 'offline';

/** One active person of the workspace as the monitor sees them (GET /supervisor/monitor). */
export interface MonitorAgent {
  id: string;
  name: string;
  email: string;
  role: Role;
  presence: Presence;
  /** When they went online; null unless online now. */
  onlineSince: string | null;
  presenceChangedAt: string;
  openCount: number;
  capacity: number;
  /** Oldest customer message nobody answered yet in their open conversations. */
  oldestUnansweredAt: string | null;
  /** Closed since midnight in the workspace's time zone, with them as the last agent. */
  closedToday: number;
  teamIds: string[];
}

export interface MonitorQueue {
  waitingCount: number;
  longestWaitSince: string | null;
}

export interface MonitorTeam extends MonitorQueue {
  id: string;
  name: string;
  agentsOnline: number;
  agentsTotal: number;
}

export interface AgentMonitor {
  generatedAt: string;
  timeZone: string;
  agents: MonitorAgent[];
  teams: MonitorTeam[];
  /** Waiting conversations no team serves. */
  unrouted: MonitorQueue;
}
