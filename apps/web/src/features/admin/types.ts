import type { Role } from '@/features/auth';
import type { InboxKind } from '@/types/vocabulary';

export type AssignmentMode = 'manual' | 'round_robin' | 'least_busy';
export const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['manual', 'round_robin', 'least_busy'];

/** ISO weekday, 1 = Monday. */
export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export const WEEKDAYS: readonly Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];

export interface BusinessHours {
  timeZone: string;
  /** Weekday → "HH:MM-HH:MM" ranges; a missing or empty day is closed. */
  days: Partial<Record<Weekday, string[]>>;
}

export interface TeamAutoReply {
  offline?: { enabled: boolean; text?: string; expectedResponseMinutes?: number };
  queuePosition?: { enabled: boolean; minutesPerConversation?: number };
}

export interface Team {
  id: string;
  name: string;
  assignmentMode: AssignmentMode;
  sequenceMode: boolean;
  businessHours: BusinessHours | null;
  autoReply: TeamAutoReply;
  idleCloseHours: number | null;
  memberIds: string[];
}

export type TeamInput = Omit<Team, 'id' | 'memberIds'>;

export interface Agent {
  id: string;
  name: string;
  email: string;
  role: Role;
  presence: 'online' | 'away' | 'offline';
  capacity: number;
  openCount: number;
  teamIds: string[];
}

export type BusinessHoursCondition = 'inside' | 'outside';

export interface RoutingConditions {
  keywords?: string[];
  channels?: InboxKind[];
  contactCountries?: string[];
  contactLanguages?: string[];
  businessHours?: BusinessHoursCondition;
}

export interface RoutingActions {
  teamId?: string;
  tagIds?: string[];
  priority?: number;
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

export type RoutingRuleInput = Pick<RoutingRule, 'name' | 'enabled' | 'conditions' | 'actions'>;

export interface Tag {
  id: string;
  name: string;
  color: string;
}

export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

export type CannedResponseInput = Omit<CannedResponse, 'id'>;
