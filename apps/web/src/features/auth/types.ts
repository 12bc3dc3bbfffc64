export type Role = 'agent' | 'supervisor' | 'admin';
export type Presence = 'online' | 'away' | 'offline';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  presence: Presence;
  /** The server set `away` because all my connections dropped; the next one sets `online`. */
  presenceAuto: boolean;
  workspace: { id: string; name: string };
}
