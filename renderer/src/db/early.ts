// Reads the first screen needs, started as soon as the database is open (renderer/src/main.tsx), before the app is
// drawn (issue #19). A live query starts only when its screen mounts, so a cold start drew the app twice: once with
// a loader while the desk's settings were read, then the shell. Started early, they have usually answered by the
// first draw, which then draws the shell at once: the live query uses the early answer until its own first answer
// (the same read, moments later), and follows every change from then on. An early answer is used once: after the first live answer it is dropped, so a screen mounted later
// never starts from an old value.
import { useLiveQuery } from 'dexie-react-hooks';

const early = new Map<string, { value: unknown }>();

/** Read `key` now and keep the answer for the first live query of the same key; never rejects (a failure keeps nothing). */
export function readEarly(key: string, read: () => Promise<unknown>): Promise<void> {
  return read().then(
    (value) => {
      early.set(key, { value });
    },
    () => {},
  );
}

/** A live query (dexie-react-hooks) that starts from the early answer of `key`, when there is one. */
export function useEarlyLiveQuery<T>(key: string, read: () => Promise<T>): T | undefined {
  const start = early.get(key)?.value as T | undefined;
  return useLiveQuery(
    async () => {
      const value = await read();
      early.delete(key);
      return value;
    },
    [],
    start,
  );
}
