import { useEffect, useState } from 'react';
import { useNow } from '@/lib/use-now';
import type { ServiceWindow } from '../types';

export type WindowState =
  | { state: 'open'; closesAt: string; remainingMs: number }
  | { state: 'closed'; closesAt: string | null };

// setTimeout's ceiling (~24.8 days); a window lasts 24 h, but a wrong clock could ask for more.
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The window as of now: the API's answer, closed early by the client when `closesAt` passes
 * while the screen stays open (no event arrives for that). Null for channels without one.
 */
export function useWindowState(serviceWindow: ServiceWindow | null): WindowState | null {
  const now = useNow();
  const closesAt = serviceWindow?.closesAt ?? null;
  // The shared clock ticks every 30 s; this timer flips the state at the exact moment.
  const [expired, setExpired] = useState<string | null>(null);

  useEffect(() => {
    if (!closesAt) return;
    const delay = Math.min(Math.max(Date.parse(closesAt) - Date.now(), 0), MAX_TIMEOUT_MS);
    const timer = window.setTimeout(() => setExpired(closesAt), Number.isNaN(delay) ? 0 : delay);
    return () => window.clearTimeout(timer);
  }, [closesAt]);

  if (!serviceWindow) return null;
  const remainingMs = closesAt ? Date.parse(closesAt) - now : NaN;
  if (serviceWindow.open && closesAt && expired !== closesAt && remainingMs > 0) {
    return { state: 'open', closesAt, remainingMs };
  }
  return { state: 'closed', closesAt };
}
