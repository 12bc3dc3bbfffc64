import { useCallback, useSyncExternalStore } from 'react';

const SOUND_KEY = 'switchboard.alerts.sound';
const changed = new Set<() => void>();

export function soundEnabled(): boolean {
  return localStorage.getItem(SOUND_KEY) !== 'off';
}

export function setSoundEnabled(enabled: boolean): void {
  localStorage.setItem(SOUND_KEY, enabled ? 'on' : 'off');
  for (const listener of changed) listener();
}

export function useSoundEnabled() {
  const enabled = useSyncExternalStore((listener) => {
    changed.add(listener);
    return () => changed.delete(listener);
  }, soundEnabled);
  const toggle = useCallback(() => setSoundEnabled(!soundEnabled()), []);
  return [enabled, toggle] as const;
}

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

let audio: AudioContext | null = null;

/** A short two-note chime, synthesised so there is no sound file to ship or load. */
export function playChime(): void {
  if (!soundEnabled()) return;
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [index, frequency] of [880, 1320].entries()) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const start = now + index * 0.12;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.3);
    }
  } catch {
    // Browsers refuse audio before the first user gesture; the visual alert still shows.
  }
}
