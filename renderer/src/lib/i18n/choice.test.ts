// The interface language is each person's (issue #17): two people at one computer keep their own; someone who never
// chose gets the operating system's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chosenLocale, interfaceLocaleFor, pageLocale, rememberShownLocale, setInterfaceLocale } from './choice';
import { storeWorkingPersonId } from '../working-person';

function fakeStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('the interface language of each person', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { localStorage: fakeStorage(), addEventListener() {}, removeEventListener() {} });
    vi.stubGlobal('navigator', { languages: ['fr-CA', 'en-CA'], language: 'fr-CA' });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('follows the operating system until the person chooses, then keeps each person’s choice apart', () => {
    expect(chosenLocale('ana')).toBeNull();
    expect(interfaceLocaleFor('ana')).toBe('fr-CA');
    setInterfaceLocale('ana', 'en-GB');
    setInterfaceLocale('ben', 'en-CA');
    expect(interfaceLocaleFor('ana')).toBe('en-GB');
    expect(interfaceLocaleFor('ben')).toBe('en-CA');
    // Someone else, and the desk before anyone is on its list, still follow the operating system.
    expect(interfaceLocaleFor('cleo')).toBe('fr-CA');
    expect(interfaceLocaleFor(null)).toBe('fr-CA');
  });

  it('ignores a stored value that is not one of the interface languages', () => {
    window.localStorage.setItem('redress.interfaceLocale.ana', 'de-DE');
    expect(chosenLocale('ana')).toBeNull();
    expect(interfaceLocaleFor('ana')).toBe('fr-CA');
  });

  it('speaks the page’s own notes in the language of the person last working at this computer', () => {
    // Before anyone was chosen here: the desk's choice, else the operating system's.
    expect(pageLocale()).toBe('fr-CA');
    setInterfaceLocale(null, 'en-CA');
    expect(pageLocale()).toBe('en-CA');
    // Ana chose English (UK); Ben never chose. The note follows whoever was chosen last at this computer.
    setInterfaceLocale('ana', 'en-GB');
    storeWorkingPersonId('ana');
    expect(pageLocale()).toBe('en-GB');
    storeWorkingPersonId('ben');
    expect(pageLocale()).toBe('fr-CA');
  });

  it('speaks them in the language the app last showed here, once it has shown one, whoever was working', () => {
    // Dana chose English (Canada), but was never picked in the header: the app picked her (the settings' handler), so
    // no one is stored as chosen. The app remembers what it showed; the page's words follow that, not the system.
    setInterfaceLocale('dana', 'en-CA');
    expect(pageLocale()).toBe('fr-CA');
    rememberShownLocale('en-CA');
    expect(pageLocale()).toBe('en-CA');
    // Someone chosen later, in French: once the app has shown French, so does the page.
    storeWorkingPersonId('ana');
    setInterfaceLocale('ana', 'fr-CA');
    rememberShownLocale('fr-CA');
    expect(pageLocale()).toBe('fr-CA');
  });

  it('ignores a remembered language that is not one of the interface languages', () => {
    window.localStorage.setItem('redress.lastInterfaceLocale', 'de-DE');
    setInterfaceLocale(null, 'en-CA');
    expect(pageLocale()).toBe('en-CA');
  });
});
