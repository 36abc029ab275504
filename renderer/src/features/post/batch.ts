// "Letters to post today": the letters due today or overdue for customers who wrote by post or asked for post, made
// into ONE print file. Each letter is built by the same pure builders as the single-letter flows, rendered on its own
// (so its exact bytes are locked on its case's timeline), and the whole batch is joined with pdf-lib.
import { PDFDocument } from 'pdf-lib';
import type { CaseRecord, DeskSettings, TimelineEvent } from '../../../../shared/model/case';
import { adrTermsFromEvaluation, type LetterDocument } from '../../../../shared/letters';
import { evaluateRecord } from '../../app/rules';
import { adrLettersDue, unacknowledged } from '../../db/queries';
import { recordLetterIssued } from '../../db/repository';
import type { CaseIndexRow, RedressDatabase } from '../../db/schema';
import { renderPdf } from '../../letters/render';
import { buildLetter, defaultInputs, defaultOptions } from '../letters/compose';
import { acknowledgementDocument } from '../letters/issue';

export type PostLetterKind = 'acknowledgement' | 'adr-letter';

export const POST_LETTER_LABELS: Record<PostLetterKind, string> = {
  acknowledgement: 'Acknowledgement',
  'adr-letter': 'ADR letter (still unresolved)',
};

/** The progress sentence every time-based ADR letter in the batch carries unless the desk changes it. */
export const DEFAULT_PROGRESS = 'We are still looking into your complaint.';

export interface DueLetter {
  caseId: string;
  reference: string;
  customerName: string;
  kind: PostLetterKind;
  /** Why it is due, in words. */
  why: string;
}

/** Letters go by post when the customer wrote by post or asked for post. */
export function wantsPost(record: Pick<CaseRecord, 'channel' | 'communication'>): boolean {
  return record.channel === 'letter' || record.communication?.prefersPost === true;
}

const key = (l: Pick<DueLetter, 'caseId' | 'kind'>) => `${l.caseId}:${l.kind}`;
export const dueLetterKey = key;

/** Every letter to post today: unacknowledged open cases, and ADR letters due on or before today. Read by index. */
export async function lettersToPost(database: RedressDatabase, today: string): Promise<DueLetter[]> {
  const [unack, adr] = await Promise.all([unacknowledged(database), adrLettersDue(database, today, 0)]);
  const rows = new Map<string, CaseIndexRow>();
  for (const r of [...unack, ...adr]) rows.set(r.caseId, r);
  if (rows.size === 0) return [];
  const records = await database.cases.bulkGet([...rows.keys()]);
  const byPost = new Set(records.filter((r): r is CaseRecord => !!r && wantsPost(r)).map((r) => r.id));
  const out: DueLetter[] = [];
  for (const r of unack) {
    if (!byPost.has(r.caseId)) continue;
    out.push({ caseId: r.caseId, reference: r.reference, customerName: r.customerName, kind: 'acknowledgement', why: `Not yet acknowledged (received ${r.receivedOn})` });
  }
  for (const r of adr) {
    if (!byPost.has(r.caseId)) continue;
    const when = r.adrLetterDueOn! < today ? `overdue since ${r.adrLetterDueOn}` : 'due today';
    out.push({ caseId: r.caseId, reference: r.reference, customerName: r.customerName, kind: 'adr-letter', why: `ADR letter ${when}` });
  }
  // By reference, the acknowledgement before the ADR letter of the same case.
  return out.sort((a, b) => (a.reference !== b.reference ? (a.reference < b.reference ? -1 : 1) : a.kind === 'acknowledgement' ? -1 : 1));
}

export interface BuildContext {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  settings: DeskSettings;
  today: string;
  by: string;
  progress: string;
}

/** The letter's document, its file name and how it is recorded on the timeline. Throws when it cannot be written. */
export function buildDueLetter(kind: PostLetterKind, context: BuildContext) {
  const { record, events, settings, today, by } = context;
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation) throw new Error(evaluated.error ?? 'The case’s clocks cannot be worked out.');
  const evaluation = evaluated.evaluation;
  if (!record.representative?.address && !record.customer.address) throw new Error('No postal address for the customer.');
  if (kind === 'acknowledgement') {
    const doc: LetterDocument = acknowledgementDocument({ record, evaluation, settings, today, by });
    const alreadyAcknowledged = events.some((e) => e.type === 'acknowledged');
    return {
      doc,
      fileName: `${record.reference}-acknowledgement.pdf`,
      kind: 'acknowledgement',
      name: 'Acknowledgement letter',
      also: alreadyAcknowledged ? undefined : { type: 'acknowledged' as const, summary: 'Complaint acknowledged by letter' },
    };
  }
  const options = defaultOptions(record);
  const inputs = { ...defaultInputs({ evaluation, today }), progress: context.progress.trim() || DEFAULT_PROGRESS };
  const doc = buildLetter('adr-time', inputs, options, { record, events, evaluation, settings, today, by });
  const weeks = adrTermsFromEvaluation(evaluation, record.receivedOn).waitWeeks;
  const already = events.some((e) => e.type === 'adr-letter-sent' && e.on === today);
  return {
    doc,
    fileName: `${record.reference}-adr-letter${options.largePrint ? '-large-print' : ''}.pdf`,
    kind: 'adr-letter',
    name: 'ADR letter',
    also: already ? undefined : { type: 'adr-letter-sent' as const, summary: `ADR letter sent (unresolved after ${weeks} weeks)` },
  };
}

export interface BatchOutcome {
  /** The print file, or null when no letter could be made. */
  bytes: Uint8Array | null;
  made: DueLetter[];
  pages: number;
  errors: Array<{ letter: DueLetter; message: string }>;
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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Make every letter (skipping, with a reason, any that cannot be made), record each as issued and join the recorded
 * ones into one PDF. `onProgress(done, total)` as letters are made, then as they are joined.
 *
 * The cases and timelines are read once up front; each letter's record (its own write transaction) runs while the
 * next letter renders; the PDF is joined only from letters whose record committed, so the print file never holds a
 * letter the timeline does not.
 */
export async function makePrintFile(
  database: RedressDatabase,
  letters: readonly DueLetter[],
  options: { settings: DeskSettings; today: string; by: string; progress: string; printFileName: string; onProgress?: (done: number, total: number) => void },
): Promise<BatchOutcome> {
  const { settings, today, by } = options;
  const total = letters.length;
  const ids = [...new Set(letters.map((l) => l.caseId))];
  const [records, timelines] = await database.transaction('r', [database.cases, database.events], () =>
    Promise.all([database.cases.bulkGet(ids), Promise.all(ids.map((id) => database.events.where('caseId').equals(id).toArray()))]),
  );
  const recordOf = new Map(ids.map((id, i) => [id, records[i]]));
  const eventsOf = new Map(ids.map((id, i) => [id, timelines[i]]));
  const errors: BatchOutcome['errors'] = [];
  const failedCases = new Set<string>();
  const pending: Array<{ letter: DueLetter; bytes: Uint8Array; recorded: Promise<unknown> }> = [];
  let done = 0;
  for (const letter of letters) {
    try {
      // An ADR letter is not sent for a case whose acknowledgement in this batch failed.
      if (failedCases.has(letter.caseId)) throw new Error('Skipped: the case’s earlier letter could not be made.');
      const record = recordOf.get(letter.caseId);
      if (!record) throw new Error('The case no longer exists.');
      const events = eventsOf.get(letter.caseId) ?? [];
      const built = buildDueLetter(letter.kind, { record, events, settings, today, by, progress: options.progress });
      const bytes = await renderPdf(built.doc);
      const recorded = recordLetterIssued(database, letter.caseId, {
        kind: built.kind,
        fileName: built.fileName,
        issuedOn: today,
        bytes,
        by,
        summary: `${built.name} issued (${built.fileName}, printed for post in ${options.printFileName})`,
        alsoRecord: built.also,
      });
      recorded.catch(() => undefined); // handled below, in order
      pending.push({ letter, bytes, recorded });
    } catch (error) {
      failedCases.add(letter.caseId);
      errors.push({ letter, message: messageOf(error) });
    }
    done += 1;
    options.onProgress?.(done, total);
    await breathe();
  }
  const out = await PDFDocument.create();
  const made: DueLetter[] = [];
  for (const p of pending) {
    try {
      await p.recorded;
    } catch (error) {
      errors.push({ letter: p.letter, message: `Not recorded, so left out of the print file: ${messageOf(error)}` });
      continue;
    }
    try {
      const part = await PDFDocument.load(p.bytes);
      const pages = await out.copyPages(part, part.getPageIndices());
      for (const page of pages) out.addPage(page);
      made.push(p.letter);
    } catch (error) {
      errors.push({ letter: p.letter, message: `Recorded as issued but could not be added to the print file (download it from the case): ${messageOf(error)}` });
    }
    if (made.length % 10 === 0) await breathe();
  }
  const pages = out.getPageCount();
  const bytes = pages > 0 ? await out.save({ objectsPerTick: 50 }) : null;
  return { bytes, made, pages, errors: errors.sort((a, b) => letters.indexOf(a.letter) - letters.indexOf(b.letter)) };
}
