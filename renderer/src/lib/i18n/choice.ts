// The language of the interface, chosen per person (issue #17): Settings → "Language of the interface". Remembered on
// this computer for each person of the desk (localStorage, keyed by the person's id, like the choice of who is
// working: it is a preference of the person at this desk, not a fact of the shared case store), and kept in step
// between the app's windows. A person who never chose gets the operating system's language.
import { useSyncExternalStore } from 'react';
import { INTERFACE_LOCALES, type InterfaceLocale } from '#shared/model/dates';
import { storedWorkingPersonId } from '../working-person';

const PREFIX = 'redress.interfaceLocale.';
/** The key used before anyone is on the desk's list of people (first run). */
export const NO_PERSON = 'desk';
const listeners = new Set<() => void>();

/**
 * The interface language that follows the operating system's: any French → French (Canada), Canadian English →
 * English (Canada), anything else → English (UK). The first language the app has wins ("en-CA, fr-CA" is English).
 */
export function localeFromSystem(languages: readonly string[]): InterfaceLocale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'fr' || lower.startsWith('fr-')) return 'fr-CA';
    if (lower === 'en-ca') return 'en-CA';
    if (lower === 'en' || lower.startsWith('en-')) return 'en-GB';
  }
  return 'en-GB';
}

export function isInterfaceLocale(value: unknown): value is InterfaceLocale {
  return typeof value === 'string' && (INTERFACE_LOCALES as readonly string[]).includes(value);
}

function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** The language a person chose at this desk, or null when they never chose. */
export function chosenLocale(personId: string | null): InterfaceLocale | null {
  try {
    const stored = window.localStorage.getItem(PREFIX + (personId ?? NO_PERSON));
    return isInterfaceLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The language the interface shows for a person: their choice, else the operating system's. */
export function interfaceLocaleFor(personId: string | null): InterfaceLocale {
  return chosenLocale(personId) ?? localeFromSystem(systemLanguages());
}

/**
 * The language of the page's own notes, drawn before the app knows who is working (the database opening, held by a
 * move, or failing): the language of the person last chosen at this computer, else the operating system's.
 */
export function pageLocale(): InterfaceLocale {
  try {
    const shown = window.localStorage.getItem(LAST_SHOWN);
    if (isInterfaceLocale(shown)) return shown;
  } catch {
    // Storage blocked: as below.
  }
  return interfaceLocaleFor(storedWorkingPersonId());
}

/**
 * The language the app last showed at this computer, once it knew who was working (the person chosen in the header,
 * or picked for them: the settings' handler, the first on the list). pageLocale speaks it, so a window drawn before
 * the desk is read (its shell, a note) is already in the language it will show, whoever was picked and however.
 */
const LAST_SHOWN = 'redress.lastInterfaceLocale';

/** Remember the language the app now shows (Providers, once the desk's people and settings are read). */
export function rememberShownLocale(locale: InterfaceLocale): void {
  try {
    if (window.localStorage.getItem(LAST_SHOWN) !== locale) window.localStorage.setItem(LAST_SHOWN, locale);
  } catch {
    // Storage full or blocked: the page's words follow the person last chosen instead.
  }
}

/** Remember a person's language at this desk; every window follows at once. */
export function setInterfaceLocale(personId: string | null, locale: InterfaceLocale): void {
  try {
    window.localStorage.setItem(PREFIX + (personId ?? NO_PERSON), locale);
  } catch {
    // Storage full or blocked: the choice lasts until the window closes.
    memory.set(personId ?? NO_PERSON, locale);
  }
  for (const l of listeners) l();
}
const memory = new Map<string, InterfaceLocale>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The interface language of the person working (live: a change here or in another window redraws). */
export function useInterfaceLocaleFor(personId: string | null): InterfaceLocale {
  return useSyncExternalStore(
    subscribe,
    () => memory.get(personId ?? NO_PERSON) ?? interfaceLocaleFor(personId),
    () => 'en-GB',
  );
}
