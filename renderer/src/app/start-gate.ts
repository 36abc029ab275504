// Whether the desk may write yet. The app draws its shell as soon as its code has run, before the database is open
// (issue #19); but nothing may write before sharing has read the desk's membership and put the outbox on
// (renderer/src/sync, started by main.tsx), or a team desk's change would never reach its team. So the screens, and
// what writes on its own at start (the first person, reminders, retention), mount only once the gate is open.
import { useSyncExternalStore } from 'react';

export interface StartGate {
  readonly open: () => boolean;
  readonly subscribe: (listener: () => void) => () => void;
}

/** A gate that opens when `started` settles (fulfilled or not: a failure to start sharing is told by its status). */
export function startGate(started: Promise<void>): StartGate {
  let opened = false;
  const listeners = new Set<() => void>();
  const openNow = () => {
    opened = true;
    for (const listener of listeners) listener();
  };
  started.then(openNow, openNow);
  return {
    open: () => opened,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** True once `gate` is open. */
export function useStartGate(gate: StartGate): boolean {
  return useSyncExternalStore(gate.subscribe, gate.open, gate.open);
}
