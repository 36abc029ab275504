// A desk's local copy last opened while the computer's clock was ahead opens once the clock is put right (explore40-team
// #1): PouchDB's indexeddb adapter asks for the version 2·10^13 + Date.now(), lower then than the one stored.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { keepVersionsAhead } from './clock-proof';

const ADAPTER_VERSION = 2 * 10 ** 13;
const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-07T22:00:00.000Z');

/** Open `name` as the adapter does (an upgrade each time), resolving to the version opened and whether it upgraded. */
function open(factory: IDBFactory, name: string, version?: number) {
  return new Promise<{ version: number; upgraded: boolean }>((resolve, reject) => {
    let upgraded = false;
    const request = version === undefined ? factory.open(name) : factory.open(name, version);
    request.onupgradeneeded = () => {
      upgraded = true;
      if (!request.result.objectStoreNames.contains('docs')) request.result.createObjectStore('docs');
    };
    request.onsuccess = () => {
      const db = request.result;
      resolve({ version: db.version, upgraded });
      db.close();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('a team copy opened with the clock put right after it was ahead', () => {
  it('fails without the guard, as PouchDB met it', async () => {
    const factory = new IDBFactory();
    await open(factory, '_pouch_team', ADAPTER_VERSION + NOW + DAY_MS);
    await expect(open(factory, '_pouch_team', ADAPTER_VERSION + NOW)).rejects.toMatchObject({ name: 'VersionError' });
  });

  it('opens (and upgrades, as the adapter wants) above the stored version; other databases are not touched', async () => {
    const factory = new IDBFactory();
    const ahead = ADAPTER_VERSION + NOW + DAY_MS;
    await open(factory, '_pouch_team', ahead);
    await open(factory, 'redress', 19);
    await keepVersionsAhead(factory, '_pouch_team');
    expect(await open(factory, '_pouch_team', ADAPTER_VERSION + NOW)).toEqual({ version: ahead + 1, upgraded: true });
    // Each open goes on upgrading, as PouchDB's does; once the clock passes the wrong time, its own version is asked.
    expect(await open(factory, '_pouch_team', ADAPTER_VERSION + NOW + 1000)).toEqual({
      version: ahead + 2,
      upgraded: true,
    });
    const later = ADAPTER_VERSION + NOW + 2 * DAY_MS;
    expect(await open(factory, '_pouch_team', later)).toEqual({ version: later, upgraded: true });
    // Opening without a version (the adapter's reopen) and other names pass through unchanged.
    expect(await open(factory, '_pouch_team')).toEqual({ version: later, upgraded: false });
    await expect(open(factory, 'redress', 18)).rejects.toMatchObject({ name: 'VersionError' });
  });

  it('a copy never opened before opens at the version asked', async () => {
    const factory = new IDBFactory();
    await keepVersionsAhead(factory, '_pouch_new');
    expect(await open(factory, '_pouch_new', ADAPTER_VERSION + NOW)).toEqual({
      version: ADAPTER_VERSION + NOW,
      upgraded: true,
    });
  });
});
