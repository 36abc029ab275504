// The ADR scheme facts that Redress's scheme directory has not verified (shared/rules/adr-schemes.ts `unverified`), in
// the interface language: what a letter prints unverified (shared/letters `SchemeFactsToCheck`), said before it is
// issued or printed, and what Settings shows beside the scheme. The facts are named by the catalogue's
// `schemeCheck.fact.<field>`; a field it does not know is named as the directory writes it.
import type { SchemeFactsToCheck } from '#shared/letters/index';
import type { MessageKey, Translate } from './index';
import { enGB } from './messages/en-GB';

/** "the postal address", "the website and the phone number", in the interface language. */
export function schemeFactsIn(t: Translate, locale: string, facts: readonly string[]): string {
  const named = facts.map((fact) => {
    const key = `schemeCheck.fact.${fact}`;
    return key in enGB ? t(key as MessageKey) : fact;
  });
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(named);
}

/**
 * Before a letter is issued (`references` absent) or a print run is made (the cases whose letters print them): which
 * facts are unverified and where to check them.
 */
export function schemeCheckIn(
  t: Translate,
  locale: string,
  check: SchemeFactsToCheck,
  references?: readonly string[],
): string {
  const values = {
    facts: schemeFactsIn(t, locale, check.facts),
    factCount: check.facts.length,
    scheme: check.schemeName,
    website: check.website,
  };
  return references
    ? t('schemeCheck.post', {
        ...values,
        count: references.length,
        references: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(references),
      })
    : t('schemeCheck.letter', values);
}
