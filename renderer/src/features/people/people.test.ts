import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { reassignCase } from '#db/repositories/assign';
import { deskSettings } from '#test/support/desk';
import { fr } from '#test/support/translate';
import { messageIn } from '#lib/i18n/index';
import { pickCurrentPerson } from './current';
import { checkDeactivate, checkNewPersonName, ensureDeskPerson } from './manage';
import { countEntries, readTimeline } from '#db/timeline';

const settings = deskSettings();
const clockAt = (iso: string) => ({ now: () => new Date(iso) });

let opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  const database = new RedressDatabase(`redress-assign-${process.pid}-${++n}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

async function logged(database: RedressDatabase) {
  return createCase(
    database,
    {
      receivedOn: '2026-11-18',
      channel: 'phone',
      customer: { name: 'Ada Lovelace' },
      category: 'billing',
      summary: 'Charged twice',
    },
    { settings, by: 'Sam Patel', clock: clockAt('2026-11-18T10:00:00Z') },
  );
}

describe('reassignCase', () => {
  it('changes the handler, says so on the timeline and in the case index, together', async () => {
    const database = fresh();
    const c = await logged(database);
    const event = await reassignCase(database, c.id, 'Priya Shah', {
      by: 'Sam Patel',
      reason: 'On leave',
      clock: clockAt('2026-11-20T09:30:00Z'),
    });
    expect(event).toMatchObject({
      type: 'reassigned',
      on: '2026-11-20',
      by: 'Sam Patel',
      summary: 'Handed over from Sam Patel to Priya Shah: On leave',
      data: { from: 'Sam Patel', to: 'Priya Shah' },
    });
    expect((await database.cases.get(c.id))?.assignee).toBe('Priya Shah');
    expect((await database.caseIndex.get(c.id))?.assignee).toBe('Priya Shah');
    expect((await readTimeline(database, c.id)).length).toBe(2);
  });
  it('writes nothing when the case already has that handler', async () => {
    const database = fresh();
    const c = await logged(database);
    expect(await reassignCase(database, c.id, ' Sam Patel ', { by: 'Sam Patel' })).toBeNull();
    expect((await readTimeline(database, c.id)).length).toBe(1);
  });
  it('refuses an unknown case or an empty name and writes nothing', async () => {
    const database = fresh();
    const c = await logged(database);
    await expect(reassignCase(database, 'nope', 'Priya Shah', { by: 'Sam Patel' })).rejects.toThrow(/No case/);
    await expect(reassignCase(database, c.id, '  ', { by: 'Sam Patel' })).rejects.toThrow(/Choose who/);
    expect(await countEntries(database)).toBe(1);
  });
});

describe('pickCurrentPerson', () => {
  const people = [
    { id: 'a', name: 'Sam Patel', active: true },
    { id: 'b', name: 'Priya Shah', active: true },
    { id: 'c', name: 'Old Hand', active: false },
  ];
  it('is the person chosen at this computer while they are active', () => {
    expect(pickCurrentPerson(people, 'b', 'Sam Patel')).toEqual({ id: 'b', name: 'Priya Shah' });
  });
  it('falls back to the settings’ handler, then to the first active person by name', () => {
    expect(pickCurrentPerson(people, 'c', 'Sam Patel')).toEqual({ id: 'a', name: 'Sam Patel' });
    expect(pickCurrentPerson(people, null, 'Nobody')).toEqual({ id: 'b', name: 'Priya Shah' });
  });
  it('is the settings’ handler before anyone is on the list, and nobody before set-up', () => {
    expect(pickCurrentPerson([], null, 'Sam Patel')).toEqual({ id: null, name: 'Sam Patel' });
    expect(pickCurrentPerson([], null, undefined)).toBeNull();
  });
});

describe('the list of people', () => {
  it('starts with the settings’ handler, once, even when two windows ask at once', async () => {
    const database = fresh();
    await Promise.all([ensureDeskPerson(database, ' Sam Patel '), ensureDeskPerson(database, 'Sam Patel')]);
    expect((await database.people.toArray()).map((p) => [p.name, p.active])).toEqual([['Sam Patel', true]]);
    await ensureDeskPerson(database, 'Someone Else');
    expect(await database.people.count()).toBe(1);
  });
  it('refuses an empty, too long or duplicate name, and deactivating the last active person', () => {
    const people = [
      { id: 'a', name: 'Sam Patel', active: true },
      { id: 'b', name: 'Old Hand', active: false },
    ];
    expect(checkNewPersonName('  ', people)).toBe('Enter the person’s name');
    expect(checkNewPersonName('x'.repeat(101), people)).toMatch(/at most 100/);
    expect(checkNewPersonName('sam patel', people)).toBe('Sam Patel is already on the list');
    // Spacing aside too: "sam  patel" is listed as "sam patel" (explore36-manager #4).
    expect(checkNewPersonName(' sam   patel ', people)).toBe('Sam Patel is already on the list');
    expect(checkNewPersonName('Old Hand', people)).toBeNull();
    // The name goes on every entry and letter: an invisible control character is named and refused.
    expect(checkNewPersonName('Ro\u202ege', people)).toMatch(/Name contains an invisible control character \(U\+202E/);
    // Letters are signed with it: characters the letter font cannot print are named and refused; accents print.
    expect(checkNewPersonName('Zoë 王', people)).toBe(
      'The letter font cannot print 王: letters signed with this name would be refused. Write the name in Latin letters.',
    );
    expect(checkNewPersonName('Zoë Œuvre-Łukasz', people)).toBeNull();
    expect(checkDeactivate(people[0], people)).toMatch(/Someone must stay active/);
    expect(checkDeactivate(people[0], [...people, { id: 'c', name: 'Priya Shah', active: true }])).toBeNull();
  });
});

describe('the people checks in French (lead, session 6)', () => {
  it('a blank name, a name already listed, and the last active person', () => {
    const sam = { id: 'p1', name: 'Sam Patel', active: true } as Parameters<typeof checkDeactivate>[0];
    expect(messageIn(fr, checkNewPersonName('  ', [])!)).toBe('Indiquez le nom de la personne');
    expect(messageIn(fr, checkNewPersonName('sam patel', [sam])!)).toBe('Sam Patel figure déjà dans la liste');
    expect(messageIn(fr, checkNewPersonName('x'.repeat(101), [])!)).toBe('Un nom peut compter au plus 100 caractères');
    expect(messageIn(fr, checkNewPersonName('Zoë 😀', [])!)).toBe(
      'La police des lettres ne peut pas imprimer 😀\u00a0: les lettres signées de ce nom seraient refusées. Écrivez le nom en lettres latines.',
    );
    expect(messageIn(fr, checkDeactivate(sam, [sam])!)).toBe(
      'Une personne doit rester active\u00a0: ajoutez d’abord une autre personne',
    );
  });
});
