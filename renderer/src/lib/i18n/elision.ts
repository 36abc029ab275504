// French elision in the interface (shared/model/elision.ts): "Mot de passe d’Élodie", "Faire d’Orange le fournisseur
// habituel". ICU messages cannot say it (a select needs a key, and the key would be the value's first letter), so a
// value that asks for it is marked, the message formatted, and the word before each mark written short. Only values a
// message uses as they are ({name}): a select or plural on the same name is given its value unmarked.
import type { IntlShape } from 'react-intl';
import { type Elision, elideBefore, FRENCH_ELISION } from '#shared/model/elision';

const ELISION: Readonly<Record<string, Elision>> = { 'fr-CA': FRENCH_ELISION };

/** Put before a value to elide before; never in a message or a value (U+2063 INVISIBLE SEPARATOR). */
const MARK = '\u2063';

const plainCache = new Map<string, ReadonlySet<string>>();

/**
 * The arguments a message uses only as they are: `{name}`, and never `{name, select, …}`. (A select's branch made of
 * one word, `1 {premier}`, is listed too: no value has that name, so it changes nothing.)
 */
export function plainArguments(pattern: string): ReadonlySet<string> {
  let found = plainCache.get(pattern);
  if (!found) {
    const plain = new Set([...pattern.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1]));
    for (const m of pattern.matchAll(/\{\s*(\w+)\s*,/g)) plain.delete(m[1]);
    found = plain;
    plainCache.set(pattern, found);
  }
  return found;
}

/** `intl.formatMessage`, with the language's elision before the values that ask for it. */
export function formatElided(intl: IntlShape, key: string, values?: Record<string, string | number>): string {
  const elision = Object.hasOwn(ELISION, intl.locale) ? ELISION[intl.locale] : undefined;
  const pattern = intl.messages[key];
  if (!elision || !values || typeof pattern !== 'string') return intl.formatMessage({ id: key }, values) as string;
  const plain = plainArguments(pattern);
  let marked: Record<string, string | number> | null = null;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && plain.has(name) && elision.before.test(value)) {
      marked ??= { ...values };
      marked[name] = MARK + value;
    }
  }
  if (!marked) return intl.formatMessage({ id: key }, values) as string;
  const [first, ...rest] = (intl.formatMessage({ id: key }, marked) as string).split(MARK);
  return rest.reduce((text, piece) => elideBefore(text, piece, elision) + piece, first);
}
