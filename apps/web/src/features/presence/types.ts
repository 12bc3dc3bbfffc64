export type Presence = 'online' | 'away' | 'offline';

/** A workspace user as pickers show them (GET /agents). */
export interface Agent {
  id: string;
  name: string;
  email: string;
  role: 'agent' | 'supervisor' | 'admin';
  presence: Presence;
  /** Set when the server put them away because all their sockets dropped. */
  presenceAuto: boolean;
  capacity: number;
  openCount: number;
  teamIds: string[];
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}
