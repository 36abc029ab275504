// Retention and erasure (issue #7): anonymise cases in the database. Each run is ONE transaction: the cases, their
// timelines, their letters (deleted), their index rows (rebuilt, so search no longer finds a name) and one audit entry
// land together or not at all. The audit entry holds no personal data: counts, case ids and reference numbers (a
// reference names no one; it stays on the anonymised case anyway and is what proves which record was erased).
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import {
  anonymiseAttachment,
  anonymiseCase,
  anonymiseEvent,
  attachmentNeedsErasing,
  describeRemoval,
} from '#shared/privacy/anonymise';
import { sameValue } from '#shared/model/merge';
import {
  ERASURE_BASIS_LABELS,
  erasableNow,
  isErasureBasis,
  sameCustomer,
  type ErasureBasis,
  type MatchReason,
} from '#shared/privacy/erasure';
import { receivedOnOrBefore, retentionDue, type RetentionDue, type RetentionPolicy } from '#shared/privacy/retention';
import { refreshCaseIndex } from '#db/case-index/derive';
import { systemNow, type Now } from './cases';
import type { AuditRow, RedressDatabase } from '../schema';
import { rewriteAnonymisedEntries, timelinesOf } from '../timeline';
import { writingFromTeam } from '../outbox';

export interface RetentionItem extends RetentionDue {
  caseId: string;
  reference: string;
  receivedOn: string;
  /** What anonymising removes from this case, in plain words ("name", "email", "2 letters (PDF)"…). */
  removes: string[];
}

export interface RetentionPreview {
  policy: RetentionPolicy;
  today: string;
  /** Cases due to be anonymised, oldest end first. */
  items: RetentionItem[];
}

/** Cases due under the policy today (not yet anonymised). Only cases received long enough ago are read. */
async function dueCases(
  database: RedressDatabase,
  policy: RetentionPolicy,
  today: string,
): Promise<Array<{ record: CaseRecord; events: TimelineEvent[]; due: RetentionDue }>> {
  const records = await database.cases
    .where('receivedOn')
    .belowOrEqual(receivedOnOrBefore(today, policy))
    .filter((r) => !r.anonymisedOn)
    .toArray();
  const byCase = await timelinesOf(
    database,
    records.map((r) => r.id),
  );
  const out: Array<{ record: CaseRecord; events: TimelineEvent[]; due: RetentionDue }> = [];
  for (const record of records) {
    const events = byCase.get(record.id) ?? [];
    const due = retentionDue(record, events, policy, today);
    if (due) out.push({ record, events, due });
  }
  out.sort((a, b) =>
    a.due.endedOn < b.due.endedOn
      ? -1
      : a.due.endedOn > b.due.endedOn
        ? 1
        : a.record.reference.localeCompare(b.record.reference),
  );
  return out;
}

/** What a retention run would anonymise today, with what it removes from each case. Reads only. */
export async function previewRetention(
  database: RedressDatabase,
  policy: RetentionPolicy,
  today: string,
): Promise<RetentionPreview> {
  return database.transaction('r', [database.cases, database.timelines, database.letters], async () => {
    const due = await dueCases(database, policy, today);
    // Letters per case from the index keys alone (the PDFs are not read).
    // The keys of the caseId index are case ids: text, as every stored letter row is checked to have.
    const letterCases = (await database.letters
      .where('caseId')
      .anyOf(due.map((d) => d.record.id))
      .keys()) as string[];
    const letters = new Map<string, number>();
    for (const id of letterCases) letters.set(id, (letters.get(id) ?? 0) + 1);
    const items: RetentionItem[] = due.map(({ record, events, due: d }) => ({
      caseId: record.id,
      reference: record.reference,
      receivedOn: record.receivedOn,
      ...d,
      removes: describeRemoval(record, events, letters.get(record.id) ?? 0),
    }));
    return { policy, today, items };
  });
}

/** The tables an anonymisation writes: the case, its timeline and letters, derived rows, the audit trail, the sharing clashes. */
function anonymisingTables(database: RedressDatabase) {
  return [
    database.cases,
    database.timelines,
    database.letters,
    database.attachments,
    database.caseIndex,
    database.reportRows,
    database.audit,
    database.meta,
    database.conflicts,
  ];
}

/** Anonymise these cases inside the caller's transaction; returns the number of letters deleted. */
async function anonymiseAll(
  database: RedressDatabase,
  cases: ReadonlyArray<{ record: CaseRecord; events: readonly TimelineEvent[] }>,
  on: string,
  at: string,
): Promise<number> {
  let letters = 0;
  for (const { record, events } of cases) {
    const anonymised = anonymiseCase(record, events, { on, at });
    // put, not update: a removed field must be gone from the stored object, not left as it was.
    await database.cases.put(anonymised.record);
    await rewriteAnonymisedEntries(database, anonymised.events);
    letters += await database.letters.where('caseId').equals(record.id).delete();
    await eraseAttachments(database, [record.id], at);
    // Fields changed at two desks hold both values: personal data too.
    await database.conflicts.delete(record.id);
    await refreshCaseIndex(database, record.id);
  }
  return letters;
}

/** The attachments of these (anonymised) cases, their bytes, names and notes deleted (see anonymiseAttachment). */
async function eraseAttachments(database: RedressDatabase, caseIds: readonly string[], at: string): Promise<number> {
  const rows = (await database.attachments.where('caseId').anyOf(caseIds).toArray()).filter(attachmentNeedsErasing);
  // put, not update: the removed blob must be gone from the stored object.
  await database.attachments.bulkPut(rows.map((row) => anonymiseAttachment(row, at)));
  return rows.length;
}

export interface RunOptions {
  policy: RetentionPolicy;
  today: string;
  /** Who ran it: the person working, or the words for the automatic run at start. */
  by: string;
  trigger: 'start' | 'on-demand';
  /** Only these cases (the ones the user saw in the preview); absent: every case due. */
  onlyCaseIds?: readonly string[];
  clock?: Now;
}

export interface RunResult {
  caseIds: string[];
  references: string[];
  lettersDeleted: number;
  /** The audit entry written, or null when nothing was due (nothing is written then). */
  audit: AuditRow | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Anonymise every case due under the policy today (or only those of `onlyCaseIds` that are still due), in one
 * transaction, with one audit entry. Running it again changes nothing: anonymised cases are never due again.
 */
export async function runRetention(database: RedressDatabase, options: RunOptions): Promise<RunResult> {
  const at = (options.clock ?? systemNow).now().toISOString();
  const { policy, today } = options;
  const nothing: RunResult = { caseIds: [], references: [], lettersDeleted: 0, audit: null };
  if (!policy.enabled && options.trigger === 'start') return nothing;
  // Look first in a READ transaction (the desk can keep writing meanwhile); most starts find nothing to do.
  let candidates = (
    await database.transaction('r', [database.cases, database.timelines], () => dueCases(database, policy, today))
  ).map((d) => d.record.id);
  if (options.onlyCaseIds) {
    const only = new Set(options.onlyCaseIds);
    candidates = candidates.filter((id) => only.has(id));
  }
  if (candidates.length === 0) return nothing;
  return database.transaction('rw', anonymisingTables(database), async () => {
    // Checked again inside the write: another window may have anonymised some meanwhile.
    const records = await database.cases.bulkGet(candidates);
    const byCase = await timelinesOf(database, candidates);
    const due: Array<{ record: CaseRecord; events: TimelineEvent[] }> = [];
    for (const record of records) {
      if (!record) continue;
      const events = byCase.get(record.id) ?? [];
      if (retentionDue(record, events, policy, today)) due.push({ record, events });
    }
    if (due.length === 0) return nothing;
    const lettersDeleted = await anonymiseAll(database, due, today, at);
    const caseIds = due.map((d) => d.record.id);
    await recordAnonymisedHere(database, caseIds);
    const references = due.map((d) => d.record.reference);
    const audit: AuditRow = {
      id: crypto.randomUUID(),
      at,
      kind: 'retention-run',
      by: options.by,
      summary:
        `${plural(caseIds.length, 'case', 'cases')} anonymised under the retention policy (${plural(policy.anonymiseAfterYears, 'year', 'years')} after closing)` +
        `${lettersDeleted ? `; ${plural(lettersDeleted, 'letter', 'letters')} deleted` : ''}`,
      detail: {
        trigger: options.trigger,
        anonymiseAfterYears: policy.anonymiseAfterYears,
        count: caseIds.length,
        lettersDeleted,
        caseIds,
        references,
      },
    };
    await database.audit.add(audit);
    return { caseIds, references, lettersDeleted, audit };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Erasure of one customer on request

export interface CustomerCase {
  caseId: string;
  reference: string;
  receivedOn: string;
  status: CaseRecord['status'];
  customerName: string;
  /** Why it looks like the same customer; empty for the case the request started from. */
  matchedBy: MatchReason[];
  /** Whether it can be erased now, and if not why. */
  erasable: ReturnType<typeof erasableNow>;
}

/**
 * The case and every other case that looks like the same customer's (same email, phone, account number, or name and
 * postcode), for the user to confirm. Reads every case: erasure is rare, and a customer's cases are not indexed by
 * contact details.
 */
export async function findCustomerCases(database: RedressDatabase, caseId: string): Promise<CustomerCase[]> {
  const origin = await database.cases.get(caseId);
  if (!origin) return [];
  const row = (r: CaseRecord, matchedBy: MatchReason[]): CustomerCase => ({
    caseId: r.id,
    reference: r.reference,
    receivedOn: r.receivedOn,
    status: r.status,
    customerName: r.customer.name,
    matchedBy,
    erasable: erasableNow(r),
  });
  const others: CustomerCase[] = [];
  await database.cases.each((r) => {
    if (r.id === origin.id || r.anonymisedOn) return;
    const matchedBy = sameCustomer(origin.customer, r.customer);
    if (matchedBy.length > 0) others.push(row(r, matchedBy));
  });
  others.sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0));
  return [row(origin, []), ...others];
}

/** An erasure that cannot be done as asked (nothing was changed). */
export class ErasureRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErasureRefusedError';
  }
}

export interface EraseOptions {
  caseIds: readonly string[];
  basis: ErasureBasis;
  /** The person working. */
  by: string;
  today: string;
  clock?: Now;
}

/**
 * Erase a customer's personal data from the chosen cases now, whatever the retention policy says: the same
 * anonymisation, their letters deleted, and one audit entry with the legal basis (a category, never free text).
 * Refuses (changing nothing) when a case is unknown, still open, or already anonymised.
 */
export async function eraseCustomer(database: RedressDatabase, options: EraseOptions): Promise<RunResult> {
  if (!isErasureBasis(options.basis)) throw new ErasureRefusedError('Choose the reason for the erasure');
  if (options.caseIds.length === 0) throw new ErasureRefusedError('Choose at least one case to erase');
  if (!options.by.trim()) throw new ErasureRefusedError('Choose who is working before erasing anything');
  const at = (options.clock ?? systemNow).now().toISOString();
  return database.transaction('rw', anonymisingTables(database), async () => {
    const ids = [...new Set(options.caseIds)];
    const records = await database.cases.bulkGet(ids);
    const cases: Array<{ record: CaseRecord; events: TimelineEvent[] }> = [];
    const byCase = await timelinesOf(database, ids);
    for (const [i, record] of records.entries()) {
      if (!record) throw new ErasureRefusedError(`There is no case with id ${ids[i]}; nothing was erased.`);
      const check = erasableNow(record);
      if (!check.ok)
        throw new ErasureRefusedError(`${record.reference} cannot be erased: ${check.reason}. Nothing was erased.`);
      cases.push({ record, events: byCase.get(record.id) ?? [] });
    }
    const lettersDeleted = await anonymiseAll(database, cases, options.today, at);
    await recordAnonymisedHere(
      database,
      cases.map((c) => c.record.id),
    );
    const references = cases.map((c) => c.record.reference);
    const audit: AuditRow = {
      id: crypto.randomUUID(),
      at,
      kind: 'erasure',
      by: options.by,
      summary:
        `A customer's personal data erased on request from ${plural(cases.length, 'case', 'cases')} (${references.join(', ')})` +
        `${lettersDeleted ? `; ${plural(lettersDeleted, 'letter', 'letters')} deleted` : ''}. Kept: anonymised figures for reports and legal claims.`,
      detail: {
        basis: options.basis,
        basisLabel: ERASURE_BASIS_LABELS[options.basis],
        count: cases.length,
        lettersDeleted,
        caseIds: cases.map((c) => c.record.id),
        references,
        kept: 'reference, dates, channel, category, procedure, handler, stage, timeline entry types and dates, payment amounts',
      },
    };
    await database.audit.add(audit);
    return { caseIds: cases.map((c) => c.record.id), references, lettersDeleted, audit };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Keeping erasures erased
//
// The proof that a case was anonymised is this desk's own record, kept outside what a restore writes: the meta row
// ANONYMISED_HERE_KEY, listing the ids of the cases this desk anonymised itself (retention runs, erasures), or
// received already anonymised when it was set up from a backup (a restore into an empty desk). A restore never
// writes it (it is one of backup.ts's local meta keys), so a backup, hand-edited or not, can never add to it: the
// audit rows a backup brings are records, never instructions.

export const REAPPLIED_KIND = 'anonymisation-reapplied';
/** The meta row listing the ids of the cases this desk itself knows to be anonymised (string[]). */
export const ANONYMISED_HERE_KEY = 'privacy.anonymisedHere';

/**
 * The ids of the cases this desk itself anonymised. A desk from before this record (no row yet) starts it from the
 * cases named by its erasures and retention runs that are anonymised here now: what the data itself proves.
 */
export async function anonymisedHere(database: RedressDatabase): Promise<Set<string>> {
  const recorded = await recordedAnonymisedHere(database);
  if (recorded) return recorded;
  const named = new Set<string>();
  await database.audit
    .where('kind')
    .anyOf(['erasure', 'retention-run'])
    .each((a) => {
      const caseIds = a.detail?.caseIds;
      if (Array.isArray(caseIds)) for (const id of caseIds) if (typeof id === 'string') named.add(id);
    });
  const records = await database.cases.bulkGet([...named]);
  return new Set(records.filter((r): r is CaseRecord => r !== undefined && Boolean(r.anonymisedOn)).map((r) => r.id));
}

/**
 * The cases this desk's own record lists, or null when it has none yet. Not worked out from the audit: in a team, the
 * audit holds other desks' erasures too (its rows are shared), and those are not this desk's to send.
 */
async function recordedAnonymisedHere(database: RedressDatabase): Promise<Set<string> | null> {
  const row = await database.meta.get(ANONYMISED_HERE_KEY);
  if (!Array.isArray(row?.value)) return null;
  return new Set((row.value as unknown[]).filter((id): id is string => typeof id === 'string'));
}

/** Add cases to this desk's own record of anonymised cases (inside the caller's transaction, which holds meta). */
export async function recordAnonymisedHere(database: RedressDatabase, caseIds: readonly string[]): Promise<void> {
  const ids = await anonymisedHere(database);
  const before = ids.size;
  for (const id of caseIds) ids.add(id);
  if (ids.size !== before || !(await database.meta.get(ANONYMISED_HERE_KEY)))
    await database.meta.put({ key: ANONYMISED_HERE_KEY, value: [...ids] });
}

/**
 * What to do with a case this desk once anonymised, as it is now: anonymise it again only when it is closed; an open
 * case (a backup's copy that says so) is never anonymised this way, only reported.
 */
export function reapplyDecision(record: Pick<CaseRecord, 'anonymisedOn' | 'status'>): 'anonymise' | 'open' | 'nothing' {
  if (record.anonymisedOn) return 'nothing';
  return record.status === 'closed' ? 'anonymise' : 'open';
}

export interface ReapplyResult extends RunResult {
  /** Cases this desk anonymised that are open again (restored from a backup): not anonymised again; to review. */
  stillOpen: string[];
}

/**
 * An anonymisation done again, in the audit's words: the cases anonymised again and their letters deleted; when no case
 * was (only the files of cases still anonymised came back), the letters deleted and attached files erased, with no
 * "0 cases".
 */
function reappliedSummary(cases: number, letters: number, files: number, fromTeam: boolean): string {
  const what = cases
    ? `${plural(cases, 'case', 'cases')} anonymised again${letters ? ` and ${plural(letters, 'letter', 'letters')} deleted` : ''}`
    : [
        letters ? `${plural(letters, 'letter', 'letters')} deleted` : '',
        files ? `${plural(files, 'attached file', 'attached files')} erased` : '',
      ]
        .filter(Boolean)
        .join(' and ') + ' again';
  const source = fromTeam ? "the team's copies" : 'restored data';
  return `${what}: ${source} had brought back personal data that this desk had erased or anonymised`;
}

/**
 * Make every closed case this desk anonymised itself (its own record, ANONYMISED_HERE_KEY) anonymised again, and
 * delete any letter stored for such a case. Needed after restoring or merging a backup made before the anonymisation:
 * the backup still holds the customer's details and letters. Audit rows (a backup's included) name no case to act
 * on; an open case is never anonymised here, only listed in `stillOpen`. Runs in one transaction, writes one audit
 * entry when it changed something, and changes nothing the second time. Called by a restore and at start.
 */
export async function reapplyAnonymisation(
  database: RedressDatabase,
  options: {
    today: string;
    by: string;
    clock?: Now;
    /**
     * Also read the timelines of the cases still anonymised here and anonymise any entry that holds what anonymising
     * removes (a desk joining its team again takes in the team's copies: an entry another desk added meanwhile). Off
     * at start and after a restore: every such case's timeline is read.
     */
    timelines?: boolean;
  },
): Promise<ReapplyResult> {
  const at = (options.clock ?? systemNow).now().toISOString();
  return database.transaction('rw', anonymisingTables(database), async () => {
    const nothing: ReapplyResult = { caseIds: [], references: [], lettersDeleted: 0, audit: null, stillOpen: [] };
    const ids = await anonymisedHere(database);
    if (!(await database.meta.get(ANONYMISED_HERE_KEY)))
      await database.meta.put({ key: ANONYMISED_HERE_KEY, value: [...ids] });
    if (ids.size === 0) return nothing;
    const records = (await database.cases.bulkGet([...ids])).filter((r): r is CaseRecord => r !== undefined);
    const again = records.filter((r) => reapplyDecision(r) === 'anonymise');
    const stillOpen = records.filter((r) => reapplyDecision(r) === 'open').map((r) => r.reference);
    const byCase = await timelinesOf(
      database,
      again.map((r) => r.id),
    );
    let lettersDeleted = await anonymiseAll(
      database,
      again.map((record) => ({ record, events: byCase.get(record.id) ?? [] })),
      options.today,
      at,
    );
    const back = await eraseWhatCameBack(
      database,
      records.filter((r) => r.anonymisedOn),
      at,
      options.timelines === true,
    );
    lettersDeleted += back.lettersDeleted;
    if (again.length === 0 && lettersDeleted === 0 && back.filesErased === 0 && back.entriesAgain.length === 0)
      return { ...nothing, stillOpen };
    again.push(...back.entriesAgain);
    const audit = await auditReapplied(database, again, lettersDeleted, back.filesErased, {
      at,
      by: options.by,
      fromTeam: options.timelines === true,
    });
    return {
      caseIds: again.map((r) => r.id),
      references: again.map((r) => r.reference),
      lettersDeleted,
      audit,
      stillOpen,
    };
  });
}

/**
 * What came back for cases that are anonymised here: their letters deleted, their attached files erased, and (with
 * `timelines`) every entry holding what anonymising removes anonymised, its case's index made again. Inside the
 * caller's transaction. `entriesAgain`: the cases whose entries were anonymised.
 */
async function eraseWhatCameBack(
  database: RedressDatabase,
  anonymised: readonly CaseRecord[],
  at: string,
  timelines: boolean,
): Promise<{ lettersDeleted: number; filesErased: number; entriesAgain: CaseRecord[] }> {
  const entriesAgain: CaseRecord[] = [];
  if (anonymised.length === 0) return { lettersDeleted: 0, filesErased: 0, entriesAgain };
  const ids = anonymised.map((r) => r.id);
  // Letters brought back for a case that is still anonymised here (a merge adds the file's letters by id)…
  const lettersDeleted = await database.letters.where('caseId').anyOf(ids).delete();
  // …and attachments (a merge adds the file's attachments by id).
  const filesErased = await eraseAttachments(database, ids, at);
  if (timelines) {
    const byCase = await timelinesOf(database, ids);
    for (const record of anonymised) {
      const events = (byCase.get(record.id) ?? []).filter((e) => !sameValue(anonymiseEvent(e), e));
      if (events.length === 0) continue;
      await rewriteAnonymisedEntries(database, events.map(anonymiseEvent));
      await refreshCaseIndex(database, record.id);
      entriesAgain.push(record);
    }
  }
  return { lettersDeleted, filesErased, entriesAgain };
}

/** The audit entry of an anonymisation done again (written in the caller's transaction). */
async function auditReapplied(
  database: RedressDatabase,
  again: readonly CaseRecord[],
  lettersDeleted: number,
  filesErased: number,
  { at, by, fromTeam }: { at: string; by: string; fromTeam: boolean },
): Promise<AuditRow> {
  const references = again.map((r) => r.reference);
  const audit: AuditRow = {
    id: crypto.randomUUID(),
    at,
    kind: REAPPLIED_KIND,
    by,
    summary: reappliedSummary(again.length, lettersDeleted, filesErased, fromTeam),
    detail: {
      count: again.length,
      lettersDeleted,
      filesErased,
      caseIds: again.map((r) => r.id),
      references,
      source: fromTeam ? 'team' : 'restore',
    },
  };
  await database.audit.add(audit);
  return audit;
}

/**
 * What the team brought of cases that are anonymised here, whoever anonymised them: a desk that worked on such a case
 * offline while it was erased elsewhere (a note, a changed detail, a file, a letter) sends that work when it is back,
 * and it arrives after the erasure. It is anonymised on arrival. For a case this desk anonymised itself, as this desk's
 * own change (its outbox rows are written with it): the push sends the anonymising revision, which the server takes
 * from the desk that erased (it holds the erasure role), and every desk erases it too. For a case another desk
 * anonymised, here only (no outbox row: this desk may not hold the erasure role, and the erasing desk sends the
 * revision when the work reaches it). No case is touched that is not anonymised; nothing is written when nothing came
 * back. The audit entries written (one for each of the two kinds, when it changed something).
 */
export async function keepErased(
  database: RedressDatabase,
  caseIds: readonly string[],
  options: { by: string; clock?: Now },
): Promise<AuditRow[]> {
  if (caseIds.length === 0) return [];
  const at = (options.clock ?? systemNow).now().toISOString();
  const anonymised = (await database.cases.bulkGet([...caseIds])).filter(
    (r): r is CaseRecord => r !== undefined && Boolean(r.anonymisedOn),
  );
  if (anonymised.length === 0) return [];
  // This desk's own record only (an app start writes it; a desk with none has anonymised nothing since).
  const own = (await recordedAnonymisedHere(database)) ?? new Set<string>();
  const audits: AuditRow[] = [];
  for (const shared of [true, false]) {
    const cases = anonymised.filter((r) => own.has(r.id) === shared);
    if (cases.length === 0) continue;
    const audit = await database.transaction('rw', anonymisingTables(database), async (tx) => {
      if (!shared) writingFromTeam(tx);
      // Read again in the transaction: a later batch may have brought the case's erasure already.
      const records = (await database.cases.bulkGet(cases.map((r) => r.id))).filter(
        (r): r is CaseRecord => r !== undefined && Boolean(r.anonymisedOn),
      );
      const back = await eraseWhatCameBack(database, records, at, true);
      if (back.lettersDeleted === 0 && back.filesErased === 0 && back.entriesAgain.length === 0) return null;
      return auditReapplied(database, back.entriesAgain, back.lettersDeleted, back.filesErased, {
        at,
        by: options.by,
        fromTeam: true,
      });
    });
    if (audit) audits.push(audit);
  }
  return audits;
}

/** The audit entries the Privacy page's record lists: subject-access bundles made, retention runs and erasures. */
const PRIVACY_RECORD_KINDS = new Set(['subject-access', 'retention-run', 'erasure', REAPPLIED_KIND]);

/** The privacy record's audit entries, newest first. */
export async function privacyAudit(database: RedressDatabase, limit = 50): Promise<AuditRow[]> {
  return database.audit
    .orderBy('at')
    .reverse()
    .filter((a) => PRIVACY_RECORD_KINDS.has(a.kind))
    .limit(limit)
    .toArray();
}
