// Who is working at this computer. Chosen in the header, remembered on this computer (localStorage, shared by every
// window of the app and kept in step between them), never a login: there are no passwords yet.
import { useSyncExternalStore } from 'react';
import { sortPeople, usePeople, useSettings } from '#db/hooks';
import type { PersonRow } from '#db/schema';
import { storedWorkingPersonId, storeWorkingPersonId, WORKING_PERSON_KEY } from '#lib/working-person';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window chose someone else: follow it.
  const onStorage = (e: StorageEvent) => {
    if (e.key === WORKING_PERSON_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Remember who is working at this computer. */
export function setCurrentPersonId(id: string): void {
  storeWorkingPersonId(id);
  for (const l of listeners) l();
}

/** Everyone at the desk, active first, then by name: live, one read for the window (db/shared-reads.ts). */
export { usePeople };

export interface CurrentPerson {
  /** The person's id, or null before anyone is on the list (then `name` is the settings' handler name). */
  id: string | null;
  /** The name recorded as the author of timeline events and as a case's handler. */
  name: string;
}

/**
 * The person chosen, if still active; else the settings' handler (the first-run default); else the first active
 * person. Pure, for tests.
 */
export function pickCurrentPerson(
  people: readonly PersonRow[],
  chosenId: string | null,
  handlerName: string | undefined,
): CurrentPerson | null {
  const active = people.filter((p) => p.active);
  const chosen =
    active.find((p) => p.id === chosenId) ??
    (handlerName ? active.find((p) => p.name === handlerName) : undefined) ??
    sortPeople(active)[0];
  if (chosen) return { id: chosen.id, name: chosen.name };
  return handlerName ? { id: null, name: handlerName } : null;
}

/**
 * Who is working at this computer: use `name` as `by` on every timeline event. Null only while the database is
 * being read or before the desk is set up.
 */
export function useCurrentPerson(): CurrentPerson | null {
  return useCurrentPersonRead().person;
}

/**
 * Who is working, and whether the desk is still being read (the app draws its shell before the database is open, issue
 * #19): while it is, `person` is null and the interface speaks the language last shown here (pageLocale).
 */
export function useCurrentPersonRead(): { person: CurrentPerson | null; reading: boolean } {
  const chosenId = useSyncExternalStore(subscribe, storedWorkingPersonId, () => null);
  const people = usePeople();
  const settings = useSettings();
  if (people === undefined || settings === undefined) return { person: null, reading: true };
  return { person: pickCurrentPerson(people, chosenId, settings?.handlerName), reading: false };
}
