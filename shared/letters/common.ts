// What the letters after the acknowledgement share: the common inputs, the ADR scheme as the versioned directory
// gives it on the letter's date, the scheme's contact block, and the ADR timings read from the rules engine's
// regimes (never typed into a template).
import { saying } from '#shared/model/saying';
import { providerForCase } from '#shared/model/provider';
import { type DeskTextPart, LetterRefusalError } from './refusals';
import type { CaseRecord, DeskSettings } from '#shared/model/case';
import {
  type AdrDirectory,
  type AdrSchemeDetailsWithNames,
  DEFAULT_ADR_DIRECTORY,
  getAdrScheme,
} from '#shared/rules/adr-schemes';
import { addMonths } from '#shared/rules/dates';
import { timeBasedAdrLetterFrom } from '#shared/rules/evaluate';
import { DEFAULT_REGIMES, type RegimeRegistry, regimeVersionFor } from '#shared/rules/regimes';
import type { AdrSchemeDetails, Duration } from '#shared/rules/types';
import { type Addressee, letterAddressee } from './addressee';
import {
  DEFAULT_LANGUAGE,
  type LetterLanguage,
  dateInWords,
  message,
  parseIsoDate,
  schemeLabelIn,
  schemeNameIn,
  schemeNamesIn,
} from './catalogue';
import type { LetterContent, LetterDocument, LetterText, SchemeFact, SchemeFactsToCheck } from './document';
import type { ParagraphEdits } from './edits';
import { joinSentences, type LetterFrame, letterDocument, letterheadFrom, paragraph, section } from './layout';
import { customerAsObject } from './salutation';

/** What every letter needs besides its own content. */
export interface LetterBaseInput {
  caseRecord: CaseRecord;
  settings: DeskSettings;
  /** The date printed on the letter (YYYY-MM-DD). */
  issuedOn: string;
  handlerName: string;
  /** The customer's language (from the case); en-GB when absent. */
  language?: LetterLanguage;
  /** Large print (16 pt body), when the customer's communication needs call for it. */
  largePrint?: boolean;
  /** The desk's edits to the draft's catalogue paragraphs, by paragraph id (see ./edits.ts). */
  edits?: ParagraphEdits;
}

/** Which ADR scheme a letter names: its directory id (or an alias); its details are read for the letter's date. */
export interface SchemeChoice {
  schemeId: string;
  /** The scheme directory (an administrator's updated copy); the built-in one when absent. */
  directory?: AdrDirectory;
}

export interface LetterBasics {
  language: LetterLanguage;
  addressee: Addressee;
  forRepresentative: boolean;
  customerName: string;
  /** The customer as a sentence's object: "Ms Okafor" with a title, else "them" (./salutation.ts). */
  customerObject: string;
  reference: string;
  receivedOn: string;
}

export function letterBasics(input: LetterBaseInput): LetterBasics {
  const language = input.language ?? DEFAULT_LANGUAGE;
  parseIsoDate(input.issuedOn);
  const addressee = letterAddressee(input.caseRecord);
  return {
    language,
    addressee,
    forRepresentative: addressee.role === 'representative',
    customerName: input.caseRecord.customer.name.trim(),
    customerObject: customerAsObject(language, input.caseRecord.customer),
    reference: input.caseRecord.reference,
    receivedOn: dateInWords(language, input.caseRecord.receivedOn),
  };
}

/**
 * A letter about a case, in the frame every letter shares: the desk's letterhead, the case's reference and account
 * number, the addressee, the date, the handler, large print, the desk's edits and the paper of the provider's region,
 * around what this letter `says`.
 */
export function caseLetter(
  input: LetterBaseInput,
  basics: Pick<LetterBasics, 'language' | 'reference' | 'addressee'>,
  says: Pick<LetterFrame, 'title' | 'heading' | 'body' | 'schemeNames' | 'toCheck'>,
): LetterDocument {
  return letterDocument({
    language: basics.language,
    ...letterheadFrom(input.settings),
    reference: basics.reference,
    issuedOn: input.issuedOn,
    accountNumber: input.caseRecord.customer.accountNumber,
    addressee: basics.addressee,
    handlerName: input.handlerName,
    largePrint: input.largePrint,
    edits: input.edits,
    // The paper and envelope of the provider's country (Letter and No. 10 in Canada).
    region: providerForCase(input.caseRecord, input.settings).provider.region,
    ...says,
  });
}

/** "We are writing to you because you are acting for …", when the letter goes to a representative. */
export function representativeOpening(basics: LetterBasics): LetterText[] {
  return basics.forRepresentative
    ? [
        paragraph(basics.language, 'letter.representative', {
          customerName: basics.customerName,
          customerObject: basics.customerObject,
        }),
      ]
    : [];
}

/** The handler's paragraph: who is handling the complaint, and the reference to quote. */
export function handlerParagraph(basics: LetterBasics): LetterText {
  return paragraph(basics.language, 'letter.handler', { reference: basics.reference }, ['reference']);
}

/** The scheme's details in force on the letter's date, from the versioned directory. */
export function schemeOn(choice: SchemeChoice, issuedOn: string): AdrSchemeDetailsWithNames {
  return getAdrScheme(choice.schemeId, issuedOn, choice.directory ?? DEFAULT_ADR_DIRECTORY);
}

/** The scheme's details a letter may print, with the directory's list of those not yet verified. */
type SchemeFacts = Pick<AdrSchemeDetails, 'name' | 'website' | 'phone' | 'textphone' | 'email' | 'postalAddress'> & {
  readonly id?: string;
  readonly unverified?: readonly string[];
};

const isVerified = (scheme: SchemeFacts, fact: SchemeFact) => !(scheme.unverified ?? []).includes(fact);

/**
 * The scheme's facts the contact section prints. REGULATION.md §1 requires the website, phone and postal address on an
 * ADR letter, so those are printed even when the directory marks them unverified (CISAS's postal address): leaving
 * one out would break §1 and take from the customer a way to reach the scheme, while the desk is told before the
 * letter is issued or printed (`schemeFactsToCheck`) and can check it on the scheme's website first. The extra ways
 * to reach the scheme that §1 does not require (textphone, email) are printed only once verified: an unchecked extra
 * adds a risk of sending the customer to a wrong address and nothing the letter owes.
 */
export function contactSectionFacts(scheme: SchemeFacts): SchemeFact[] {
  const facts: SchemeFact[] = ['website', 'phone'];
  if (scheme.textphone?.trim() && isVerified(scheme, 'textphone')) facts.push('textphone');
  if (scheme.email?.trim() && isVerified(scheme, 'email')) facts.push('email');
  if (scheme.postalAddress) facts.push('postalAddress');
  return facts;
}

/** The short contact line of the acknowledgement and the update letter prints these (`ack.adr.contact`). */
export const CONTACT_LINE_FACTS: readonly SchemeFact[] = ['website', 'phone'];

/**
 * Which of the facts a letter prints about its scheme the directory marks unverified, with where to check them (the
 * scheme's website); undefined when every one is verified.
 */
export function schemeFactsToCheck(
  scheme: SchemeFacts,
  printed: readonly SchemeFact[],
): SchemeFactsToCheck | undefined {
  const facts = printed.filter((fact) => !isVerified(scheme, fact));
  return facts.length === 0
    ? undefined
    : { schemeId: scheme.id ?? scheme.name, schemeName: scheme.name, website: scheme.website.trim(), facts };
}

/**
 * Name, website, phone, textphone, email and postal address of the scheme, as a headed section: what
 * `contactSectionFacts` says it prints.
 */
export function schemeContactSection(
  language: LetterLanguage,
  scheme: AdrSchemeDetails,
  reference: string,
): LetterContent {
  const schemeName = schemeNamesIn(language, scheme).short;
  const printed = contactSectionFacts(scheme);
  const lines: LetterContent[] = [
    { text: schemeLabelIn(language, scheme), bold: true },
    {
      text: [
        { text: message(language, 'adr.contact.website', { website: scheme.website.trim() }), bold: true },
        '      ',
        // A phone number never breaks across lines.
        { text: message(language, 'adr.contact.phone', { phone: scheme.phone.trim() }), bold: true, noWrap: true },
        ...(printed.includes('textphone') && scheme.textphone
          ? [
              '      ',
              {
                text: message(language, 'adr.contact.textphone', { textphone: scheme.textphone.trim() }),
                noWrap: true,
              },
            ]
          : []),
      ],
    },
  ];
  if (printed.includes('email') && scheme.email)
    lines.push({ text: message(language, 'adr.contact.email', { email: scheme.email.trim() }) });
  if (printed.includes('postalAddress') && scheme.postalAddress) {
    const address = [...scheme.postalAddress.lines, scheme.postalAddress.postcode]
      .map((line) => line.trim())
      .filter(Boolean)
      .join(', ');
    lines.push({ text: message(language, 'adr.contact.post', { address }) });
  }
  const formerName = scheme.formerNames[0];
  const intro = paragraph(language, 'adr.contact.intro', { reference }, ['reference']);
  return section(message(language, 'adr.contact.heading', { schemeName }), [
    formerName && schemeNameIn(language, scheme) === scheme.name.trim()
      ? joinSentences(intro, paragraph(language, 'adr.contact.formerly', { schemeName, formerName }))
      : intro,
    // Set in by 12 pt, and followed by a paragraph's gap (the letter's, large print's larger one too).
    { stack: [{ stack: lines, margin: [12, 0, 0, 0] }], style: 'paragraph' },
  ]);
}

/** How long the customer waits before an ADR letter, and how long they then have to go to the scheme. */
export interface AdrTerms {
  /** Weeks after the complaint was first made (Ofcom GC C4: 8 before 2026-04-08, 6 from then). */
  waitWeeks: number;
  /** Months from the letter to go to the scheme (12 for Ofcom; 6 for the Financial Ombudsman). */
  referralMonths: number;
  /** The rule version the figures come from, e.g. "Ofcom GC C4 from 2026-04-08". */
  rule: string;
  /**
   * The first day the time-based letter may be issued (YYYY-MM-DD), as the rules engine counts it
   * (`timeBasedAdrLetterFrom`, shared/rules): the day the case page gives the ADR letter when no deadlock brings it
   * forward, payment-services periods included.
   */
  timeBasedFrom: string;
}

function inWeeks(d: Duration, what: string): number {
  if (d.unit === 'weeks') return d.amount;
  if (d.unit === 'days' && d.amount % 7 === 0) return d.amount / 7;
  throw new Error(`The ${what} is ${d.amount} ${d.unit}, which an ADR letter cannot state in weeks.`);
}

/**
 * The ADR letter's figures from the regime version in force on the day the complaint was first made: the
 * 'adr-letter' rule's wait, the referral window, and the first day of the time-based letter for a complaint with no
 * further facts (not about payment services: a case the engine has evaluated takes `adrTermsFromEvaluation`).
 * Throws when the regime has no ADR letter.
 */
export function adrTermsFor(regimeId: string, receivedOn: string, regimes: RegimeRegistry = DEFAULT_REGIMES): AdrTerms {
  const version = regimeVersionFor(regimeId, receivedOn, regimes);
  if (!version?.adrLetter) {
    throw new Error(`No ADR letter rule of regime "${regimeId}" was in force on ${receivedOn}.`);
  }
  const window = version.referralWindow?.after;
  if (!window || window.unit !== 'months') {
    throw new Error(`Regime "${regimeId}" (${version.label}) gives no referral window in months.`);
  }
  const waitWeeks = inWeeks(version.adrLetter.after, 'wait before the ADR letter');
  const timeBasedFrom = timeBasedAdrLetterFrom(version, { receivedOn });
  if (timeBasedFrom === null) throw new Error(`${version.label} gives no first day for the ADR letter.`);
  return { waitWeeks, referralMonths: window.amount, rule: version.label, timeBasedFrom };
}

/**
 * The same, for a case the rules engine has evaluated (its `regime` is the version in force on receipt): the first
 * day of the time-based letter is the evaluation's, so the letter is refused exactly until the case page's day.
 */
export function adrTermsFromEvaluation(
  evaluation: { readonly regime: { readonly id: string } | null; readonly timeBasedAdrLetterFrom: string | null },
  receivedOn: string,
  regimes: RegimeRegistry = DEFAULT_REGIMES,
): AdrTerms {
  if (!evaluation.regime) throw new Error('The case has no regime, so it has no ADR letter.');
  const terms = adrTermsFor(evaluation.regime.id, receivedOn, regimes);
  if (!evaluation.timeBasedAdrLetterFrom) throw new Error(`${terms.rule} gave this case no ADR letter.`);
  return { ...terms, timeBasedFrom: evaluation.timeBasedAdrLetterFrom };
}

/** "You have 12 months from the date of this letter … until 20 November 2027." */
export function referralLimitParagraph(
  language: LetterLanguage,
  schemeName: string,
  referralMonths: number,
  issuedOn: string,
): LetterText {
  const referralDeadline = dateInWords(language, addMonths(issuedOn, referralMonths));
  return paragraph(language, 'adr.limit', { schemeName, referralMonths: String(referralMonths), referralDeadline }, [
    'referralMonths',
    'referralDeadline',
  ]);
}

/** A business too large for the ADR scheme (the rules engine's `Evaluation.adrOutOfScope`). */
export interface AdrOutOfScope {
  employees: number;
  maxEmployees: number;
}

/** "The scheme only looks at complaints from individuals and businesses with 10 or fewer employees…": no offer of it. */
export function outOfScopeParagraph(language: LetterLanguage, schemeName: string, scope: AdrOutOfScope): LetterText {
  const count = (n: number) => n.toLocaleString(language);
  return paragraph(language, 'adr.outOfScope', {
    schemeName,
    maxEmployees: count(scope.maxEmployees),
    employees: count(scope.employees),
  });
}

/** Independent, free, and binding on us only if the customer accepts. */
export function schemeAboutParagraphs(language: LetterLanguage, schemeName: string): LetterText[] {
  return [
    joinSentences(paragraph(language, 'adr.about', { schemeName }), paragraph(language, 'adr.binding', { schemeName })),
  ];
}

/** A free-text block from the desk (progress, final position, remedy): one paragraph per blank-line-separated part. */
export function deskText(text: string, what: DeskTextPart): LetterText[] {
  const parts = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new LetterRefusalError(saying(`needs-${what}`));
  return parts.map((part) => ({ text: part, style: 'paragraph' }));
}
