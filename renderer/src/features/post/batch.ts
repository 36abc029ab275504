// "Letters to post today": the letters due today or overdue for customers who wrote by post or asked for post, made
// into ONE print file. Each letter is built by the same pure builders as the single-letter flows and rendered on its
// own, in workers off the page's thread (./render-pool.ts), and joined as they are (#letters/join-pdf). Two phases: the print file is made
// first, with nothing recorded (`makePrintFile`); only once it has been handed over are its letters recorded as printed
// for post, each with its exact bytes, in one transaction (`recordPrintRun`).
import {
  LetterRefusalError,
  type LetterRefusal,
  caseUnprintable,
  addressedTo,
  letterAddressee,
  pageFormatForCase,
  windowLinesFor,
  type CopyMissing,
  copyMissingInEnglish,
  type SchemeFactsToCheck,
  type Unprintable,
  UnprintableError,
  unprintableMessage,
} from '#shared/letters/index';
import { summaryInEnglish } from '#shared/casework/summaries';
import type { CaseRecord, DeskSettings } from '#shared/model/case';
import { saying } from '#shared/model/saying';
import { letterLanguageForCase } from '#shared/model/provider';
import { adrLettersDue, unacknowledged } from '#db/case-index/queries';
import { PdfJoiner } from '#letters/join-pdf';
import { recordLettersIssued, type Now } from '#db/repositories/cases';
import type { CaseIndexRow, RedressDatabase } from '#db/schema';
import { sayingIn, technicalDetail, translate, type Translate, unprintableIn } from '#lib/i18n/index';
import { type BuildContext, buildDueLetter, dueAdrLetter, type PostLetterKind } from './due-letter';
import type { RenderedLetter } from './render-protocol';
import { type LetterProblem, type LetterProblemCode, LetterProblemError } from './letter-problem';
import { renderDueLetter } from './render-pool';
import { timelinesOf } from '#db/timeline';

export { type LetterProblem, type LetterProblemCode, LetterProblemError } from './letter-problem';
export {
  buildDueLetter,
  defaultProgress,
  POST_LETTER_LABELS,
  type BuildContext,
  type PostLetterKind,
} from './due-letter';

export interface DueLetter {
  caseId: string;
  reference: string;
  customerName: string;
  /** Who it goes to when someone acts for the customer (their letter, then the customer's copy): the list says so. */
  representativeName?: string;
  kind: PostLetterKind;
  /** Why it is due: not acknowledged yet (received that day), or the ADR letter's due date (today or past). */
  why:
    | { kind: 'unacknowledged'; receivedOn: string }
    /** `finalPosition`: the ADR letter with our final position (one was recorded), not the time-based one. */
    | { kind: 'adr-letter'; dueOn: string; overdue: boolean; finalPosition: boolean };
  /** Why it cannot be printed (characters the letter font cannot print), when it cannot: it is listed, never made. */
  cannotPrint?: string;
  /** The same, as the characters and places, for the interface to say in its language (i17c). */
  unprintable?: Unprintable;
  /** Or the address the letter cannot hold (no address, or too long for the window in the letter's print size). */
  refusal?: LetterRefusal;
}

/**
 * Why the letters of a case that goes by post cannot be printed, known before any is made: characters the letter font
 * cannot print, or an address the envelope window of the case's letters (DL in the UK, No. 10 in Canada) cannot hold
 * in the customer's print size (large print holds fewer lines). Nothing when they can.
 */
function whyNotPrintable(
  record: CaseRecord,
  settings: DeskSettings,
): Pick<DueLetter, 'cannotPrint' | 'unprintable' | 'refusal'> {
  const unprintable = caseUnprintable(record);
  if (unprintable) return { cannotPrint: unprintableMessage(unprintable), unprintable };
  try {
    windowLinesFor(
      letterAddressee(record),
      record.communication?.largePrint === true,
      pageFormatForCase(record, settings),
      letterLanguageForCase(record, settings),
    );
    return {};
  } catch (error) {
    if (error instanceof LetterRefusalError) return { cannotPrint: error.message, refusal: error.said };
    throw error;
  }
}

/** Letters go by post when the customer wrote by post or asked for post. */
export function wantsPost(record: Pick<CaseRecord, 'channel' | 'communication'>): boolean {
  return record.channel === 'letter' || record.communication?.prefersPost === true;
}

const key = (l: Pick<DueLetter, 'caseId' | 'kind'>) => `${l.caseId}:${l.kind}`;

/** The catalogue key of a due letter's name: an ADR letter with our final position is named apart. */
export const postKindKey = (l: Pick<DueLetter, 'kind' | 'why'>) =>
  l.why.kind === 'adr-letter' && l.why.finalPosition ? 'post.kind.adr-letter-final' : (`post.kind.${l.kind}` as const);
export const dueLetterKey = key;

/**
 * Every letter to post today: unacknowledged open cases, and ADR letters due on or before today. Read by index.
 * `settings`: the desk's, for each case's provider (whose region sets the envelope window the address must fit).
 */
export async function lettersToPost(
  database: RedressDatabase,
  today: string,
  settings: DeskSettings,
): Promise<DueLetter[]> {
  const [{ rows: unack }, { rows: adr }] = await Promise.all([
    unacknowledged(database),
    adrLettersDue(database, today),
  ]);
  const rows = new Map<string, CaseIndexRow>();
  for (const r of [...unack, ...adr]) rows.set(r.caseId, r);
  if (rows.size === 0) return [];
  const records = await database.cases.bulkGet([...rows.keys()]);
  const byPost = new Map(
    records.filter((r): r is CaseRecord => !!r && wantsPost(r)).map((r) => [r.id, whyNotPrintable(r, settings)]),
  );
  const out: DueLetter[] = [];
  // The list names whoever the envelopes go to when it is not the customer alone (explore39-letters, question 3).
  const representatives = new Map(
    records.flatMap((r) => (r?.representative?.name.trim() ? [[r.id, r.representative.name.trim()] as const] : [])),
  );
  const problem = (caseId: string) => ({
    ...byPost.get(caseId)!,
    ...(representatives.has(caseId) ? { representativeName: representatives.get(caseId)! } : {}),
  });
  for (const r of unack) {
    if (!byPost.has(r.caseId)) continue;
    out.push({
      caseId: r.caseId,
      reference: r.reference,
      customerName: r.customerName,
      kind: 'acknowledgement',
      why: { kind: 'unacknowledged', receivedOn: r.receivedOn },
      ...problem(r.caseId),
    });
  }
  // Which ADR letter each is due (./due-letter.ts dueAdrLetter): read from the timelines of those going by post.
  const timelines = await timelinesOf(
    database,
    adr.filter((r) => byPost.has(r.caseId)).map((r) => r.caseId),
  );
  for (const r of adr) {
    if (!byPost.has(r.caseId)) continue;
    const due = dueAdrLetter(timelines.get(r.caseId) ?? []);
    const refused =
      'refusal' in due ? { cannotPrint: new LetterRefusalError(due.refusal).message, refusal: due.refusal } : {};
    out.push({
      caseId: r.caseId,
      reference: r.reference,
      customerName: r.customerName,
      kind: 'adr-letter',
      why: {
        kind: 'adr-letter',
        dueOn: r.adrLetterDueOn!,
        overdue: r.adrLetterDueOn! < today,
        finalPosition: 'choice' in due && due.choice === 'adr-final',
      },
      ...problem(r.caseId),
      ...refused,
    });
  }
  // By reference, the acknowledgement before the ADR letter of the same case.
  return out.sort((a, b) =>
    a.reference !== b.reference ? (a.reference < b.reference ? -1 : 1) : a.kind === 'acknowledgement' ? -1 : 1,
  );
}

/**
 * Phase one of a print run: the print file made in memory, nothing recorded yet. The letters are recorded as printed
 * for post (`recordPrintRun`) only once the print file has been handed over (saved through the platform), so a run
 * stopped at any moment leaves every letter either still to post or recorded with the print file that holds it.
 */
export interface PrintRun {
  /** The print file, or null when no letter could be made. */
  bytes: Uint8Array | null;
  /** The letters in the print file, in order, with their exact bytes (what is locked on each case when recorded). */
  made: Array<{ letter: DueLetter; rendered: RenderedLetter; madeWithReceivedOn: string; madeForAddress?: string }>;
  pages: number;
  errors: LetterMessage[];
  /** Letters made, to a representative, whose customer's copy could not be printed (no postal address). */
  noCopy: LetterMessage[];
}

/**
 * A letter of a run with what is to be said about it: in English (`message`) and as data for the screen (`said`, a
 * letter problem; `unprintable`, the characters the font cannot print; `refusal`, why it cannot be made from what the desk gave (its address);
 * `copyMissing`, why no customer's copy).
 */
export type LetterMessage = {
  letter: DueLetter;
  message: string;
  said?: LetterProblem;
  unprintable?: Unprintable;
  refusal?: LetterRefusal;
  copyMissing?: CopyMissing;
};

const english: Translate = (key, values) => translate('en-GB', key, values);

/** A letter's problem in the interface language. */
export const letterProblemIn = (t: Translate, said: LetterProblem): string => sayingIn(t, 'post.letterProblem', said);

/** What is said about a letter of a run, in the interface language (`locale` names the list of places). */
export function letterMessageIn(t: Translate, locale: string, m: LetterMessage): string {
  if (m.unprintable) return unprintableIn(t, locale, m.unprintable);
  if (m.refusal) return sayingIn(t, 'letterRefusal', m.refusal);
  if (m.copyMissing) return sayingIn(t, 'copyMissing', m.copyMissing);
  return m.said ? letterProblemIn(t, m.said) : m.message;
}

/** A letter's problem with its English message. */
function letterProblem(letter: DueLetter, code: LetterProblemCode, values?: Record<string, string>): LetterMessage {
  const said = saying(code, values);
  return { letter, message: letterProblemIn(english, said), said };
}

/** Let the page draw and take input: a macrotask (a MessageChannel message, not clamped like nested timeouts). */
function breathe(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A letter listed as not printable (its characters found when the list was read), refused as the letter would be. */
const cannotPrintError = (letter: DueLetter): Error =>
  letter.unprintable
    ? new UnprintableError(letter.unprintable, 'letter')
    : letter.refusal
      ? new LetterRefusalError(letter.refusal)
      : new Error(letter.cannotPrint);

/**
 * p8e: what is said about a letter that could not be made, from what was thrown (here, in the letter's builders or in
 * the rendering worker, which posts its refusals back as data): a letter problem, characters the font cannot print,
 * or an unexpected failure, whose own technical message is put inside the catalogue's sentence.
 */
function letterMessageOf(letter: DueLetter, error: unknown): LetterMessage {
  if (error instanceof LetterProblemError) return letterProblem(letter, error.said.code, error.said.values);
  if (error instanceof UnprintableError) return { letter, message: error.message, unprintable: error.found };
  if (error instanceof LetterRefusalError) return { letter, message: error.message, refusal: error.said };
  return letterProblem(letter, 'not-made', { reason: technicalDetail(error) });
}

/** Makes one due letter's bytes; the app's is the worker pool, tests may pass their own. */
export type DueLetterRenderer = (kind: PostLetterKind, context: BuildContext) => Promise<RenderedLetter>;

/** Joining letters into the print file gives the page a turn after this long. */
const JOIN_SLICE_MS = 12;

/**
 * Phase one: make every letter (skipping, with a reason, any that cannot be made) and join them into one PDF.
 * Nothing is written to the database: the letters are still to post until `recordPrintRun` records them, after the
 * print file has been handed over. `onProgress(done, total)` as letters are made.
 *
 * The cases and timelines are read once up front. Every letter is handed to the renderer at once (the worker pool
 * queues them) and taken back in order; each is joined into the print file as it comes back, while later ones are
 * still being made.
 */
export async function makePrintFile(
  database: RedressDatabase,
  letters: readonly DueLetter[],
  options: {
    settings: DeskSettings;
    today: string;
    by: string;
    progress: string;
    onProgress?: (done: number, total: number) => void;
    render?: DueLetterRenderer;
    /**
     * For printing on both sides of the paper: a blank page after each piece of post (a letter, a customer's copy)
     * with an odd number of pages, so none is printed on the back of another's last page.
     */
    doubleSided?: boolean;
  },
): Promise<PrintRun> {
  const { settings, today, by } = options;
  const render = options.render ?? renderDueLetter;
  const total = letters.length;
  const ids = [...new Set(letters.map((l) => l.caseId))];
  const [records, events] = await database.transaction('r', [database.cases, database.timelines], () =>
    Promise.all([database.cases.bulkGet(ids), timelinesOf(database, ids)]),
  );
  const recordOf = new Map(ids.map((id, i) => [id, records[i]]));

  const jobs = letters.map((letter): Promise<RenderedLetter> => {
    const record = recordOf.get(letter.caseId);
    if (!record) return Promise.reject(new LetterProblemError('case-gone'));
    if (letter.cannotPrint) return Promise.reject(cannotPrintError(letter));
    const context: BuildContext = {
      record,
      events: events.get(letter.caseId) ?? [],
      settings,
      today,
      by,
      progress: options.progress,
    };
    return render(letter.kind, context);
  });
  for (const job of jobs) job.catch(() => undefined); // each is handled below, in order

  const errors: PrintRun['errors'] = [];
  const noCopy: PrintRun['noCopy'] = [];
  // Each letter's pages are copied into the print file as they are (its exact bytes), font files shared.
  const out = new PdfJoiner();
  const made: PrintRun['made'] = [];

  const failedCases = new Set<string>();
  let padded = false;
  let slice = performance.now();
  for (let i = 0; i < total; i += 1) {
    const letter = letters[i];
    try {
      // An ADR letter is not sent for a case whose acknowledgement in this batch failed (if it was made, it is dropped).
      if (letter.cannotPrint) throw cannotPrintError(letter);
      if (failedCases.has(letter.caseId)) throw new LetterProblemError('skipped');
      const rendered = await jobs[i];
      try {
        // Double-sided: the letter and the customer's copy are two pieces of post, each padded to whole sheets.
        for (const piece of options.doubleSided && rendered.parts ? rendered.parts : [rendered.bytes]) {
          const pages = await out.add(piece);
          if (options.doubleSided && pages % 2 === 1) {
            // The blank back is the letter's own paper: Letter for a Canadian provider's, A4 for a UK one's.
            const paper = pageFormatForCase(recordOf.get(letter.caseId)!, settings);
            out.addBlankPage(paper.width, paper.height);
            padded = true;
          }
        }
      } catch (error) {
        throw new LetterProblemError('not-joined', { reason: technicalDetail(error) });
      }
      const madeFor = recordOf.get(letter.caseId)!;
      made.push({ letter, rendered, madeWithReceivedOn: madeFor.receivedOn, madeForAddress: addressedTo(madeFor) });
      if (rendered.copyMissing)
        noCopy.push({ letter, message: copyMissingInEnglish(rendered.copyMissing), copyMissing: rendered.copyMissing });
    } catch (error) {
      failedCases.add(letter.caseId);
      errors.push(letterMessageOf(letter, error));
    }
    options.onProgress?.(i + 1, total);
    // After the last letter there is nothing left to join: the print file is finished at once (a turn given here
    // only delayed it, and a single letter by a whole task).
    if (i + 1 < total && performance.now() - slice > JOIN_SLICE_MS) {
      await breathe();
      slice = performance.now();
    }
  }

  const pages = out.pageCount;
  // One letter: the print file is that letter's own (locked) bytes, unless blank pages were added for both sides.
  const bytes = pages === 0 ? null : made.length === 1 && !padded ? made[0].rendered.bytes : out.finish();
  return { bytes, made, pages, errors, noCopy };
}

/** Scheme facts to check before printing: the same unverified facts of one scheme, and the cases whose letters print them. */
export interface SchemeCheck {
  check: SchemeFactsToCheck;
  references: string[];
}

/**
 * Before a print run: the scheme facts each letter would print that the scheme directory has not verified (CISAS's
 * postal address), by the letter's key (`dueLetterKey`), so the desk checks them before printing. Each letter is built
 * (not rendered) by the builders the run uses, so what is said is what would be printed; a letter that cannot be
 * built is left out (the run says why). Gives the page a turn now and then, as `makePrintFile` does. Read once for the
 * letters listed: ticking letters in and out groups the answers again (`groupSchemeChecks`) without building anything.
 */
export async function schemeFactsOf(
  database: RedressDatabase,
  letters: readonly DueLetter[],
  options: { settings: DeskSettings; today: string; by: string },
): Promise<Map<string, SchemeFactsToCheck>> {
  const facts = new Map<string, SchemeFactsToCheck>();
  const wanted = letters.filter((l) => !l.cannotPrint);
  if (wanted.length === 0) return facts;
  const ids = [...new Set(wanted.map((l) => l.caseId))];
  const [records, events] = await database.transaction('r', [database.cases, database.timelines], () =>
    Promise.all([database.cases.bulkGet(ids), timelinesOf(database, ids)]),
  );
  const recordOf = new Map(ids.map((id, i) => [id, records[i]]));
  let slice = performance.now();
  for (const letter of wanted) {
    const record = recordOf.get(letter.caseId);
    if (!record) continue;
    try {
      const check = buildDueLetter(letter.kind, {
        record,
        events: events.get(letter.caseId) ?? [],
        settings: options.settings,
        today: options.today,
        by: options.by,
        progress: '',
      }).doc.toCheck;
      if (check) facts.set(dueLetterKey(letter), check);
    } catch {
      // Not built: the run itself says why.
    }
    if (performance.now() - slice > JOIN_SLICE_MS) {
      await breathe();
      slice = performance.now();
    }
  }
  return facts;
}

/** The chosen letters' unverified scheme facts (`schemeFactsOf`), grouped: the same facts of one scheme once. */
export function groupSchemeChecks(
  letters: readonly DueLetter[],
  facts: ReadonlyMap<string, SchemeFactsToCheck>,
): SchemeCheck[] {
  const found = new Map<string, SchemeCheck>();
  for (const letter of letters) {
    const check = facts.get(dueLetterKey(letter));
    if (!check) continue;
    const key = `${check.schemeId}:${check.facts.join(',')}`;
    const entry = found.get(key) ?? { check, references: [] };
    if (!entry.references.includes(letter.reference)) entry.references.push(letter.reference);
    found.set(key, entry);
  }
  return [...found.values()];
}

/** `schemeFactsOf` and `groupSchemeChecks` at once. */
export async function schemeChecksFor(
  database: RedressDatabase,
  letters: readonly DueLetter[],
  options: { settings: DeskSettings; today: string; by: string },
): Promise<SchemeCheck[]> {
  return groupSchemeChecks(letters, await schemeFactsOf(database, letters, options));
}

/** Phase two's outcome: the letters recorded as printed for post, and any that could not be (still to post). */
export interface RecordedRun {
  recorded: DueLetter[];
  notRecorded: LetterMessage[];
}

/**
 * Phase two: record every letter of a print run as issued and printed for post in `printFileName` (the name the print
 * file was saved under), each with its exact bytes and SHA-256 and the event it stands for, in ONE transaction: a run
 * stopped part-way records all of its letters or none. Call it only once the print file has been handed over.
 */
export async function recordPrintRun(
  database: RedressDatabase,
  run: Pick<PrintRun, 'made'>,
  options: { today: string; by: string; printFileName: string; clock?: Now },
): Promise<RecordedRun> {
  if (run.made.length === 0) return { recorded: [], notRecorded: [] };
  let results;
  try {
    results = await recordLettersIssued(
      database,
      run.made.map(({ letter, rendered, madeWithReceivedOn, madeForAddress }) => ({
        caseId: letter.caseId,
        kind: rendered.kind,
        fileName: rendered.fileName,
        issuedOn: options.today,
        bytes: rendered.bytes,
        madeWithReceivedOn,
        madeForAddress,
        by: options.by,
        summary: summaryInEnglish({
          kind: 'letter-issued-printed',
          values: {
            letter: { letterKind: rendered.kind },
            file: rendered.fileName,
            printFile: options.printFileName,
          },
        }),
        alsoRecord: rendered.also,
      })),
      options.clock,
    );
  } catch (error) {
    const values = { reason: technicalDetail(error), printFile: options.printFileName };
    return { recorded: [], notRecorded: run.made.map(({ letter }) => letterProblem(letter, 'not-recorded', values)) };
  }
  const recorded: DueLetter[] = [];
  const notRecorded: RecordedRun['notRecorded'] = [];
  results.forEach((result, i) => {
    const { letter } = run.made[i];
    if (result.ok) recorded.push(letter);
    // A letter is left out of the transaction only when its case is gone (recordLettersIssued's one refusal).
    else
      notRecorded.push(
        letterProblem(letter, 'not-recorded-case-gone', { id: letter.caseId, printFile: options.printFileName }),
      );
  });
  return { recorded, notRecorded };
}
