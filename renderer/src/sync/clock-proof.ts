// PouchDB's `indexeddb` adapter opens a desk's local copy with the IndexedDB version 2·10^13 + Date.now(), so that every
// open upgrades it (and so looks after its indexes). IndexedDB refuses a version lower than the one stored. So once a
// desk's computer clock has been ahead (a day, or a year for a PC that said 2027 for an hour) and is put right, every
// open of the copy fails ("The requested version (…) is less than the existing version (…)", apache/pouchdb#8639, open
// upstream) until the real time passes the wrong one: the desk shares nothing, and joining again meets the same copy
// (explore40-team #1). Here an open of the copy that asks for a lower version than the stored one asks for the stored
// one plus one instead, which is what the adapter wants of it (an upgrade on every open).

/** The IndexedDB names whose opens are kept from going back in version, with the highest version known of each. */
const floors = new WeakMap<IDBFactory, Map<string, number>>();

/**
 * Before PouchDB opens `idbName` (its own name for the desk's copy: the prefix and the database's name) in `factory`:
 * every later open of that name with a version is raised, when needed, above the highest version known of it (read
 * from the browser now, and each open since). Other databases' opens pass through unchanged.
 */
export async function keepVersionsAhead(factory: IDBFactory, idbName: string): Promise<void> {
  // `databases()` is in every browser Redress runs in (Chromium, Electron); without it the stored version is not known.
  const listed = typeof factory.databases === 'function' ? await factory.databases() : [];
  const stored = listed.find((d) => d.name === idbName)?.version ?? 0;
  let known = floors.get(factory);
  if (!known) {
    known = new Map();
    floors.set(factory, known);
    const names = known;
    const open = factory.open.bind(factory);
    factory.open = (name: string, version?: number): IDBOpenDBRequest => {
      const floor = names.get(name);
      if (version === undefined || floor === undefined) return open(name, version);
      const asked = Math.max(version, floor + 1);
      names.set(name, asked);
      return open(name, asked);
    };
  }
  known.set(idbName, Math.max(known.get(idbName) ?? 0, stored));
}
