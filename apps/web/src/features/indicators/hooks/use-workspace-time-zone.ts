import { useCallback, useState } from 'react';

const STORAGE_KEY = 'switchboard.indicators.time-zone';

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function storedTimeZone(): string | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value && isTimeZone(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * "Today" means today where the workspace is. Only the API knows that zone (every answer names
 * it), so the first visit guesses the browser's zone and corrects itself after one answer;
 * the zone is remembered so later visits ask for the right days at once.
 */
export function useWorkspaceTimeZone() {
  const [timeZone, setTimeZone] = useState<string>(() => storedTimeZone() ?? browserTimeZone());
  const learn = useCallback((zone: string) => {
    if (!isTimeZone(zone)) return;
    setTimeZone((current) => (current === zone ? current : zone));
    try {
      window.localStorage.setItem(STORAGE_KEY, zone);
    } catch {
      // Private windows may refuse storage; the zone is then learned again next visit.
    }
  }, []);
  return { timeZone, learn };
}
