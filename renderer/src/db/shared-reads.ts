// Reads that many parts of a window want (the desk's settings, its people, a few of its meta rows), each ONE live query
// for the whole window, started as the desk's database is declared (renderer/src/main.tsx) and held for as long as
// the window lives (issue #19, twenty-third session).
//
// Each part used to keep a live query of its own (`useLiveQuery`): some twenty reads of the same few rows at the
// start, each asked only when its part was drawn, so each waited in IndexedDB's queue behind the dashboard's reads,
// and the dashboard, which needs the settings, the desk's team and whose cases it counts, waited for its own copies.
// Now the first read of each is asked before the dashboard's, every part drawn after it answers has the answer at once,
// and a change reads each row once, not once per part.
//
// A read that fails is thrown where it is used (the error boundaries say why, app/ScreenError.tsx), as a live query's
// is; a part drawn afresh after that (the boundary's "Try again") starts the read again.
import { liveQuery, type Subscription } from 'dexie';
import { useState, useSyncExternalStore } from 'react';

/** One shared read: its last answer, and who to tell when it changes. */
export interface SharedRead<T> {
  readonly read: () => Promise<T>;
  /** The last answer; undefined until the first. */
  value: T | undefined;
  /** Set when the read failed (its live query has stopped until `again`). */
  failed: { error: unknown } | null;
  /** Be told of every answer and failure; returns the function that stops telling. */
  subscribe: (listener: () => void) => () => void;
  /** Ask again after a failure. */
  again: () => void;
}

interface Running<T> extends SharedRead<T> {
  listeners: Set<() => void>;
  subscription: Subscription | null;
}

const reads = new Map<string, Running<unknown>>();

function begin<T>(shared: Running<T>): void {
  shared.failed = null;
  shared.subscription = liveQuery(shared.read).subscribe({
    next: (value) => {
      shared.value = value;
      for (const listener of shared.listeners) listener();
    },
    error: (error: unknown) => {
      shared.failed = { error };
      shared.subscription = null;
      for (const listener of shared.listeners) listener();
    },
  });
}

/**
 * The shared read `key`, started now if it has not started (its first read takes its place in IndexedDB's queue at
 * once). The same key must always be given the same read.
 */
export function sharedRead<T>(key: string, read: () => Promise<T>): SharedRead<T> {
  const known = reads.get(key) as Running<T> | undefined;
  if (known) return known;
  const listeners = new Set<() => void>();
  const shared: Running<T> = {
    read,
    value: undefined,
    failed: null,
    listeners,
    subscription: null,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    again: () => {
      if (shared.failed) begin(shared);
    },
  };
  reads.set(key, shared as Running<unknown>);
  begin(shared);
  return shared;
}

/** The shared read `key`'s last answer (undefined until the first), redrawn at every change. */
export function useSharedRead<T>(key: string, read: () => Promise<T>): T | undefined {
  const shared = sharedRead(key, read);
  // Drawn afresh after the read failed (an error boundary's "Try again"): ask again.
  useState(shared.again);
  const value = useSyncExternalStore(shared.subscribe, () => shared.value);
  if (shared.failed) throw shared.failed.error;
  return value;
}

/** Stop every shared read and forget their answers (tests that open databases one after another). */
export function stopSharedReads(): void {
  for (const shared of reads.values()) shared.subscription?.unsubscribe();
  reads.clear();
}
