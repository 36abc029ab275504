// Every write to the database goes through these functions, each inside one transaction: a write either lands
// whole or not at all. A write that changes a case or its timeline also rebuilds the case's derived index row
// (./derive.ts `refreshCaseIndex`) in the same transaction.
import { summaryInEnglish } from '#shared/casework/summaries';
import type { CaseRecord, DeskSettings, TimelineEvent, TimelineType } from '#shared/model/case';
import { localIsoDate } from '#shared/model/dates';
import { singleSpaced } from '#shared/model/text';
import type { NewCaseParts } from '#shared/model/intake';
import { addressedTo, letterWithdrawnEntry } from '#shared/letters/index';
import { deskProviders, savedDeskForm, settingsForUsual, usualProvider, type Provider } from '#shared/model/provider';
import { RecordRefusal } from '#shared/model/refusals';
import { counterKey, formatReference } from '#shared/model/reference';
import { newCaseStageId } from '#shared/rules/index';
import { caseWriteTables, putDerivedRows, refreshCaseIndex } from '#db/case-index/derive';
import { deskSettings, readDesk, retiredProcedureIds, writeDesk } from '#db/desk';
import { procedureName } from '#shared/rules/index';
import { newFirstProviderId } from './providers';
import type { AuditRow, LetterRow, NotifiedRow, PersonRow, RedressDatabase } from '../schema';
import { recordEntries, removeTimeline, readTimeline, timelinesOf } from '../timeline';

/** Where a write reads the time it records (tests pass a fixed one); not a regulatory clock (those are shared/rules). */
export interface Now {
  now(): Date;
}
export const systemNow: Now = { now: () => new Date() };

const newId = () => crypto.randomUUID();

export async function getSettings(database: RedressDatabase): Promise<DeskSettings | undefined> {
  return deskSettings(database);
}

/**
 * Save the desk's settings. Settings without providers (the settings form's) keep the desk's stored providers and
 * edit the usual one's letterhead, procedure and calendar (`savedDeskForm`); on the first run, the first provider is
 * made from them, with an id of its own (not `first`: every desk of a team would write that one document).
 */
export async function saveSettings(
  database: RedressDatabase,
  settings: DeskSettings,
  accepted?: { reason: string; codes: string[] },
  /** The interface language of the person saving: a Canadian first provider then writes French first (savedDeskForm). */
  working?: string,
): Promise<void> {
  await database.transaction('rw', database.settings, database.providers, database.procedures, async () => {
    const stored = await readDesk(database);
    // A desk in a team keeps the prefix the team checked when it joined (p8b, G5; the form says so first).
    if (database.sharing && stored && settings.deskPrefix !== stored.deskPrefix)
      throw new RecordRefusal('desk-prefix-in-team');
    // A retired procedure is no desk's default, unless it already is, the desk's or its usual provider's (what the
    // form shows: another desk retired it, or put the provider on it, meanwhile): the other settings saved as they are.
    const id = settings.defaultProcedureId;
    const already = stored ? [stored.defaultProcedureId, settingsForUsual(stored).defaultProcedureId] : [];
    if (!already.includes(id) && retiredProcedureIds(await database.procedures.toArray()).includes(id))
      throw new RecordRefusal('default-procedure-retired', { procedure: procedureName(id) ?? id });
    await writeDesk(database, savedDeskForm(settings, stored, accepted, newFirstProviderId(), working));
  });
}

/**
 * The sequence the next complaint logged with this prefix in this year will get, without taking it: on from the
 * counter, past any reference already stored (e.g. after a restore), so no two complaints ever share a reference.
 */
async function upcomingSequence(database: RedressDatabase, prefix: string, year: number): Promise<number> {
  let next = ((await database.counters.get(counterKey(prefix, year)))?.last ?? 0) + 1;
  // Guard against a counter that is behind the stored cases (restored or merged data).
  while (
    await database.cases
      .where('reference')
      .equals(formatReference(prefix, year, next))
      .count()
  )
    next += 1;
  return next;
}

/** The reference the next complaint logged with this prefix in this year will get (Settings says it when saved). */
export async function upcomingReference(database: RedressDatabase, prefix: string, year: number): Promise<string> {
  return formatReference(prefix, year, await upcomingSequence(database, prefix, year));
}

/** Take the next reference for a prefix and year, moving the counter on to it; the counter only goes up. */
async function nextReference(database: RedressDatabase, prefix: string, year: number): Promise<string> {
  const next = await upcomingSequence(database, prefix, year);
  await database.counters.put({ key: counterKey(prefix, year), last: next });
  return formatReference(prefix, year, next);
}

/** The provider a new case is logged for: the one chosen (never a retired one), else the desk's usual one. */
export function providerForNewCase(settings: DeskSettings, providerId?: string): Provider {
  if (providerId === undefined) return usualProvider(settings);
  const provider = deskProviders(settings).find((p) => p.id === providerId);
  if (!provider) throw new RecordRefusal('no-provider', { id: providerId });
  if (provider.retiredOn)
    throw new RecordRefusal('provider-retired', { name: provider.name, retiredOn: { date: provider.retiredOn } });
  return provider;
}

export interface CreateCaseOptions {
  settings: DeskSettings;
  /** The provider the complaint is about (an active one of the desk's); absent: the desk's usual provider. */
  providerId?: string;
  /** A procedure other than the provider's (CSV import's column); absent: the provider's. */
  procedureId?: string;
  by: string;
  clock?: Now;
}

/** A new complaint's record and its first timeline entry, as both `createCase` and `createCases` store them. */
function newCase(
  parts: NewCaseParts,
  reference: string,
  at: string,
  options: CreateCaseOptions,
  receivedSummary?: string,
): { record: CaseRecord; event: TimelineEvent } {
  const provider = providerForNewCase(options.settings, options.providerId);
  const procedureId = options.procedureId ?? provider.procedureId;
  const record: CaseRecord = {
    id: newId(),
    reference,
    ...parts,
    procedureId,
    calendar: provider.calendar,
    providerId: provider.id,
    stage: newCaseStageId({ procedureId, receivedOn: parts.receivedOn }),
    status: 'open',
    assignee: options.by,
    createdAt: at,
    updatedAt: at,
  };
  const event: TimelineEvent = {
    id: newId(),
    caseId: record.id,
    type: 'received',
    on: parts.receivedOn,
    at,
    by: options.by,
    summary:
      receivedSummary ??
      summaryInEnglish({ kind: 'received', values: { how: { receivedBy: parts.channel }, reference } }),
  };
  return { record, event };
}

/** Log a new complaint: the case, its reference and its first timeline event, in one transaction. */
export async function createCase(
  database: RedressDatabase,
  parts: NewCaseParts,
  options: CreateCaseOptions,
): Promise<CaseRecord> {
  await database.numbering; // a team desk's counters from its server, as sharing starts (bounded: schema.ts)
  const now = (options.clock ?? systemNow).now();
  const at = now.toISOString();
  const year = Number(localIsoDate(now).slice(0, 4));
  return database.transaction('rw', caseWriteTables(database, database.counters), async () => {
    const reference = await nextReference(database, options.settings.deskPrefix, year);
    const { record, event } = newCase(parts, reference, at, options);
    await database.cases.add(record);
    await recordEntries(database, [event]);
    await refreshCaseIndex(database, record.id);
    return record;
  });
}

export interface CreateCasesOptions extends CreateCaseOptions {
  /** The first timeline entry's words for each case (e.g. which file and row it was imported from). */
  receivedSummary?: (parts: NewCaseParts, index: number, reference: string) => string;
  /** Each case's own provider (index-aligned with the list; an import's provider column); absent: `providerId`'s. */
  providerIds?: readonly (string | undefined)[];
  /** An audit entry written in the same transaction (its detail gets the new cases' ids). It must hold no personal data. */
  audit?: Pick<AuditRow, 'kind' | 'summary' | 'detail'>;
}

/**
 * Log many complaints at once (an import): each gets a reference, its first timeline entry and its index row, exactly
 * as `createCase` makes them, all in ONE transaction: every case is written, or none is.
 */
export async function createCases(
  database: RedressDatabase,
  list: readonly NewCaseParts[],
  options: CreateCasesOptions,
): Promise<CaseRecord[]> {
  await database.numbering; // as createCase
  const now = (options.clock ?? systemNow).now();
  const at = now.toISOString();
  const year = Number(localIsoDate(now).slice(0, 4));
  const prefix = options.settings.deskPrefix;
  return database.transaction('rw', caseWriteTables(database, database.counters, database.audit), async () => {
    // References: on from the counter, skipping any already stored (restored or merged data), as nextReference does.
    const key = counterKey(prefix, year);
    const taken = new Set(
      (await database.cases.where('reference').startsWith(`${prefix}-${year}-`).keys()) as string[],
    );
    let last = (await database.counters.get(key))?.last ?? 0;
    const records: CaseRecord[] = [];
    const events: TimelineEvent[] = [];

    list.forEach((parts, index) => {
      let reference: string;
      do {
        last += 1;
        reference = formatReference(prefix, year, last);
      } while (taken.has(reference));
      const { record, event } = newCase(
        parts,
        reference,
        at,
        { ...options, providerId: options.providerIds?.[index] ?? options.providerId },
        options.receivedSummary?.(parts, index, reference),
      );
      records.push(record);
      events.push(event);
    });
    if (records.length === 0) return records;
    await database.counters.put({ key, last });
    await database.cases.bulkAdd(records);
    await recordEntries(database, events);
    // The same rows refreshCaseIndex would build from what is about to be stored.
    await putDerivedRows(
      database,
      records.map((record, i) => ({ record, events: [events[i]] })),
    );
    if (options.audit) {
      await database.audit.add({
        id: newId(),
        at,
        by: options.by,
        ...options.audit,
        detail: { ...options.audit.detail, caseIds: records.map((r) => r.id) },
      });
    }
    return records;
  });
}

export async function appendEvent(
  database: RedressDatabase,
  caseId: string,
  event: { type: TimelineType; on: string; by: string; summary: string; data?: Record<string, unknown> },
  clock: Now = systemNow,
): Promise<TimelineEvent> {
  const at = clock.now().toISOString();
  return database.transaction('rw', caseWriteTables(database), async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new RecordRefusal('no-case', { id: caseId });
    const row: TimelineEvent = { id: newId(), caseId, at, ...event };
    await recordEntries(database, [row]);
    await database.cases.update(caseId, { updatedAt: at });
    await refreshCaseIndex(database, caseId);
    return row;
  });
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A letter to record as issued, with its case (`recordLetterIssued` takes it without, `recordLettersIssued` a batch). */
export interface LetterToRecord {
  caseId: string;
  kind: string;
  fileName: string;
  issuedOn: string;
  bytes: Uint8Array;
  by: string;
  summary: string;
  /** A second event the letter stands for, e.g. the complaint's acknowledgement. */
  alsoRecord?: { type: TimelineType; summary: string };
  /**
   * The complaint's date received the letter was made with (its dates are counted from it), kept on its entry so a
   * later correction, here or at another desk, shows the letter may be wrong (shared/model/letters-issued.ts). The
   * case's as it is recorded when not given.
   */
  madeWithReceivedOn?: string;
  /**
   * Who and where the letter was addressed to (`addressedTo`, shared/letters/addressee.ts), kept on its entry so a
   * later change of address, here or at another desk, shows the letter may have gone to the old one. The case's as it
   * is recorded when not given.
   */
  madeForAddress?: string;
  /**
   * The letters of its kind standing on the case as the desk issuing it saw them (their ids), kept on its entry so a
   * second final response from a desk that had not seen the first is found (shared/casework/step-fit.ts).
   */
  issuedAfter?: readonly string[];
}

/**
 * What an issued letter is stored as: its row (its exact bytes and their SHA-256) and the entries it records on its
 * case's timeline (the letter issued, and the event it stands for, if any). One rule for one letter and a print run.
 */
function issuedLetterRows(
  letter: LetterToRecord,
  record: CaseRecord,
  at: string,
  sha256: string,
): { row: LetterRow; entries: TimelineEvent[] } {
  const { caseId } = letter;
  const addressed = letter.madeForAddress ?? addressedTo(record);
  const row: LetterRow = {
    id: newId(),
    caseId,
    kind: letter.kind,
    fileName: letter.fileName,
    issuedOn: letter.issuedOn,
    issuedAt: at,
    sha256,
    bytes: letter.bytes,
  };
  const entries: TimelineEvent[] = [
    {
      id: newId(),
      caseId,
      type: 'letter-issued',
      on: letter.issuedOn,
      at,
      by: letter.by,
      summary: letter.summary,
      data: {
        letterId: row.id,
        kind: letter.kind,
        fileName: letter.fileName,
        sha256,
        receivedOn: letter.madeWithReceivedOn ?? record.receivedOn,
        ...(addressed === undefined ? {} : { addressedTo: addressed }),
        ...(letter.issuedAfter ? { issuedAfter: [...letter.issuedAfter] } : {}),
      },
    },
  ];
  if (letter.alsoRecord)
    entries.push({
      id: newId(),
      caseId,
      type: letter.alsoRecord.type,
      on: letter.issuedOn,
      at,
      by: letter.by,
      summary: letter.alsoRecord.summary,
    });
  return { row, entries };
}

/** Keep an issued letter's exact bytes and record it on the timeline, in one transaction. */
export async function recordLetterIssued(
  database: RedressDatabase,
  caseId: string,
  letter: Omit<LetterToRecord, 'caseId'>,
  clock: Now = systemNow,
): Promise<LetterRow> {
  const at = clock.now().toISOString();
  const sha256 = await sha256Hex(letter.bytes);
  return database.transaction('rw', caseWriteTables(database, database.letters), async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new RecordRefusal('no-case', { id: caseId });
    const { row, entries } = issuedLetterRows({ ...letter, caseId }, record, at, sha256);
    await database.letters.add(row);
    await recordEntries(database, entries);
    await database.cases.update(caseId, { updatedAt: at });
    await refreshCaseIndex(database, caseId);
    return row;
  });
}

/**
 * Withdraw an issued letter that was wrong: a new `letter-withdrawn` entry naming it, with who, when and why
 * (shared/letters/issued.ts). The letter's row, its bytes and checksum are not touched. Throws the reason it cannot.
 */
export async function recordLetterWithdrawn(
  database: RedressDatabase,
  caseId: string,
  letterId: string,
  input: { on: string; by: string; reason: string },
  clock: Now = systemNow,
): Promise<TimelineEvent> {
  const at = clock.now().toISOString();
  return database.transaction('rw', caseWriteTables(database, database.letters), async () => {
    const record = await database.cases.get(caseId);
    if (!record) throw new RecordRefusal('no-case', { id: caseId });
    const letter = await database.letters.get(letterId);
    if (!letter || letter.caseId !== caseId) throw new RecordRefusal('letter-not-on-case');
    const events = await readTimeline(database, caseId);
    const built = letterWithdrawnEntry(events, letterId, input);
    if (!built.ok) throw new RecordRefusal(built.said.code, built.said.values);
    const row: TimelineEvent = { id: newId(), caseId, at, ...built.event };
    await recordEntries(database, [row]);
    await database.cases.update(caseId, { updatedAt: at });
    await refreshCaseIndex(database, caseId);
    return row;
  });
}

/** Each letter's outcome, in the order given: its stored row, or why it was not recorded. */
export type IssuedLetterResult = { ok: true; row: LetterRow } | { ok: false; error: string };

/**
 * Record many issued letters at once (a print run for the post) in ONE transaction: each exactly as
 * `recordLetterIssued` records it (its exact bytes and SHA-256, the letter-issued event, the event it stands for),
 * and each case's index row rebuilt once. A letter whose case no longer exists is left out, with the reason in its
 * result; any other failure rolls the whole transaction back and rejects, so nothing of the batch is recorded.
 * One transaction instead of one per letter: each commit of this database waits for the disk ('strict' durability).
 */
export async function recordLettersIssued(
  database: RedressDatabase,
  letters: readonly LetterToRecord[],
  clock: Now = systemNow,
): Promise<IssuedLetterResult[]> {
  if (letters.length === 0) return [];
  const at = clock.now().toISOString();
  const hashes = await Promise.all(letters.map((letter) => sha256Hex(letter.bytes)));
  return database.transaction('rw', caseWriteTables(database, database.letters), async () => {
    const caseIds = [...new Set(letters.map((letter) => letter.caseId))];
    const records = await database.cases.bulkGet(caseIds);
    const recordOf = new Map(caseIds.map((id, i) => [id, records[i]]));
    const rows: LetterRow[] = [];
    const events: TimelineEvent[] = [];
    const results = letters.map((letter, i): IssuedLetterResult => {
      const record = recordOf.get(letter.caseId);
      if (!record) return { ok: false, error: `No case with id ${letter.caseId}` };
      const { row, entries } = issuedLetterRows(letter, record, at, hashes[i]);
      rows.push(row);
      events.push(...entries);
      return { ok: true, row };
    });
    if (rows.length === 0) return results;
    await database.letters.bulkAdd(rows);
    await recordEntries(database, events);
    const touched = [...new Set(rows.map((row) => row.caseId))];
    await database.cases.bulkUpdate(touched.map((key) => ({ key, changes: { updatedAt: at } })));
    // Each touched case's index row, as refreshCaseIndex builds it, from a few bulk reads instead of three per case.
    const timelines = await timelinesOf(database, touched);
    await putDerivedRows(
      database,
      touched.map((id) => ({ record: { ...recordOf.get(id)!, updatedAt: at }, events: timelines.get(id)! })),
    );
    return results;
  });
}

/** Delete a case and everything on it. Its reference is never handed out again (the counter does not go back). */
export async function deleteCase(database: RedressDatabase, caseId: string): Promise<void> {
  await database.transaction('rw', caseWriteTables(database, database.letters, database.attachments), async () => {
    await removeTimeline(database, caseId);
    await database.letters.where('caseId').equals(caseId).delete();
    await database.attachments.where('caseId').equals(caseId).delete();
    await database.cases.delete(caseId);
    await database.caseIndex.delete(caseId);
    await database.reportRows.delete(caseId);
  });
}

// The desk's people (the "who is working" picker) and the reminders already shown.

/** Add someone to the desk (active), or return the existing person of that name. */
export async function addPerson(database: RedressDatabase, name: string): Promise<PersonRow> {
  // Kept as shown: "sam  patel" would be listed as "sam patel" but signed and reported with two spaces.
  const trimmed = singleSpaced(name);
  if (!trimmed) throw new RecordRefusal('no-person-name');
  return database.transaction('rw', database.people, async () => {
    const existing = await database.people.where('name').equals(trimmed).first();
    if (existing) {
      if (!existing.active) await database.people.update(existing.id, { active: true });
      return { ...existing, active: true };
    }
    const person: PersonRow = { id: newId(), name: trimmed, active: true };
    await database.people.add(person);
    return person;
  });
}

/** Mark someone as no longer (or again) working at the desk. People are never deleted: events name them. */
export async function setPersonActive(database: RedressDatabase, id: string, active: boolean): Promise<void> {
  await database.people.update(id, { active });
}

/**
 * Record that a reminder was shown; returns false if it had been shown already (so the caller does not show it).
 * Atomic, so two windows cannot both show the same reminder.
 */
export async function markNotified(database: RedressDatabase, id: string, clock: Now = systemNow): Promise<boolean> {
  return database.transaction('rw', database.notified, async () => {
    if (await database.notified.get(id)) return false;
    const row: NotifiedRow = { id, at: clock.now().toISOString() };
    await database.notified.add(row);
    return true;
  });
}
