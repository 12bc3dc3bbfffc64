export type Role = 'agent' | 'supervisor' | 'admin';
export type Presence = 'online' | 'away' | 'offline';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  presence: Presence;
  workspace: { id: string; name: string };
}
