import {
  WEEKDAYS,
  type AssignmentMode,
  type BusinessHours,
  type Team,
  type TeamInput,
  type Weekday,
} from '../types';

export interface TimeRange {
  from: string;
  to: string;
}

export interface TeamFormState {
  name: string;
  assignmentMode: AssignmentMode;
  sequenceMode: boolean;
  /** Off: the team is always open (the API stores no hours). */
  hoursEnabled: boolean;
  timeZone: string;
  days: Record<Weekday, TimeRange[]>;
  offlineEnabled: boolean;
  offlineText: string;
  expectedResponseMinutes: number | '';
  queueEnabled: boolean;
  minutesPerConversation: number | '';
  idleCloseHours: number | '';
  memberIds: string[];
}

export const DEFAULT_RANGE: TimeRange = { from: '09:00', to: '18:00' };

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function parseRange(value: string): TimeRange {
  const [from = '', to = ''] = value.split('-');
  // The API writes the end of the day as 24:00; a time field shows it as 00:00.
  return { from, to: to === '24:00' ? '00:00' : to };
}

export function teamToForm(team: Team | null): TeamFormState {
  const hours = team?.businessHours ?? null;
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      if (!hours) return [day, Number(day) <= 5 ? [{ ...DEFAULT_RANGE }] : []];
      return [day, (hours.days[day] ?? []).map(parseRange)];
    }),
  ) as Record<Weekday, TimeRange[]>;
  const offline = team?.autoReply.offline;
  const queue = team?.autoReply.queuePosition;
  return {
    name: team?.name ?? '',
    assignmentMode: team?.assignmentMode ?? 'manual',
    sequenceMode: team?.sequenceMode ?? false,
    hoursEnabled: hours !== null,
    timeZone: hours?.timeZone ?? browserTimeZone(),
    days,
    offlineEnabled: offline?.enabled ?? false,
    offlineText: offline?.text ?? '',
    expectedResponseMinutes: offline?.expectedResponseMinutes ?? '',
    queueEnabled: queue?.enabled ?? false,
    minutesPerConversation: queue?.minutesPerConversation ?? '',
    idleCloseHours: team?.idleCloseHours ?? '',
    memberIds: team?.memberIds ?? [],
  };
}

const toMinutes = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** A range's end as minutes after midnight, where 00:00 means the end of the day. */
const endMinutes = (to: string) => (to === '00:00' ? 24 * 60 : toMinutes(to));

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function rangeProblem(range: TimeRange): 'format' | 'order' | null {
  if (!TIME.test(range.from) || !TIME.test(range.to)) return 'format';
  if (toMinutes(range.from) >= endMinutes(range.to)) return 'order';
  return null;
}

export function rangesOverlap(ranges: TimeRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => toMinutes(a.from) - toMinutes(b.from));
  return sorted.some((range, index) => {
    const next = sorted[index + 1];
    return next !== undefined && toMinutes(next.from) < endMinutes(range.to);
  });
}

export interface TeamFormErrors {
  name?: 'required' | 'tooLong';
  timeZone?: 'required';
  days?: Partial<Record<Weekday, 'format' | 'order' | 'overlap'>>;
  expectedResponseMinutes?: 'positive';
  minutesPerConversation?: 'positive';
  idleCloseHours?: 'positive';
}

const isPositive = (value: number | '') => value === '' || (Number.isInteger(value) && value > 0);

export function validateTeam(form: TeamFormState): TeamFormErrors {
  const errors: TeamFormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'required';
  else if (name.length > 80) errors.name = 'tooLong';
  if (form.hoursEnabled) {
    if (!form.timeZone) errors.timeZone = 'required';
    for (const day of WEEKDAYS) {
      const ranges = form.days[day];
      const problem = ranges.map(rangeProblem).find((p) => p !== null);
      if (problem) errors.days = { ...errors.days, [day]: problem };
      else if (rangesOverlap(ranges)) errors.days = { ...errors.days, [day]: 'overlap' };
    }
  }
  if (!isPositive(form.expectedResponseMinutes)) errors.expectedResponseMinutes = 'positive';
  if (!isPositive(form.minutesPerConversation)) errors.minutesPerConversation = 'positive';
  if (!isPositive(form.idleCloseHours)) errors.idleCloseHours = 'positive';
  return errors;
}

export const hasErrors = (errors: TeamFormErrors) =>
  Object.values(errors).some((value) => value !== undefined);

export function formToTeam(form: TeamFormState): TeamInput {
  const businessHours: BusinessHours | null = form.hoursEnabled
    ? {
        timeZone: form.timeZone,
        days: Object.fromEntries(
          WEEKDAYS.filter((day) => form.days[day].length > 0).map((day) => [
            day,
            form.days[day].map(
              (range) => `${range.from}-${range.to === '00:00' ? '24:00' : range.to}`,
            ),
          ]),
        ),
      }
    : null;
  return {
    name: form.name.trim(),
    assignmentMode: form.assignmentMode,
    // Sequence mode only means something when agents pick conversations themselves.
    sequenceMode: form.assignmentMode === 'manual' && form.sequenceMode,
    businessHours,
    autoReply: {
      offline: {
        enabled: form.offlineEnabled,
        ...(form.offlineText.trim() ? { text: form.offlineText.trim() } : {}),
        ...(form.expectedResponseMinutes !== ''
          ? { expectedResponseMinutes: form.expectedResponseMinutes }
          : {}),
      },
      queuePosition: {
        enabled: form.queueEnabled,
        ...(form.minutesPerConversation !== ''
          ? { minutesPerConversation: form.minutesPerConversation }
          : {}),
      },
    },
    idleCloseHours: form.idleCloseHours === '' ? null : form.idleCloseHours,
  };
}

/** Sample values for the auto-reply preview. */
export function previewAutoReply(text: string, minutes: number | ''): string {
  return text
    .replaceAll('{{reference}}', 'SB-7K3Q9')
    .replaceAll('{{minutes}}', minutes === '' ? '30' : String(minutes));
}
