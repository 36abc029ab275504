// How a letter greets its addressee and names the customer, from the title the desk recorded at intake (issue #17):
// "Dear Ms Okafor," or, with no title, "Dear Amara Okafor,"; in French "Madame," / "Monsieur," / "Madame, Monsieur,"
// (Mx, Dr or no title: no gender is guessed). The words are the language pack's (./catalogue.ts, `people`).
import type { CustomerTitle } from '#shared/model/case';
import { type LetterLanguage, languagePack, type PeopleWords } from './catalogue';

/** Someone a letter greets or names: their name as the desk typed it, and their title when one was recorded. */
export interface NamedPerson {
  name: string;
  title?: CustomerTitle;
}

/** Lower-case words that belong to a surname: "van Beethoven", "de la Fontaine", "da Silva". */
const SURNAME_PARTICLES = new Set([
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ten',
  'ter',
]);

/**
 * The surname as it follows a title: the last word, with the particles before it ("Okafor", "van Beethoven",
 * "de la Fontaine"). The name keeps what the desk typed (O'Brien stays O'Brien).
 */
export function surnameOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  let start = words.length - 1;
  while (start > 1 && SURNAME_PARTICLES.has(words[start - 1])) start -= 1;
  return words.slice(start).join(' ');
}

/** "Ms Okafor" (en-GB), "Ms. Okafor" (en-CA), "Mme Tremblay" (fr-CA); null without a title. */
export function titledName(language: LetterLanguage, person: NamedPerson): string | null {
  if (!person.title) return null;
  const surname = surnameOf(person.name);
  return surname ? `${languagePack(language).people.titles[person.title]} ${surname}` : null;
}

/** The greeting line: "Dear Ms Okafor,", "Dear Amara Okafor,", "Madame,", "Madame, Monsieur,". */
export function greeting(language: LetterLanguage, person: NamedPerson): string {
  const { greeting: words } = languagePack(language).people;
  if (words.kind === 'appellation') return words.line.replace('{appellation}', appellation(words, person));
  const titled = titledName(language, person);
  return titled ? words.titled.replace('{titledName}', titled) : words.untitled.replace('{name}', person.name.trim());
}

/**
 * The line above the signature, which answers the greeting: "Yours sincerely"; in French it names the addressee as
 * the greeting did ("Veuillez agréer, Madame, nos salutations distinguées.").
 */
export function signOffLine(language: LetterLanguage, person: NamedPerson): string {
  const { greeting: words } = languagePack(language).people;
  return words.kind === 'appellation'
    ? words.signOff.replace('{appellation}', appellation(words, person))
    : words.signOff;
}

/**
 * The addressee's name as the envelope window prints it. In French the appellation in full comes first when the title
 * says it ("Madame Éloïse D'Amours": OQLF, « suscription »; explore34a #15); Mx, Dr or no title: the name alone, as in
 * English, whose window has always printed the name as typed.
 */
export function nameInWindow(language: LetterLanguage, person: NamedPerson): string {
  const { greeting: words } = languagePack(language).people;
  const name = person.name.trim();
  const said = words.kind === 'appellation' && person.title ? words.byTitle[person.title] : undefined;
  return said ? `${said} ${name}` : name;
}

type Appellation = Extract<PeopleWords['greeting'], { kind: 'appellation' }>;

/** "Madame" / "Monsieur" from the title; the neutral appellation when the title says no gender, or there is none. */
const appellation = (words: Appellation, person: NamedPerson) =>
  (person.title && words.byTitle[person.title]) || words.otherwise;

/**
 * The customer as the object of a sentence ("We are sending … a copy"): "Ms Okafor" when a title was recorded (a
 * customer is not "them" then), otherwise the language's neutral word ("them") or their full name; their full name
 * too for a title the language does not put in a sentence (French: Dr, Mx).
 */
export function customerAsObject(language: LetterLanguage, person: NamedPerson): string {
  const { titlesInSentence, untitledObject } = languagePack(language).people;
  if (person.title && titlesInSentence && !titlesInSentence.includes(person.title)) return person.name.trim();
  return titledName(language, person) ?? untitledObject ?? person.name.trim();
}
