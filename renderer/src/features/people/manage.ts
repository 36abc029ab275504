// Keeping the desk's list of people: the first-run default and the checks before adding or deactivating someone.
import { addPerson } from '#db/repositories/cases';
import type { PersonRow, RedressDatabase } from '#db/schema';
import { PROBLEMS_EN, sayProblem } from '#shared/model/problems';
import { fieldCharacterProblem, sameName } from '#shared/model/text';
import { printedTextUnprintable } from '#shared/letters/index';

/**
 * Make sure the settings' handler is on the list when nobody is (a new desk, or one set up before the list
 * existed). Safe to call from every window at once: adding is one transaction that finds an existing name.
 */
export async function ensureDeskPerson(database: RedressDatabase, handlerName: string): Promise<void> {
  const name = handlerName.trim();
  if (!name) return;
  if ((await database.people.count()) > 0) return;
  await addPerson(database, name);
}

export const PERSON_NAME_MAX = 100;

/** Why a new name cannot be added, or null. */
export function checkNewPersonName(name: string, people: readonly PersonRow[]): string | null {
  const trimmed = name.trim();
  if (!trimmed) return PROBLEMS_EN['person-name-missing'];
  if (trimmed.length > PERSON_NAME_MAX) return sayProblem('person-name-too-long', { max: PERSON_NAME_MAX });
  // The name goes on every entry the person records and on their letters: no invisible or control characters.
  const characters = fieldCharacterProblem(trimmed, 'single-line', 'Name');
  if (characters) return characters;
  // Letters are signed with it: characters the letter font cannot print would have every one refused.
  const unprintable = printedTextUnprintable(trimmed);
  if (unprintable) return sayProblem('person-name-unprintable', { names: unprintable });
  const same = people.find((p) => sameName(p.name, trimmed));
  if (same?.active) return sayProblem('person-already-listed', { name: same.name });
  return null;
}

/** Why someone cannot be deactivated (the desk needs one active person), or null. */
export function checkDeactivate(person: PersonRow, people: readonly PersonRow[]): string | null {
  if (!person.active) return null;
  if (people.filter((p) => p.active).length <= 1) return PROBLEMS_EN['someone-must-stay-active'];
  return null;
}
