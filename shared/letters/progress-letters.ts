// The holding (update) letter and the final response letter. Both tell the customer about the ADR scheme, with its
// details from the versioned directory: the update says from when it can be asked; the final response says how to
// go to it if the customer is unhappy, from when, and the time limit. A Canadian scheme (the CCTS) is described in
// its own words, without the UK time limit. A business too large for the scheme (the rules engine's adrOutOfScope)
// is not offered it: the update leaves it out, the final response says why the scheme cannot help.
import type { AdrSchemeDetails } from '#shared/rules/types';
import {
  type LetterLanguage,
  dateInWords,
  dateWithWeekdayInWords,
  message,
  parseIsoDate,
  schemeNamesIn,
} from './catalogue';
import {
  type AdrOutOfScope,
  outOfScopeParagraph,
  caseLetter,
  type LetterBaseInput,
  type SchemeChoice,
  deskText,
  handlerParagraph,
  letterBasics,
  referralLimitParagraph,
  representativeOpening,
  schemeAboutParagraphs,
  CONTACT_LINE_FACTS,
  contactSectionFacts,
  schemeContactSection,
  schemeFactsToCheck,
  schemeOn,
} from './common';
import type { LetterContent, LetterDocument } from './document';
import { joinSentences, paragraph, section } from './layout';

export interface UpdateLetterInput extends LetterBaseInput {
  /** What has been done so far, in the desk's words (blank lines separate paragraphs). */
  progress: string;
  /** When we expect to reply in full (YYYY-MM-DD); a date already passed is not promised. */
  nextUpdateOn?: string | null;
  /** From when the customer may go to the scheme (the rules engine's 'adr-letter' clock). */
  adrAvailableOn?: string | null;
  scheme: SchemeChoice;
  /** The customer is a business too large for the scheme: the letter does not offer it. */
  adrOutOfScope?: AdrOutOfScope;
}

export function updateLetter(input: UpdateLetterInput): LetterDocument {
  const basics = letterBasics(input);
  const { language, reference, receivedOn } = basics;
  const scheme = schemeOn(input.scheme, input.issuedOn);
  const schemeNames = schemeNamesIn(language, scheme);
  const schemeName = schemeNames.short;
  const nextUpdateOn = input.nextUpdateOn && checked(input.nextUpdateOn) >= input.issuedOn ? input.nextUpdateOn : null;
  const adrAvailableOn = input.adrAvailableOn ? checked(input.adrAvailableOn) : null;

  // The scheme is offered from a later day, or now with its contact line (not at all when out of its scope). With no
  // day at all (the CCTS, which takes a complaint once the provider's own levels are done), the customer is told we
  // will write to say how, as the acknowledgement does: never "you can already" (explore34a #3).
  const later = adrAvailableOn && adrAvailableOn > input.issuedOn ? adrAvailableOn : null;
  const offeredNow = !input.adrOutOfScope && !later && adrAvailableOn !== null;
  const adr: LetterContent[] = input.adrOutOfScope
    ? []
    : adrAvailableOn === null
      ? [paragraph(language, 'ack.adr.noDate.scheme', { schemeName })]
      : later
        ? [
            paragraph(language, 'update.adr.fromDate', { adrAvailableOn: dateInWords(language, later), schemeName }, [
              'adrAvailableOn',
            ]),
            paragraph(language, 'adr.about', { schemeName }),
          ]
        : [
            paragraph(language, 'update.adr.now', { schemeName }),
            paragraph(language, 'adr.about', { schemeName }),
            paragraph(language, 'ack.adr.contact', { website: scheme.website.trim(), phone: scheme.phone.trim() }),
          ];

  return caseLetter(input, basics, {
    title: message(language, 'update.title', { reference }),
    heading: message(language, 'update.heading', {}),
    body: [
      ...representativeOpening(basics),
      paragraph(language, 'update.intro', { receivedOn }),
      section(message(language, 'update.progress.heading', {}), deskText(input.progress, 'progress')),
      section(message(language, 'update.next.heading', {}), [
        nextUpdateOn
          ? paragraph(language, 'update.next.by', { nextUpdateOn: dateWithWeekdayInWords(language, nextUpdateOn) }, [
              'nextUpdateOn',
            ])
          : paragraph(language, 'update.next.soon', {}),
        ...adr,
      ]),
      handlerParagraph(basics),
    ],
    schemeNames,
    ...(offeredNow ? { toCheck: schemeFactsToCheck(scheme, CONTACT_LINE_FACTS) } : {}),
  });
}

export interface FinalResponseInput extends LetterBaseInput {
  /** What we found, in the desk's words. */
  outcome: string;
  /** What we have done about it. */
  actionsTaken: string;
  /** The remedy or compensation offered (e.g. "We have credited £45.00 to your account."); omitted when absent. */
  remedy?: string;
  /** From when the customer may go to the scheme; absent or passed: at once. */
  adrAvailableOn?: string | null;
  /** Months from this letter to go to the scheme (from the regime: adrTermsFor(…).referralMonths). UK schemes. */
  referralMonths?: number;
  scheme: SchemeChoice;
  /** The customer is a business too large for the scheme: the letter says so instead of offering it. */
  adrOutOfScope?: AdrOutOfScope;
}

export function finalResponseLetter(input: FinalResponseInput): LetterDocument {
  const basics = letterBasics(input);
  const { language, reference, receivedOn } = basics;
  const scheme = schemeOn(input.scheme, input.issuedOn);
  const schemeNames = schemeNamesIn(language, scheme);
  const schemeName = schemeNames.short;
  const adrAvailableOn = input.adrAvailableOn ? checked(input.adrAvailableOn) : null;
  const remedy = input.remedy?.trim();

  const when =
    adrAvailableOn && adrAvailableOn > input.issuedOn
      ? paragraph(
          language,
          'final.adr.fromDate',
          { schemeName, adrAvailableOn: dateInWords(language, adrAvailableOn) },
          ['adrAvailableOn'],
        )
      : paragraph(language, 'final.adr.now', { schemeName });

  return caseLetter(input, basics, {
    title: message(language, 'final.title', { reference }),
    heading: message(language, 'final.heading', {}),
    body: [
      ...representativeOpening(basics),
      paragraph(language, 'final.intro', { receivedOn }),
      section(message(language, 'final.outcome.heading', {}), deskText(input.outcome, 'outcome')),
      section(message(language, 'final.done.heading', {}), deskText(input.actionsTaken, 'actions')),
      ...(remedy ? [section(message(language, 'final.remedy.heading', {}), deskText(remedy, 'remedy'))] : []),
      ...(input.adrOutOfScope
        ? [
            section(message(language, 'final.adr.heading', {}), [
              outOfScopeParagraph(language, schemeName, input.adrOutOfScope),
            ]),
          ]
        : [
            section(message(language, 'final.adr.heading', {}), [
              when,
              ...schemeParagraphs(language, scheme, schemeName, input),
            ]),
            schemeContactSection(language, scheme, reference),
          ]),
      handlerParagraph(basics),
    ],
    schemeNames,
    ...(input.adrOutOfScope ? {} : { toCheck: schemeFactsToCheck(scheme, contactSectionFacts(scheme)) }),
  });
}

function schemeParagraphs(
  language: LetterLanguage,
  scheme: AdrSchemeDetails,
  schemeName: string,
  input: FinalResponseInput,
): LetterContent[] {
  const about = schemeAboutParagraphs(language, schemeName);
  if (scheme.country === 'CA') {
    return [
      joinSentences(
        paragraph(language, 'ccts.about', { schemeName }),
        paragraph(language, 'adr.binding', { schemeName }),
      ),
    ];
  }
  if (input.referralMonths === undefined) {
    throw new Error('A final response naming a UK scheme needs the referral window (referralMonths) from the rules.');
  }
  return [...about, referralLimitParagraph(language, schemeName, input.referralMonths, input.issuedOn)];
}

function checked(iso: string): string {
  parseIsoDate(iso);
  return iso;
}
