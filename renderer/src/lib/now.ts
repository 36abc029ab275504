import { useSyncExternalStore } from 'react';

/**
 * A clock read by several screens at once, ticking every `everyMs`: each reader sees the same moment, so the header
 * and the team screen never say "Synced just now" and "Synced 1 minute ago" side by side (explore40-team #8a, when
 * each had a timer of its own). A new reader moves every reader on to the present.
 */
export function tickingClock(everyMs: number, read: () => Date = () => new Date()) {
  let now = read();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    now = read();
    for (const listener of listeners) listener();
  };
  return {
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      tick();
      timer ??= setInterval(tick, everyMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    snapshot: (): Date => now,
  };
}

const halfMinute = tickingClock(30_000);

/** Now, ticking every 30 seconds ("Synced 2 minutes ago" stays true), the same moment for every screen. */
export function useNow(): Date {
  return useSyncExternalStore(halfMinute.subscribe, halfMinute.snapshot);
}
