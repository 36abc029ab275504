// The ADR letter (REGULATION.md §1): sent when a complaint is still unresolved a set number of weeks after it was
// first made (time-based), or at once when the provider has given its final position. It names the scheme with its
// details from the versioned directory, says it is independent and free, that a decision binds the provider only if
// the customer accepts it, and the time limit; and it gives the final position or the progress so far.
import { saying } from '#shared/model/saying';
import { message, schemeNamesIn } from './catalogue';
import {
  type AdrTerms,
  caseLetter,
  type LetterBaseInput,
  type SchemeChoice,
  deskText,
  handlerParagraph,
  letterBasics,
  referralLimitParagraph,
  representativeOpening,
  schemeAboutParagraphs,
  contactSectionFacts,
  schemeContactSection,
  schemeFactsToCheck,
  schemeOn,
} from './common';
import type { LetterDocument } from './document';
import { joinSentences, paragraph, section } from './layout';
import { LetterRefusalError } from './refusals';

export type AdrLetterReason =
  /** Unresolved after the regime's wait: `progress` says what has been done so far, in the desk's words. */
  | { kind: 'time-based'; progress: string }
  /** The provider has given its final position and will do no more: `finalPosition` in the desk's words. */
  | { kind: 'final-position'; finalPosition: string };

export interface AdrLetterInput extends LetterBaseInput {
  reason: AdrLetterReason;
  /** The scheme the provider belongs to (the procedure's adrSchemeId). */
  scheme: SchemeChoice;
  /** From the rules engine: `adrTermsFor(regimeId, caseRecord.receivedOn)` or `adrTermsFromEvaluation(…)`. */
  terms: AdrTerms;
}

export function adrLetter(input: AdrLetterInput): LetterDocument {
  if (input.reason.kind === 'time-based') {
    // The engine's day (AdrTerms.timeBasedFrom): the letter is refused exactly until the case page says it is due.
    const receivedOn = input.caseRecord.receivedOn;
    const availableOn = input.terms.timeBasedFrom;
    if (input.issuedOn < availableOn)
      throw new LetterRefusalError(
        saying('adr-time-too-early', {
          availableOn: { date: availableOn },
          weeks: input.terms.waitWeeks,
          receivedOn: { date: receivedOn },
        }),
      );
  }
  const basics = letterBasics(input);
  const { language, reference, receivedOn } = basics;
  const scheme = schemeOn(input.scheme, input.issuedOn);
  const schemeNames = schemeNamesIn(language, scheme);
  const schemeName = schemeNames.short;
  const { reason, terms } = input;

  const opening =
    reason.kind === 'time-based'
      ? [
          paragraph(language, 'adrLetter.time.intro', { receivedOn, weeks: String(terms.waitWeeks) }, ['weeks']),
          section(message(language, 'adrLetter.time.progressHeading', {}), [
            ...deskText(reason.progress, 'progress-made'),
            paragraph(language, 'adrLetter.time.continue', { schemeName }),
          ]),
        ]
      : [
          paragraph(language, 'adrLetter.final.intro', { receivedOn }),
          section(message(language, 'adrLetter.final.heading', {}), deskText(reason.finalPosition, 'final-position')),
        ];

  const help = section(message(language, 'adrLetter.help.heading', {}), [
    joinSentences(
      paragraph(language, 'adrLetter.help.now', { schemeName }),
      ...schemeAboutParagraphs(language, schemeName),
    ),
    referralLimitParagraph(language, schemeName, terms.referralMonths, input.issuedOn),
  ]);

  return caseLetter(input, basics, {
    title: message(language, 'adrLetter.title', { reference }),
    heading: message(language, 'adrLetter.heading', { schemeName }),
    body: [
      ...representativeOpening(basics),
      ...opening,
      help,
      schemeContactSection(language, scheme, reference),
      handlerParagraph(basics),
    ],
    schemeNames,
    toCheck: schemeFactsToCheck(scheme, contactSectionFacts(scheme)),
  });
}
