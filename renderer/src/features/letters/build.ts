// The letters a desk writes, as pure functions of the case: which letters a case can have, the few inputs each needs,
// the document definition (built by shared/letters), a plain-text preview of it, and how an issued letter is
// recorded. No database, no pdfmake, no platform: this module also runs inside the letter-rendering worker.
import { type CaseRecord, type DeskSettings, type TimelineEvent, type TimelineType } from '#shared/model/case';
import {
  acknowledgementLetter,
  adrLetter,
  adrTermsFromEvaluation,
  cctsNoticeLetter,
  finalResponseLetter,
  letterFileBase,
  LetterRefusalError,
  adrAvailableFrom,
  nextStepsFromEvaluation,
  procedureWordingFor,
  lettersOnTimeline,
  standingLetterOfKind,
  summaryResolutionLetter,
  unusedLetterFileName,
  updateLetter,
  type AcknowledgementNextSteps,
  type LetterContent,
  type LetterDocument,
  type LetterFileKind,
  type LetterLanguage,
  type LetterText,
  type ParagraphEdits,
  type TextSource,
  type TypedTextPlace,
  typedTextSources,
} from '#shared/letters/index';
import {
  getAdrScheme,
  getProcedure,
  getRegime,
  procedureForCaseOrNull,
  regimeLetters,
  type Evaluation,
  type Procedure,
} from '#shared/rules/index';
import { LETTER_NAMES, type LetterKind, summaryInEnglish } from '#shared/casework/summaries';
import { caseRegimeVersion } from '#shared/casework/state';
import { standingFinalPosition } from '#shared/casework/final-position';
import { effectiveTimeline } from '#shared/model/effective';
import { saying } from '#shared/model/saying';
import { letterLanguageForCase, settingsForCase } from '#shared/model/provider';

export type LetterChoice =
  'acknowledgement' | 'update' | 'final-response' | 'adr-time' | 'adr-final' | 'ccts-notice' | 'summary-resolution';

/** The free-text and date inputs; each letter reads the ones it needs. */
export interface LetterInputs {
  progress: string;
  nextUpdateOn: string;
  outcome: string;
  actionsTaken: string;
  remedy: string;
  finalPosition: string;
  resolution: string;
  resolvedOn: string;
}

export interface LetterOptions {
  language: LetterLanguage;
  largePrint: boolean;
}

export interface LetterContext {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  evaluation: Evaluation;
  settings: DeskSettings;
  today: string;
  /** The person working (recorded on the timeline; named on the letter when the case has no assignee). */
  by: string;
}

function procedureOf(id: string): Procedure | null {
  try {
    return getProcedure(id);
  } catch {
    return null;
  }
}

/**
 * The letters this case can have: the acknowledgement, update and final response, and those its regime version
 * provides for (`regimeLetters`: the ADR letters under Ofcom, FCA DISP and GB energy, the CCTS notice under the CCTS,
 * the summary resolution communication under FCA DISP).
 */
export function availableLetters(record: CaseRecord, evaluation: Evaluation): LetterChoice[] {
  const provided = regimeLetters(caseRegimeVersion(record, evaluation, null) ?? null);
  const choices: LetterChoice[] = ['acknowledgement', 'update', 'final-response'];
  // A business too large for the scheme gets no ADR letter (its final response says why).
  if (provided.includes('adr-letter') && !evaluation.adrOutOfScope && hasAdrLetter(evaluation, record))
    choices.push('adr-time', 'adr-final');
  if (provided.includes('ccts-notice')) choices.push('ccts-notice');
  if (provided.includes('summary-resolution')) choices.push('summary-resolution');
  return choices;
}

function hasAdrLetter(evaluation: Evaluation, record: CaseRecord): boolean {
  try {
    adrTermsFromEvaluation(evaluation, record.receivedOn);
    return true;
  } catch {
    return false;
  }
}

/** The letter's language and print size unless the desk picks others: the customer's, else the case's provider's. */
export function defaultOptions(record: CaseRecord, settings: DeskSettings): LetterOptions {
  return {
    language: letterLanguageForCase(record, settings),
    largePrint: record.communication?.largePrint ?? false,
  };
}

function clockDue(evaluation: Evaluation, id: string): string | null {
  const clock = evaluation.clocks.find((c) => c.id === id);
  return clock && clock.state !== 'not-applicable' ? (clock.dueOn ?? null) : null;
}

/** The words of the last entry of this type on the timeline (its `data.details`: what the desk wrote), or ''. */
function recordedWords(events: readonly TimelineEvent[] | undefined, type: TimelineType): TimelineEvent | null {
  // As the timeline counts: a voided final position's words are not the letter's.
  const found = effectiveTimeline(events ?? []).filter((e) => e.type === type);
  return found.at(-1) ?? null;
}

const detailsOf = (e: TimelineEvent | null): string => (typeof e?.data?.details === 'string' ? e.data.details : '');

/**
 * The inputs as the case has recorded them: the final position written at deadlock goes into the ADR letter, the
 * resolution agreed (and its day) into the final response's "What we have done" and the summary resolution communication. The desk can
 * change every box before issuing.
 */
export function defaultInputs(
  context: Pick<LetterContext, 'evaluation' | 'today'> & { events?: readonly TimelineEvent[] },
): LetterInputs {
  const deadlock = recordedWords(context.events, 'deadlock');
  const resolved = recordedWords(context.events, 'resolved');
  const resolution = detailsOf(resolved);
  return {
    progress: '',
    nextUpdateOn: clockDue(context.evaluation, 'first-response') ?? '',
    outcome: '',
    actionsTaken: resolution,
    remedy: '',
    finalPosition: detailsOf(deadlock),
    resolution,
    resolvedOn: resolved?.on ?? context.today,
  };
}

/**
 * The letter the case's stage calls for, for the case page's header: the acknowledgement until one was recorded; then
 * the ADR letter once the engine says it is due (with the final position when a deadlock was recorded; the time-based
 * one when the wait is over); the CCTS notice when the engine asks for it; otherwise the final response, until the
 * customer has our final position (`finalPositionGiven`). None for a closed case, nor once the final position was given
 * (nothing is left to write; "Other letters…" still offers them all).
 */
export function letterTheStageCallsFor(
  context: Pick<LetterContext, 'record' | 'events' | 'evaluation' | 'today'>,
): LetterChoice | null {
  const { record, evaluation, today } = context;
  // A voided acknowledgement or deadlock does not count (shared/model/effective.ts).
  const events = effectiveTimeline(context.events);
  if (evaluation.status === 'closed') return null;
  const offered = availableLetters(record, evaluation);
  const next = new Map(evaluation.nextActions.map((a) => [a.id, a]));
  // Not after a final position: its ADR letter (due at once) comes first, and the deadlock met the acknowledgement's
  // clock (explore36-handler #3).
  const deadlocked = events.some((e) => e.type === 'deadlock');
  if (next.has('acknowledge') || (!deadlocked && !events.some((e) => e.type === 'acknowledged')))
    return 'acknowledgement';
  const adr = next.get('send-adr-letter');
  if (adr && offered.includes('adr-final') && deadlocked) return 'adr-final';
  if (adr && offered.includes('adr-time') && adr.dueOn !== null && adr.dueOn <= today) return 'adr-time';
  if (next.has('tell-customer-about-ccts') && offered.includes('ccts-notice')) return 'ccts-notice';
  if (finalPositionGiven(context.events)) return null;
  return 'final-response';
}

/**
 * Whether the customer has had our final position since the case was last reopened: a final response that stands, the
 * ADR letter sent with our final position, or the ADR letter sent (or, under the CCTS, the customer told of the CCTS)
 * after a deadlock: each carries it. Nothing
 * more is then called for; a second final response would only repeat it, or contradict it (explore34-keyboard, "the
 * next letter after the ADR letter").
 */
function finalPositionGiven(timeline: readonly TimelineEvent[]): boolean {
  // The ADR letter issued with our final position carries it with no deadlock recorded (explore39-letters #1).
  if (standingFinalPosition(timeline)?.type === 'adr-letter-sent') return true;
  const events = effectiveTimeline(timeline);
  const reopened = events.findLastIndex((e) => e.type === 'reopened');
  const since = events.slice(reopened + 1);
  const deadlock = since.findIndex((e) => e.type === 'deadlock');
  // The letter that carries a final position: the ADR letter; under the CCTS, the notice (it says so after a deadlock).
  if (
    deadlock >= 0 &&
    since.slice(deadlock + 1).some((e) => e.type === 'adr-letter-sent' || e.type === 'ccts-informed')
  )
    return true;
  const withdrawn = new Set(lettersOnTimeline(timeline).flatMap((l) => (l.withdrawn ? [l.letterId] : [])));
  return since.some(
    (e) => e.type === 'letter-issued' && e.data?.kind === 'final-response' && !withdrawn.has(String(e.data?.letterId)),
  );
}

/**
 * The file name a letter is saved under: the case reference and the letter's kind in the letter's language (the
 * customer may receive the file: « RSL-2026-000001-reponse-finale.pdf »), "large print" after it for a letter in large
 * print, numbered when a letter on the timeline has that name already. The letter dialog and Letters to post name
 * their letters with it.
 */
export function letterFileName(
  choice: LetterChoice,
  options: Pick<LetterOptions, 'language' | 'largePrint'>,
  context: Pick<LetterContext, 'record' | 'events'>,
): string {
  // The two ADR letters apart: one when the weeks are over, one with our final position.
  const kind: LetterFileKind =
    choice === 'adr-time' ? 'adr-letter' : choice === 'adr-final' ? 'adr-letter-final-position' : choice;
  return unusedLetterFileName(context.events, letterFileBase(context.record.reference, kind, options));
}

/**
 * Asked before issuing a letter (the letter dialog, `issueQuestionIn` says it):
 * - `after-final-position`: a final response while our final position stands (`standingFinalPosition`: a deadlock, or
 *   the ADR letter that carried it) gives the customer two final answers (explore37-team #5, explore39-letters #1;
 *   steps-that-do-not-fit lists one issued anyway);
 * - `again`: a letter of a kind that was already issued and stands (a withdrawn one does not count: a corrected letter
 *   is what withdrawing is for).
 * Null for the first of its kind.
 */
export type IssueQuestion =
  /**
   * `issuedOn`: a final response that stands was issued too (explore37-screens #1: the question hid it); `inAdrLetter`:
   * our final position went in the ADR letter of `on` with no deadlock recorded (explore39-letters #1).
   */
  | { kind: 'after-final-position'; on: string; issuedOn?: string; inAdrLetter?: true }
  | { kind: 'again'; letter: string; on: string };

export function issueQuestion(choice: LetterChoice, context: LetterContext): IssueQuestion | null {
  const kind = recordedAs(choice, context).kind;
  const earlier = standingLetterOfKind(context.events, kind);
  const given = choice === 'final-response' ? standingFinalPosition(context.events) : null;
  if (given)
    return {
      kind: 'after-final-position',
      on: given.on,
      ...(given.type === 'deadlock' ? {} : { inAdrLetter: true as const }),
      ...(earlier ? { issuedOn: earlier.issuedOn } : {}),
    };
  return earlier ? { kind: 'again', letter: kind, on: earlier.issuedOn } : null;
}

/** The letter to write again in place of a withdrawn one of this kind (an ADR letter: the kind the case calls for). */
export function choiceForKind(kind: string, context: Pick<LetterContext, 'events'>): LetterChoice | null {
  switch (kind) {
    case 'acknowledgement':
    case 'update':
    case 'final-response':
    case 'ccts-notice':
    case 'summary-resolution':
      return kind;
    case 'adr-letter':
      // With our final position when one stands: a deadlock, or the ADR letter that carried it (its entry stays when
      // the letter is withdrawn), so the corrected letter is the same kind (explore39-letters #1).
      return effectiveTimeline(context.events).some((e) => e.type === 'deadlock') ||
        standingFinalPosition(context.events)
        ? 'adr-final'
        : 'adr-time';
    default:
      return null;
  }
}

/**
 * Under a regime with no ADR letter (the CCTS, which takes a complaint once the provider's own levels are done), the
 * first day the customer was told in writing they can go to its scheme now: told of the CCTS (its notice, or recorded
 * as told), or sent a final response that stands (it says they can ask the scheme now). Null before then, and under a
 * regime whose ADR letter clock says when (`adrAvailableFrom`). The update letter then says the customer can already
 * go, as the UK one does once the weeks are over, never "we will write to tell you how" (explore39-letters #2).
 */
function schemeOfferedOn(context: Pick<LetterContext, 'events' | 'evaluation'>): string | null {
  if (context.evaluation.clocks.some((c) => c.id === 'adr-letter')) return null;
  const told = effectiveTimeline(context.events).find((e) => e.type === 'ccts-informed')?.on;
  const answered = lettersOnTimeline(context.events).find((l) => l.kind === 'final-response' && !l.withdrawn)?.issuedOn;
  return [told, answered].filter((d): d is string => !!d).sort()[0] ?? null;
}

type SchemeContext = Pick<LetterContext, 'record' | 'settings' | 'evaluation'>;

/** The ADR scheme the case's provider chose for its letters, or undefined (its procedure's scheme then). */
function providerSchemeId(context: SchemeContext): string | undefined {
  return settingsForCase(context.record, context.settings).adrSchemeId || undefined;
}

/** The scheme the case's regime usually sends complaints to (the CCTS under the CCTS), or undefined. */
function usualSchemeId(evaluation: Evaluation): string | undefined {
  return evaluation.regime ? getRegime(evaluation.regime.id).usualAdrSchemeId : undefined;
}

const schemeIfKnown = (schemeId: string | undefined) => (schemeId ? { scheme: { schemeId } } : {});

/**
 * The scheme the letter names: the case's provider's choice, else the evaluated scheme, else the procedure's, else
 * the one its regime's complaints usually go to.
 */
function schemeIdFor(context: SchemeContext): string {
  const id =
    providerSchemeId(context) ||
    context.evaluation.adrScheme?.id ||
    procedureOf(context.record.procedureId)?.adrSchemeId ||
    usualSchemeId(context.evaluation);
  if (!id) throw new Error(`No ADR scheme is known for case ${context.record.reference}.`);
  return id;
}

/**
 * The letter's document. `edits` are the desk's words for the draft's catalogue paragraphs, by paragraph id
 * (shared/letters/edits.ts); without them the letter reads as the catalogue writes it.
 */
export function buildLetter(
  choice: LetterChoice,
  inputs: LetterInputs,
  options: LetterOptions,
  context: LetterContext,
  edits?: ParagraphEdits,
): LetterDocument {
  const { record, evaluation, today } = context;
  // The case's own provider's letterhead, never the desk's usual one.
  const settings = settingsForCase(record, context.settings);
  const base = {
    caseRecord: record,
    settings,
    issuedOn: today,
    handlerName: record.assignee || context.by || settings.handlerName,
    language: options.language,
    largePrint: options.largePrint,
    edits,
  };
  // Asked for by the letters that name the scheme only (an acknowledgement reads the evaluated one).
  const scheme = () => ({ schemeId: schemeIdFor(context) });
  // From when the scheme takes the complaint, as every letter says it (the ADR letter's day, or the day it was sent
  // when that came first); none under a regime with no ADR-letter clock (the CCTS).
  const adrAvailableOn = adrAvailableFrom(evaluation.clocks);
  switch (choice) {
    case 'acknowledgement':
      return acknowledgementLetter({ ...base, nextSteps: acknowledgementNextSteps(context, options.language) });
    case 'update':
      return updateLetter({
        ...base,
        progress: inputs.progress,
        nextUpdateOn: inputs.nextUpdateOn || null,
        // Under the CCTS no ADR letter's day says when: the day the customer was told they can go to it.
        adrAvailableOn: adrAvailableOn ?? schemeOfferedOn(context),
        scheme: scheme(),
        ...(evaluation.adrOutOfScope ? { adrOutOfScope: evaluation.adrOutOfScope } : {}),
      });
    case 'final-response': {
      let referralMonths: number | undefined;
      try {
        referralMonths = adrTermsFromEvaluation(evaluation, record.receivedOn).referralMonths;
      } catch {
        referralMonths = undefined;
      }
      return finalResponseLetter({
        ...base,
        outcome: inputs.outcome,
        actionsTaken: inputs.actionsTaken,
        remedy: inputs.remedy,
        // Where the regime says the final response itself opens the way to the scheme (FCA DISP, REGULATION.md §3: 6
        // months from it), it names no later day; elsewhere the scheme takes the complaint once its weeks are over.
        adrAvailableOn: caseRegimeVersion(record, evaluation, null)?.finalResponseOpensReferral ? null : adrAvailableOn,
        referralMonths,
        scheme: scheme(),
        ...(evaluation.adrOutOfScope ? { adrOutOfScope: evaluation.adrOutOfScope } : {}),
      });
    }
    case 'adr-time':
    case 'adr-final':
      return adrLetter({
        ...base,
        scheme: scheme(),
        terms: adrTermsFromEvaluation(evaluation, record.receivedOn),
        reason:
          choice === 'adr-time'
            ? { kind: 'time-based', progress: inputs.progress }
            : { kind: 'final-position', finalPosition: inputs.finalPosition },
      });
    case 'ccts-notice':
      // The notice says the complaint has been through a second level unresolved: not before the engine's clock
      // for it has started (a regime without that clock is left as it was).
      if (evaluation.clocks.find((c) => c.id === 'ccts-notice')?.state === 'not-applicable')
        throw new LetterRefusalError(saying('ccts-before-level'));
      // The evaluated scheme, else the regime's usual one, else the notice's own (shared/letters: the CCTS).
      return cctsNoticeLetter({
        ...base,
        ...schemeIfKnown(evaluation.adrScheme?.id ?? usualSchemeId(evaluation)),
        afterFinalPosition: effectiveTimeline(context.events).some((e) => e.type === 'deadlock'),
      });
    case 'summary-resolution':
      // The case's one scheme, as its other letters name it.
      return summaryResolutionLetter({
        ...base,
        scheme: scheme(),
        resolvedOn: inputs.resolvedOn,
        resolution: inputs.resolution,
      });
  }
}

/**
 * What the desk typed for this letter in the letter dialog, by box (the boxes the letter reads), and its edited
 * wording: where the refusal of a character the letter font cannot print says it is (explore39-letters #8).
 */
export function typedSources(choice: LetterChoice, inputs: LetterInputs, edits?: ParagraphEdits): TextSource[] {
  const boxes: Partial<Record<TypedTextPlace, string>> =
    choice === 'update' || choice === 'adr-time'
      ? { 'letter-progress': inputs.progress }
      : choice === 'final-response'
        ? { 'letter-outcome': inputs.outcome, 'letter-actions': inputs.actionsTaken, 'letter-remedy': inputs.remedy }
        : choice === 'adr-final'
          ? { 'letter-final-position': inputs.finalPosition }
          : choice === 'summary-resolution'
            ? { 'letter-resolution': inputs.resolution }
            : {};
  const edited = Object.values(edits ?? {}).join('\n');
  return typedTextSources({ ...boxes, ...(edited ? { 'letter-edited': edited } : {}) });
}

/**
 * The letter's words, top to bottom, laid out roughly as printed (address lines together, a blank line after each
 * paragraph): the preview, since a PDF cannot be framed under the app's CSP.
 */
export function letterText(doc: LetterDocument): string {
  const out: string[] = [];
  const BLANK = '';
  const inline = (t: LetterText['text']): string =>
    typeof t === 'string' ? t : t.map((piece) => (typeof piece === 'string' ? piece : inline(piece.text))).join('');
  const flat = (node: LetterContent): string =>
    typeof node === 'string'
      ? node
      : 'text' in node
        ? inline(node.text)
        : 'stack' in node
          ? node.stack.map(flat).join(' ')
          : 'columns' in node
            ? node.columns.map(flat).join('  ')
            : '';
  const walk = (node: LetterContent) => {
    if (typeof node === 'string') out.push(node, BLANK);
    else if ('text' in node) {
      out.push(inline(node.text));
      const style = Array.isArray(node.style) ? node.style : [node.style];
      if (style.some((st) => st === 'paragraph' || st === 'salutation' || st === 'letterHeading')) out.push(BLANK);
    } else if ('stack' in node) {
      node.stack.forEach(walk);
      out.push(BLANK);
    } else if ('columns' in node) {
      // A row of short pieces side by side ("Our reference  RDR-…") reads as one line; the address block as lines.
      if (node.columns.every((c) => 'text' in c)) out.push(node.columns.map(flat).join('  '));
      else node.columns.forEach(walk);
    }
  };
  doc.content.forEach(walk);
  return out
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface Recorded {
  kind: LetterKind;
  name: string;
  also?: { type: TimelineType; summary: string };
}

/**
 * Whether the event a letter stands for was recorded today already, so that this letter is another copy of the same
 * one (in large print as well, say), not another event. A voided entry does not count; nor, for the ADR letter, one
 * from before a deadlock recorded since: the ADR letter with the final position is another letter than the one sent
 * that morning after the weeks (explore36-handler #2).
 */
export function anotherCopyToday(type: string, context: Pick<LetterContext, 'events' | 'today'>): boolean {
  const counting = effectiveTimeline(context.events);
  const deadlock = type === 'adr-letter-sent' ? counting.findLastIndex((e) => e.type === 'deadlock') : -1;
  return counting.some((e, i) => i > deadlock && e.type === type && e.on === context.today);
}

/** What issuing a letter also records is done "by letter". */
const byLetter = { channel: { channel: 'letter' as const } };

export function recordedAs(choice: LetterChoice, context: LetterContext): Recorded {
  switch (choice) {
    case 'acknowledgement':
      return {
        kind: 'acknowledgement',
        name: LETTER_NAMES['acknowledgement'],
        // Acknowledged once: a second copy (large print, a corrected draft) is another letter, not another acknowledgement.
        // A voided acknowledgement does not count (as in Letters to post): this letter records it again.
        also: effectiveTimeline(context.events).some((e) => e.type === 'acknowledged')
          ? undefined
          : { type: 'acknowledged', summary: summaryInEnglish({ kind: 'acknowledged', values: byLetter }) },
      };
    case 'update':
      return {
        kind: 'update',
        name: LETTER_NAMES['update'],
        also: { type: 'update-sent', summary: summaryInEnglish({ kind: 'update-sent', values: byLetter }) },
      };
    case 'final-response':
      return {
        kind: 'final-response',
        name: LETTER_NAMES['final-response'],
        also: { type: 'responded', summary: summaryInEnglish({ kind: 'final-response-letter' }) },
      };
    case 'adr-time': {
      const weeks = adrTermsFromEvaluation(context.evaluation, context.record.receivedOn).waitWeeks;
      return {
        kind: 'adr-letter',
        name: LETTER_NAMES['adr-letter'],
        also: {
          type: 'adr-letter-sent',
          summary: summaryInEnglish({ kind: 'adr-letter-after-weeks', values: { weeks: String(weeks) } }),
        },
      };
    }
    case 'adr-final':
      return {
        kind: 'adr-letter',
        name: LETTER_NAMES['adr-letter'],
        also: { type: 'adr-letter-sent', summary: summaryInEnglish({ kind: 'adr-letter-final-position' }) },
      };
    case 'ccts-notice':
      return {
        kind: 'ccts-notice',
        name: LETTER_NAMES['ccts-notice'],
        also: { type: 'ccts-informed', summary: summaryInEnglish({ kind: 'ccts-informed', values: byLetter }) },
      };
    case 'summary-resolution':
      return { kind: 'summary-resolution', name: LETTER_NAMES['summary-resolution'] };
  }
}

/**
 * What the acknowledgement promises (the dialog's and the post batch's, one home): the evaluation's dates, the case's
 * procedure's words in the letter's language, and the ADR scheme the case's provider chose when it chose one (the
 * choice `schemeIdFor` gives the ADR, update and final letters), else the evaluated one (the procedure's).
 */
function acknowledgementNextSteps(
  context: SchemeContext & Pick<LetterContext, 'today'>,
  language: LetterLanguage,
): AcknowledgementNextSteps {
  const { record, evaluation, today } = context;
  const chosen = providerSchemeId(context);
  return nextStepsFromEvaluation(evaluation, {
    ...procedureWordingFor(procedureForCaseOrNull(record), language),
    ...(chosen && chosen !== evaluation.adrScheme?.id ? { adrScheme: getAdrScheme(chosen, today) } : {}),
  });
}

/**
 * When the case's acknowledgement would give the customer no time frame: the rules give no reply date (its procedure
 * sets no first-response target, as Jive's code sets none) and the procedure promises no time frame in the letter's
 * language, so the letter can only say "as soon as we can". Jive's code asks for "an approximate time frame"; a desk
 * states the one it promises in a copy of the procedure (Settings → Procedures). The procedure's name, or null when
 * the letter gives a date or a time frame.
 */
export function noTimeFrameIn(context: LetterContext, language: LetterLanguage): { procedure: string } | null {
  const steps = acknowledgementNextSteps(context, language);
  if (steps.firstResponseDueOn || steps.promisedTimeFrame) return null;
  return { procedure: procedureForCaseOrNull(context.record)?.name ?? context.record.procedureId };
}

/** The acknowledgement letter for a case, in the customer's language and print size. */
export function acknowledgementDocument(input: {
  record: CaseRecord;
  evaluation: Evaluation;
  settings: DeskSettings;
  today: string;
  by: string;
}): LetterDocument {
  const { record, settings, today, by } = input;
  const options = defaultOptions(record, settings);
  return acknowledgementLetter({
    caseRecord: record,
    // The case's own provider's letterhead, never the desk's usual one.
    settings: settingsForCase(record, settings),
    issuedOn: today,
    // The letter names the person handling the case.
    handlerName: record.assignee || by,
    // The procedure's internal name (English, sometimes a regulator's baseline) is not for the customer's letter.
    ...options,
    nextSteps: acknowledgementNextSteps(input, options.language),
  });
}
