// FCA DISP: a complaint resolved by the close of the third business day after receipt gets a "summary resolution
// communication" instead of a final response (REGULATION.md §3): it says we consider the complaint resolved and that
// the customer may be able to refer it to the Financial Ombudsman Service, with its details from the directory.
import { saying } from '#shared/model/saying';
import { LetterRefusalError } from './refusals';
import { dateInWords, message, parseIsoDate, schemeNamesIn } from './catalogue';
import {
  caseLetter,
  type LetterBaseInput,
  type SchemeChoice,
  deskText,
  handlerParagraph,
  letterBasics,
  representativeOpening,
  contactSectionFacts,
  schemeContactSection,
  schemeFactsToCheck,
  schemeOn,
} from './common';
import type { LetterDocument } from './document';
import { paragraph, section } from './layout';

export interface SummaryResolutionInput extends LetterBaseInput {
  /** The day the complaint was resolved (YYYY-MM-DD), by the close of the 3rd business day after receipt. */
  resolvedOn: string;
  /** What was agreed, in the desk's words. */
  resolution: string;
  /** The Financial Ombudsman Service by default. */
  scheme?: SchemeChoice;
}

export function summaryResolutionLetter(input: SummaryResolutionInput): LetterDocument {
  const basics = letterBasics(input);
  const { language, reference, receivedOn } = basics;
  parseIsoDate(input.resolvedOn);
  if (input.resolvedOn < input.caseRecord.receivedOn) throw new LetterRefusalError(saying('resolved-before-received'));
  const scheme = schemeOn(input.scheme ?? { schemeId: 'financial-ombudsman' }, input.issuedOn);
  const schemeNames = schemeNamesIn(language, scheme);
  const schemeName = schemeNames.short;

  return caseLetter(input, basics, {
    title: message(language, 'summary.title', { reference }),
    heading: message(language, 'summary.heading', {}),
    body: [
      ...representativeOpening(basics),
      paragraph(language, 'summary.intro', { receivedOn, resolvedOn: dateInWords(language, input.resolvedOn) }, [
        'resolvedOn',
      ]),
      section(message(language, 'summary.what.heading', {}), deskText(input.resolution, 'agreed')),
      section(message(language, 'summary.adr.heading', {}), [paragraph(language, 'summary.adr', { schemeName })]),
      schemeContactSection(language, scheme, reference),
      handlerParagraph(basics),
    ],
    schemeNames,
    toCheck: schemeFactsToCheck(scheme, contactSectionFacts(scheme)),
  });
}
