// Reads the shell needs, asked as soon as the desk's database is declared (renderer/src/main.tsx), before the app is
// drawn and before the dashboard's reads (issue #19). The app draws its shell before the database is open, so these
// have not answered by the first draw; their use is their place in the queue. The live queries of the same rows are
// asked only at the first draw, behind the dashboard's two dozen reads, so without these the settings (and with them
// the screens, which wait for the settings and the start gate) came only after all of those: about 20 ms later in
// alternating cold opens at 100,000 cases (twenty-second session). A live query here returns the early answer from the
// render after it arrived until its own first answer (the same read, moments later), and follows every change from
// then on. An early answer is used once: after the first live answer it is dropped, so a screen mounted later never
// starts from an old value.
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
