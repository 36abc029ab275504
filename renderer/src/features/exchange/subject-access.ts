// A subject-access bundle for one customer (shared/exports/subject-access.ts): find the cases that look like the
// same person, let the desk confirm them, gather their timelines and issued letters, render the summary with pdfmake
// and save one ZIP file through the shell.
import {
  customerMatchReasons,
  ENGLISH_SAYINGS,
  subjectAccessFileName,
  subjectAccessSummary,
  subjectAccessAnswerBy,
  subjectAccessZip,
  type MatchReason,
  type SubjectAccessCase,
  type SubjectAccessRequest,
  type SummarySayings,
  withoutEntriesLeftOut,
} from '#shared/exports/subject-access';
import type { SubjectAccessSummaryDocument } from '#shared/exports/subject-access';
import {
  caseTextSources,
  documentUnprintable,
  placedSource,
  type TextSource,
  UnprintableError,
} from '#shared/letters/index';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { evaluateRecord } from '#lib/rules';
import { procedureForCaseOrNull } from '#shared/rules/index';
import type { AttachmentDbRow, RedressDatabase } from '#db/schema';
import { renderPdf } from '#letters/render';
import { platform } from '#platform';
import { recordExport } from './audit';
import type { ExportOutcome } from './cases-export';
import { letterLanguageForCase, providerForCase, providerName, settingsForCase } from '#shared/model/provider';
import { paperSizeFor } from '#shared/model/paper';
import type { LetterLanguageCode } from '#shared/model/case';
import { languageOfLocale } from '#shared/model/dates';
import { builtInWordsIn, entrySummaryIn, type MessageKey, type MessageValues, translate } from '#lib/i18n/index';
import { subjectAccessAuditSummary } from '#features/privacy';
import { readTimeline } from '#db/timeline';

// shared/ declares its own subset of pdfmake's types; this fails to compile if the summary stops being a pdfmake document.
type Holds<T extends true> = T;
export type SummaryIsPdfmakeDocument = Holds<SubjectAccessSummaryDocument extends TDocumentDefinitions ? true : false>;

export interface CandidateCase {
  record: CaseRecord;
  /** Why it looks like the same customer; empty for the case the export started from. */
  reasons: MatchReason[];
  isStart: boolean;
}

/** The case the export starts from, then every other case whose customer shares an email, phone, account or name + postcode. */
export async function findCustomerCases(database: RedressDatabase, start: CaseRecord): Promise<CandidateCase[]> {
  const others: CandidateCase[] = [];
  await database.cases.each((record) => {
    if (record.id === start.id) return;
    const reasons = customerMatchReasons(start.customer, record.customer);
    if (reasons.length) others.push({ record, reasons, isStart: false });
  });
  others.sort(
    (a, b) =>
      a.record.receivedOn.localeCompare(b.record.receivedOn) || a.record.reference.localeCompare(b.record.reference),
  );
  return [{ record: start, reasons: [], isStart: true }, ...others];
}

export interface SubjectAccessOptions {
  /** The case the export was started from: its customer is the subject. */
  start: CaseRecord;
  /** The cases the desk confirmed (the start case among them). */
  caseIds: readonly string[];
  /** Voided entries the desk leaves out, as about someone else (`voidedEntries`); nothing that counts is left out. */
  leaveOut?: readonly string[];
  requestReceivedOn: string;
  settings: DeskSettings;
  by: string;
  today: string;
  now?: Date;
  /** pdfmake in the browser; tests pass pdfmake's Node build. */
  render?: (doc: SubjectAccessSummaryDocument) => Promise<Uint8Array>;
}

/** Everything the bundle needs, read from the database in one read transaction. */
export async function gatherSubjectAccess(
  database: RedressDatabase,
  options: SubjectAccessOptions,
): Promise<SubjectAccessRequest> {
  const now = options.now ?? new Date();
  const cases = await database.transaction(
    'r',
    [database.cases, database.timelines, database.letters, database.attachments],
    async () => {
      const out: (SubjectAccessCase & { files: AttachmentDbRow[] })[] = [];
      const leaveOut = new Set(options.leaveOut ?? []);
      for (const id of options.caseIds) {
        const record = await database.cases.get(id);
        if (!record) continue;
        const events: TimelineEvent[] = withoutEntriesLeftOut(await readTimeline(database, id), leaveOut);
        const letters = await database.letters.where('caseId').equals(id).toArray();
        const files = await database.attachments.where('caseId').equals(id).toArray();
        const evaluated = evaluateRecord(record, events, options.today);
        out.push({
          record,
          events,
          // A procedure not known here: its entries are said as stored.
          procedure: procedureForCaseOrNull(record),
          letters: letters.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
          stageName: evaluated.evaluation?.stageName,
          status: evaluated.evaluation?.status,
          procedureName: evaluated.procedureName,
          providerName: providerName(record, options.settings),
          files: files.sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
        });
      }
      return out;
    },
  );
  // Every file's exact bytes, read after the transaction (reading a Blob is not an IndexedDB request).
  const withFiles: SubjectAccessCase[] = [];
  for (const { files, ...c } of cases)
    withFiles.push({
      ...c,
      attachments: await Promise.all(
        files.map(async ({ blob, ...row }) => ({
          row,
          ...(blob ? { bytes: new Uint8Array(await blob.arrayBuffer()) } : {}),
        })),
      ),
    });
  return {
    subject: options.start.customer,
    cases: withFiles,
    requestReceivedOn: options.requestReceivedOn,
    calendar: options.start.calendar,
    // The controller is the provider of the case the request was started from (its letterhead).
    company: settingsForCase(options.start, options.settings).company,
    preparedBy: options.by,
    preparedOn: options.today,
    preparedAt: now.toISOString(),
    // Written to the customer in their letters' language: the customer's own, else the provider's usual one.
    language: letterLanguageForCase(options.start, options.settings),
    // On the paper of that provider's region, as its letters are (US Letter in Canada).
    paper: paperSizeFor(providerForCase(options.start, options.settings).provider.region),
    // In large print when they asked for it, as their letters are.
    largePrint: options.start.communication?.largePrint === true,
  };
}

/**
 * What the summary says from the interface's catalogue, in the summary's language: English says the desk's record as
 * it is; French says each timeline entry, category, status and time limit as the French interface does.
 */
export function summarySayingsIn(language: LetterLanguageCode): SummarySayings {
  if (languageOfLocale(language) === 'en') return ENGLISH_SAYINGS;
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(language, key, values);
  return {
    entry: (event, context) => entrySummaryIn(t, language, event, context),
    category: (category) => t(`model.category.${category}` as Parameters<typeof translate>[1]),
    status: (status) => t(`model.status.${status}` as Parameters<typeof translate>[1]),
    letterLanguage: (l) => t(`model.letterLanguage.${l}`),
    answerRule: (law) => t(`sar.answerRule.${law}`),
    stage: (name) => builtInWordsIn(language, name),
  };
}

/** The ZIP's bytes and its file name. */
export async function buildSubjectAccessBundle(
  database: RedressDatabase,
  options: SubjectAccessOptions,
): Promise<{ bytes: Uint8Array; fileName: string; request: SubjectAccessRequest }> {
  const request = await gatherSubjectAccess(database, options);
  const render = options.render ?? renderPdf;
  const doc = subjectAccessSummary(request, summarySayingsIn(request.language ?? 'en-GB'));
  // Every character printed, or the summary refused with the characters named (never empty boxes).
  const sources: TextSource[] = [
    ...caseTextSources({ customer: request.subject }),
    ...request.cases.flatMap((c) => [
      ...(c.record.representative ? caseTextSources(c.record).slice(3) : []),
      placedSource({ place: 'case-summary', reference: c.record.reference }, c.record.summary),
      placedSource(
        { place: 'case-timeline', reference: c.record.reference },
        c.events.map((e) => e.summary).join('\n'),
      ),
    ]),
  ];
  // Refused with its words and its data (the interface says it in its language).
  const found = documentUnprintable(doc, sources, 'summary');
  if (found) throw new UnprintableError(found, 'summary');
  const summary = await render(doc);
  return {
    bytes: subjectAccessZip(request, summary),
    fileName: subjectAccessFileName(options.start.reference, options.today, request.language),
    request,
  };
}

/** Build the bundle, save it where the user chooses, and note the export in the audit trail (ids and counts only). */
export async function exportSubjectAccess(
  database: RedressDatabase,
  options: SubjectAccessOptions,
): Promise<ExportOutcome & { letters?: number }> {
  const { bytes, fileName, request } = await buildSubjectAccessBundle(database, options);
  const letters = request.cases.reduce((n, c) => n + c.letters.length, 0);
  const files = request.cases.reduce((n, c) => n + (c.attachments ?? []).filter((a) => a.bytes).length, 0);
  const result = await platform().saveFile({ suggestedName: fileName, mimeType: 'application/zip', data: bytes });
  if (!result.ok) return { saved: false, count: request.cases.length, error: result.error, message: result.message };
  if (!result.saved) return { saved: false, count: request.cases.length };
  // The privacy record's entry: when the request came, when it had to be answered, and what was sent (references and
  // counts, no personal data). Its summary is the record in English; the Privacy page says it again in French.
  const detail = {
    caseIds: request.cases.map((c) => c.record.id),
    references: request.cases.map((c) => c.record.reference),
    count: request.cases.length,
    // Voided entries left out as about someone else (their ids only: what they said is not copied here).
    leftOut: options.leaveOut ?? [],
    letters,
    files,
    requestReceivedOn: request.requestReceivedOn,
    answerBy: subjectAccessAnswerBy(request.requestReceivedOn, request.calendar).dueOn,
  };
  const english = (key: MessageKey, values?: MessageValues) => translate('en-GB', key, values);
  await recordExport(database, {
    kind: 'subject-access',
    by: options.by,
    summary: subjectAccessAuditSummary(english, 'en-GB', detail)!,
    detail,
  });
  return { saved: true, count: request.cases.length, letters, fileName: result.fileName };
}
