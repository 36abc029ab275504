// The acknowledgement letter (REGULATION.md §1): the reference, when and how the complaint reached us, what happens
// next and by when, how to escalate, from when the customer can go to the ADR scheme, and other formats on offer.
import { providerForCase } from '#shared/model/provider';
import type { AdrSchemeLocalNames } from '#shared/rules/adr-schemes';
import { type Procedure, wordsIn } from '#shared/rules/procedure';
import type { Clock } from '#shared/rules/types';
import { letterAddressee } from './addressee';
import type { LetterDocument } from './document';
import { type AdrOutOfScope, caseLetter, CONTACT_LINE_FACTS, type LetterBaseInput, schemeFactsToCheck } from './common';
import {
  DEFAULT_LANGUAGE,
  type LetterLanguage,
  channelInWords,
  dateInWords,
  dateWithWeekdayInWords,
  message,
  parseIsoDate,
  schemeNamesIn,
} from './catalogue';
import { joinSentences, letterheadPhone, paragraph, section } from './layout';
import { customerAsObject } from './salutation';

export interface AdrSchemeContact {
  /** Its directory id, when known. */
  id?: string;
  name: string;
  website: string;
  phone: string;
  /** Its names in other languages, from the scheme directory (see schemeNameIn). */
  names?: AdrSchemeLocalNames;
  /** The directory's fields not yet verified (shared/rules/adr-schemes.ts): the desk is told of those printed. */
  unverified?: readonly string[];
}

export interface AcknowledgementNextSteps {
  /** When we will reply (the provider's own target, from the rules engine's 'first-response' clock). */
  firstResponseDueOn?: string | null;
  /** From when the customer may go to the ADR scheme (the 'adr-letter' clock: received + 6 or 8 weeks). */
  adrAvailableOn?: string | null;
  /** The name of the provider's procedure, as it should read after "our": "complaints code of practice". */
  procedureName?: string;
  /** How to escalate, in the provider's words (its procedure's wording); a plain default is used when absent. */
  escalation?: string;
  /**
   * The time frame the desk promises where the procedure sets no reply target (its procedure's wording): printed when
   * there is no reply date, instead of "as soon as we can".
   */
  promisedTimeFrame?: string;
  /** The ADR scheme the provider belongs to (from the scheme directory). */
  adrScheme?: AdrSchemeContact;
  /** The customer is a business too large for the scheme (the rules engine's `adrOutOfScope`): it is not offered. */
  adrOutOfScope?: AdrOutOfScope;
}

export interface AcknowledgementInput extends LetterBaseInput {
  nextSteps: AcknowledgementNextSteps;
}

/** The acknowledgement letter as a pdfmake document definition. Throws if the addressee has no postal address. */
export function acknowledgementLetter(input: AcknowledgementInput): LetterDocument {
  const { caseRecord, nextSteps } = input;
  const language = input.language ?? DEFAULT_LANGUAGE;
  parseIsoDate(input.issuedOn); // refuse a malformed date before anything else
  const addressee = letterAddressee(caseRecord);
  const forRepresentative = addressee.role === 'representative';
  const customerName = caseRecord.customer.name.trim();
  const reference = caseRecord.reference;
  const channel = channelInWords(language, caseRecord.channel);
  const receivedOn = dateInWords(language, caseRecord.receivedOn);

  const opening = [
    joinSentences(
      forRepresentative
        ? paragraph(language, 'ack.intro.representative', {
            customerName,
            customerObject: customerAsObject(language, caseRecord.customer),
          })
        : paragraph(language, 'ack.intro.customer', {}),
      forRepresentative
        ? paragraph(language, 'ack.received.representative', { channel, receivedOn }, ['receivedOn'])
        : paragraph(language, 'ack.received.customer', { channel, receivedOn }, ['receivedOn']),
    ),
    paragraph(language, 'ack.quoteReference', { reference }, ['reference']),
  ];

  const firstResponseDueOn = futureOrToday(nextSteps.firstResponseDueOn, input.issuedOn);
  const procedureName = nextSteps.procedureName?.trim();
  const whatHappensNext = section(message(language, 'ack.next.heading', {}), [
    joinSentences(
      paragraph(language, 'ack.next.handler', {}),
      ...(procedureName ? [paragraph(language, 'ack.next.procedure', { procedureName })] : []),
    ),
    firstResponseDueOn
      ? paragraph(
          language,
          'ack.next.replyBy',
          { firstResponseDueOn: dateWithWeekdayInWords(language, firstResponseDueOn) },
          ['firstResponseDueOn'],
        )
      : nextSteps.promisedTimeFrame?.trim()
        ? { text: nextSteps.promisedTimeFrame.trim(), style: 'paragraph' }
        : paragraph(language, 'ack.next.replySoon', {}),
    paragraph(language, 'ack.next.addMore', {}),
  ]);

  const escalation = nextSteps.escalation?.trim();
  const howToEscalate = section(message(language, 'ack.escalate.heading', {}), [
    escalation ? { text: escalation, style: 'paragraph' } : paragraph(language, 'ack.escalate.default', {}),
  ]);

  const independentHelp = nextSteps.adrOutOfScope
    ? []
    : [section(message(language, 'ack.adr.heading', {}), adrParagraphs(input, language))];

  // The relay service is the provider's country's, whatever the letter's language (a French letter from a UK provider
  // gives Relay UK's prefix, not Canada's 711). Only with a phone number on the letterhead: a relay call needs our
  // number, and "dial 18001 before our number" on a letter that gives none helps no one (explore39-letters #4). The
  // letterhead's address is then how to ask ("Just tell us what you need").
  const relay = `ack.formats.relay.${providerForCase(caseRecord, input.settings).provider.region}` as const;
  const otherFormats = section(message(language, 'ack.formats.heading', {}), [
    joinSentences(
      paragraph(language, 'ack.formats.offer', {}),
      ...(letterheadPhone(input.settings.company) ? [paragraph(language, relay, {})] : []),
      paragraph(language, 'ack.formats.ask', {}),
    ),
  ]);

  return caseLetter(
    input,
    { language, reference, addressee },
    {
      title: message(language, 'ack.title', { reference }),
      heading: forRepresentative
        ? message(language, 'ack.heading.representative', { customerName })
        : message(language, 'ack.heading.customer', {}),
      body: [...opening, whatHappensNext, howToEscalate, ...independentHelp, otherFormats],
      ...(nextSteps.adrScheme?.name.trim() && !nextSteps.adrOutOfScope
        ? {
            schemeNames: schemeNamesIn(language, nextSteps.adrScheme),
            // adrParagraphs prints its website and phone.
            toCheck: schemeFactsToCheck(nextSteps.adrScheme, CONTACT_LINE_FACTS),
          }
        : {}),
    },
  );
}

function adrParagraphs(input: AcknowledgementInput, language: LetterLanguage) {
  const { adrAvailableOn, adrScheme } = input.nextSteps;
  if (adrAvailableOn) parseIsoDate(adrAvailableOn);
  const scheme = adrScheme?.name.trim() ? adrScheme : undefined;
  const when = !adrAvailableOn ? 'noDate' : adrAvailableOn <= input.issuedOn ? 'now' : 'fromDate';
  const vars = {
    adrAvailableOn: adrAvailableOn ? dateInWords(language, adrAvailableOn) : '',
    schemeName: scheme ? schemeNamesIn(language, scheme).short : '',
  };
  const bold = ['adrAvailableOn'];
  const main = scheme
    ? when === 'fromDate'
      ? paragraph(language, 'ack.adr.fromDate.scheme', vars, bold)
      : when === 'now'
        ? paragraph(language, 'ack.adr.now.scheme', vars)
        : paragraph(language, 'ack.adr.noDate.scheme', vars)
    : when === 'fromDate'
      ? paragraph(language, 'ack.adr.fromDate.noScheme', vars, bold)
      : when === 'now'
        ? paragraph(language, 'ack.adr.now.noScheme', {})
        : paragraph(language, 'ack.adr.noDate.noScheme', {});
  if (!scheme) return [main];
  return [main, paragraph(language, 'ack.adr.contact', { website: scheme.website.trim(), phone: scheme.phone.trim() })];
}

/** A promised reply date only makes sense if it has not passed: otherwise the letter promises a reply "soon". */
function futureOrToday(dueOn: string | null | undefined, issuedOn: string): string | null {
  if (!dueOn) return null;
  parseIsoDate(dueOn);
  return dueOn >= issuedOn ? dueOn : null;
}

/**
 * What an acknowledgement promises, read from the rules engine's evaluation of the case (an `Evaluation`): the
 * 'first-response' clock (our reply), the 'adr-letter' clock (from when the ADR scheme can be asked) and the ADR
 * scheme as the directory gives it today. A clock that does not apply gives no date. `extras` carries the procedure's
 * customer-facing name and escalation wording, and may name a different scheme.
 */
export function nextStepsFromEvaluation(
  evaluation: {
    readonly clocks: ReadonlyArray<Pick<Clock, 'id' | 'state' | 'dueOn'> & Partial<Pick<Clock, 'closedOn'>>>;
    readonly adrScheme?: AdrSchemeContact | null;
    readonly adrOutOfScope?: AdrOutOfScope;
  },
  extras: Omit<AcknowledgementNextSteps, 'firstResponseDueOn' | 'adrAvailableOn'> = {},
): AcknowledgementNextSteps {
  const dueOn = (id: string) => {
    const clock = evaluation.clocks.find((c) => c.id === id);
    return clock && clock.state !== 'not-applicable' ? clock.dueOn : null;
  };
  const scheme = extras.adrScheme ?? evaluation.adrScheme ?? undefined;
  return {
    ...extras,
    ...(scheme
      ? {
          adrScheme: {
            ...(scheme.id ? { id: scheme.id } : {}),
            name: scheme.name,
            website: scheme.website,
            phone: scheme.phone,
            ...(scheme.names ? { names: scheme.names } : {}),
            ...(scheme.unverified?.length ? { unverified: [...scheme.unverified] } : {}),
          },
        }
      : {}),
    // Our reply's day: the first response's, or where the procedure sets none, the first stage's response target (a
    // procedure whose first level answers within its own time: explore34a #4, the letter gave no date at all).
    firstResponseDueOn: dueOn('first-response') ?? dueOn('stage-response'),
    adrAvailableOn: adrAvailableFrom(evaluation.clocks),
    ...(evaluation.adrOutOfScope ? { adrOutOfScope: { ...evaluation.adrOutOfScope } } : {}),
  };
}

/**
 * From when the customer may take the complaint to the ADR scheme: the ADR letter's due day, or the day the letter was
 * sent when that came first (a deadlock, or a letter sent early). A letter written after it never sends the customer
 * to a later date than the ADR letter already did (explore33-desk #2: an acknowledgement reissued after the ADR letter
 * said "if not resolved by 22 December" to a customer told they could go now).
 */
export function adrAvailableFrom(
  clocks: ReadonlyArray<Pick<Clock, 'id' | 'state' | 'dueOn'> & Partial<Pick<Clock, 'closedOn'>>>,
): string | null {
  const clock = clocks.find((c) => c.id === 'adr-letter');
  if (!clock || clock.state === 'not-applicable') return null;
  const sent = clock.closedOn ?? null;
  return sent && (!clock.dueOn || sent < clock.dueOn) ? sent : clock.dueOn;
}

/**
 * The acknowledgement's words from the case's procedure (the version the case follows), in the letter's language:
 * who the customer can escalate to, and the time frame the desk promises. Absent words: the catalogue's defaults.
 */
export function procedureWordingFor(
  procedure: Pick<Procedure, 'wording'> | null | undefined,
  language: LetterLanguage,
): Pick<AcknowledgementNextSteps, 'escalation' | 'promisedTimeFrame'> {
  const escalation = wordsIn(procedure?.wording?.escalation, language);
  const promisedTimeFrame = wordsIn(procedure?.wording?.promisedTimeFrame, language);
  return { ...(escalation ? { escalation } : {}), ...(promisedTimeFrame ? { promisedTimeFrame } : {}) };
}
