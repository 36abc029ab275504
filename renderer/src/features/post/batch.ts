// "Letters to post today": the letters due today or overdue for customers who wrote by post or asked for post, made
// into ONE print file. Each letter is built by the same pure builders as the single-letter flows and rendered on its
// own, in workers off the page's thread (./render-pool.ts), so its exact bytes are locked on its case's timeline; the
// letters are recorded a group at a time (one transaction each) and the recorded ones joined with pdf-lib.
import { PDFDocument } from 'pdf-lib';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import { adrLettersDue, unacknowledged } from '#db/case-index/queries';
import { recordLettersIssued } from '#db/repositories/cases';
import type { CaseIndexRow, RedressDatabase } from '#db/schema';
import type { BuildContext, PostLetterKind } from './due-letter';
import type { RenderedLetter } from './render-protocol';
import { renderDueLetter } from './render-pool';

export { buildDueLetter, DEFAULT_PROGRESS, POST_LETTER_LABELS, type BuildContext, type PostLetterKind } from './due-letter';

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
  const [{ rows: unack }, { rows: adr }] = await Promise.all([unacknowledged(database), adrLettersDue(database, today)]);
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

export interface BatchOutcome {
  /** The print file, or null when no letter could be made. */
  bytes: Uint8Array | null;
  made: DueLetter[];
  pages: number;
  errors: Array<{ letter: DueLetter; message: string }>;
  /** Letters made and recorded, to a representative, whose customer's copy could not be printed (no postal address). */
  noCopy: Array<{ letter: DueLetter; message: string }>;
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

/** Makes one due letter's bytes; the app's is the worker pool, tests may pass their own. */
export type DueLetterRenderer = (kind: PostLetterKind, context: BuildContext) => Promise<RenderedLetter>;

/** At most this many letters are recorded in one transaction (each rebuilds its case's index row inside it). */
const MAX_GROUP = 25;
/** Joining letters into the print file gives the page a turn after this long. */
const JOIN_SLICE_MS = 12;

/**
 * Make every letter (skipping, with a reason, any that cannot be made), record each as issued and join the recorded
 * ones into one PDF. `onProgress(done, total)` as letters are made.
 *
 * The cases and timelines are read once up front. Every letter is handed to the renderer at once (the worker pool
 * queues them) and taken back in order. Letters are recorded in groups, one transaction per group: the letters that
 * came back while the previous group was being stored form the next one. The PDF is joined only from letters whose
 * record committed, so the print file never holds a letter the timeline does not.
 */
export async function makePrintFile(
  database: RedressDatabase,
  letters: readonly DueLetter[],
  options: {
    settings: DeskSettings;
    today: string;
    by: string;
    progress: string;
    printFileName: string;
    onProgress?: (done: number, total: number) => void;
    render?: DueLetterRenderer;
  },
): Promise<BatchOutcome> {
  const { settings, today, by } = options;
  const render = options.render ?? renderDueLetter;
  const total = letters.length;
  const ids = [...new Set(letters.map((l) => l.caseId))];
  const [records, events] = await database.transaction('r', [database.cases, database.events], () =>
    Promise.all([database.cases.bulkGet(ids), database.events.where('caseId').anyOf(ids).toArray()]),
  );
  const recordOf = new Map(ids.map((id, i) => [id, records[i]]));
  const eventsOf = new Map<string, TimelineEvent[]>(ids.map((id) => [id, []]));
  for (const event of events) eventsOf.get(event.caseId)?.push(event);

  const jobs = letters.map((letter): Promise<RenderedLetter> => {
    const record = recordOf.get(letter.caseId);
    if (!record) return Promise.reject(new Error('The case no longer exists.'));
    const context: BuildContext = { record, events: eventsOf.get(letter.caseId) ?? [], settings, today, by, progress: options.progress };
    return render(letter.kind, context);
  });
  for (const job of jobs) job.catch(() => undefined); // each is handled below, in order

  const errors: BatchOutcome['errors'] = [];
  const noCopy: BatchOutcome['noCopy'] = [];
  const out = await PDFDocument.create();
  const made: DueLetter[] = [];
  const madeBytes: Uint8Array[] = [];

  /** Record a group in one transaction, then join the recorded letters into the print file, in order. */
  const store = async (group: Array<{ letter: DueLetter; rendered: RenderedLetter }>) => {
    let results;
    try {
      results = await recordLettersIssued(
        database,
        group.map(({ letter, rendered }) => ({
          caseId: letter.caseId,
          kind: rendered.kind,
          fileName: rendered.fileName,
          issuedOn: today,
          bytes: rendered.bytes,
          by,
          summary: `${rendered.name} issued (${rendered.fileName}, printed for post in ${options.printFileName})`,
          alsoRecord: rendered.also,
        })),
      );
    } catch (error) {
      for (const { letter } of group) errors.push({ letter, message: `Not recorded, so left out of the print file: ${messageOf(error)}` });
      return;
    }
    let slice = performance.now();
    for (let i = 0; i < group.length; i += 1) {
      const { letter, rendered } = group[i];
      const result = results[i];
      if (!result.ok) {
        errors.push({ letter, message: `Not recorded, so left out of the print file: ${result.error}` });
        continue;
      }
      try {
        const part = await PDFDocument.load(rendered.bytes, { updateMetadata: false });
        const pages = await out.copyPages(part, part.getPageIndices());
        for (const page of pages) out.addPage(page);
        made.push(letter);
        madeBytes.push(rendered.bytes);
        if (rendered.copyMissing) noCopy.push({ letter, message: rendered.copyMissing });
      } catch (error) {
        errors.push({ letter, message: `Recorded as issued but could not be added to the print file (download it from the case): ${messageOf(error)}` });
      }
      if (performance.now() - slice > JOIN_SLICE_MS) {
        await breathe();
        slice = performance.now();
      }
    }
  };

  // Group commit: the open group takes letters until its turn to be stored comes.
  let stored: Promise<void> = Promise.resolve();
  let open: Array<{ letter: DueLetter; rendered: RenderedLetter }> | null = null;
  const add = (item: { letter: DueLetter; rendered: RenderedLetter }) => {
    if (open && open.length < MAX_GROUP) {
      open.push(item);
      return;
    }
    const group = [item];
    open = group;
    stored = stored.then(() => {
      if (open === group) open = null;
      return store(group);
    });
  };

  const failedCases = new Set<string>();
  for (let i = 0; i < total; i += 1) {
    const letter = letters[i];
    try {
      // An ADR letter is not sent for a case whose acknowledgement in this batch failed (if it was made, it is dropped).
      if (failedCases.has(letter.caseId)) throw new Error('Skipped: the case’s earlier letter could not be made.');
      add({ letter, rendered: await jobs[i] });
    } catch (error) {
      failedCases.add(letter.caseId);
      errors.push({ letter, message: messageOf(error) });
    }
    options.onProgress?.(i + 1, total);
  }
  await stored;

  const pages = out.getPageCount();
  // Without object streams: pdf-lib then need not compress its cross-reference data in one long step at the end (the
  // print file is a few per cent larger; it is printed, not kept: each letter's own bytes are what is kept).
  // One letter: the print file is that letter's own (locked) bytes.
  const bytes = pages === 0 ? null : made.length === 1 ? madeBytes[0] : await out.save({ objectsPerTick: 100, useObjectStreams: false });
  return { bytes, made, pages, errors: errors.sort((a, b) => letters.indexOf(a.letter) - letters.indexOf(b.letter)), noCopy };
}
