// Who is working at this computer, as remembered here (localStorage, shared by every window of the app). The people
// feature chooses and shows the person (features/people/current.ts); this is only the stored choice, low enough to be
// read before the app's screens exist (the page's own notes speak the person's language: ./i18n/choice.ts pageLocale).

/** The localStorage key of the chosen person's id (also watched for another window's choice). */
export const WORKING_PERSON_KEY = 'redress.currentPersonId';

/** The id of the person last chosen at this computer, or null (none chosen, or storage blocked). */
export function storedWorkingPersonId(): string | null {
  try {
    return window.localStorage.getItem(WORKING_PERSON_KEY);
  } catch {
    return null;
  }
}

/** Remember the person chosen (storage full or blocked: not remembered, and nothing breaks). */
export function storeWorkingPersonId(id: string): void {
  try {
    window.localStorage.setItem(WORKING_PERSON_KEY, id);
  } catch {
    // Not remembered: the header goes on showing the person it showed before.
  }
}
