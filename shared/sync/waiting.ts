// What a desk in a team tells its handler is waiting to be sent ("Offline: changes to 2 cases waiting"), from the ids
// of the documents not yet sent (./documents.ts). Pure.
//
// A document is not what a handler changed: a note added is a new entry and its case's row (every action on a case
// moves the case's `updatedAt`, renderer/src/db/repositories/cases.ts), a complaint logged is a case, its first entry
// and a reference counter. So the desk counts what the handler would: the cases changed (each case's own document
// goes with everything done to it), and each other record a person changes (a person, a provider, a procedure). The
// rest only goes with those (an entry, a letter, a file, an audit record, a counter) and is counted only when nothing
// else waits, so something unsent is never said to be nothing.
import { parseSyncDocId, type SyncType } from './documents';

export interface ChangesWaiting {
  /** Cases with a change not yet sent. */
  cases: number;
  /** Other records changed and not yet sent (people, providers, procedures; or, alone, what goes with a change). */
  other: number;
}

/** Kinds a handler changes on their own, outside a case. */
const OWN_RECORDS: ReadonlySet<SyncType> = new Set(['person', 'provider', 'procedure']);

/** Whether a document of this kind is counted as a change on its own (a case, or one of `OWN_RECORDS`). */
export function countedOnItsOwn(type: SyncType): boolean {
  return type === 'case' || OWN_RECORDS.has(type);
}

/** The changes that `refs` (document ids, each counted once) stand for. Ids not of ours are left out. */
export function changesWaiting(refs: Iterable<string>): ChangesWaiting {
  const seen = new Set<string>();
  let cases = 0;
  let other = 0;
  let accompanying = 0;
  for (const ref of refs) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const parsed = parseSyncDocId(ref);
    if (!parsed) continue;
    if (parsed.type === 'case') cases += 1;
    else if (OWN_RECORDS.has(parsed.type)) other += 1;
    else accompanying += 1;
  }
  return cases + other > 0 ? { cases, other } : { cases: 0, other: accompanying };
}

/** Whether anything waits. */
export function anyWaiting(waiting: ChangesWaiting): boolean {
  return waiting.cases + waiting.other > 0;
}
