// The retention policy (issue #7): when a case is due to be anonymised. Pure: "today" is an argument.
import { addDays, addYears, format, parseISO } from 'date-fns';
import type { CaseRecord, DeskSettings, RetentionPolicy, TimelineEvent } from '#shared/model/case';
import { sayProblem } from '#shared/model/problems';
import type { Provider } from '#shared/model/provider';

export type { RetentionPolicy };

/** Anonymise a case 6 years after it closed: the UK limitation period for claims on a contract (6 years). */
export const DEFAULT_RETENTION: RetentionPolicy = { enabled: true, anonymiseAfterYears: 6 };
export const RETENTION_MIN_YEARS = 1;
export const RETENTION_MAX_YEARS = 30;

/**
 * Where a limitation period for a claim about a contract differs: England & Wales and Northern Ireland (Limitation Act
 * 1980; Limitation (Northern Ireland) Order 1989), Scotland (Prescription and Limitation (Scotland) Act 1973),
 * Québec (Civil Code of Québec, art. 2925) and the other Canadian provinces (e.g. Ontario's Limitations Act, 2002).
 */
export const LIMITATION_REGIONS = [
  'england-and-wales',
  'northern-ireland',
  'scotland',
  'quebec',
  'canada-other',
] as const;
export type LimitationRegion = (typeof LIMITATION_REGIONS)[number];

/**
 * The usual limitation period of a claim about a contract, in years, by region: the retention setting's hint, for the
 * desk to confirm with its legal adviser, not advice. The other Canadian provinces commonly give 2 years from when the
 * problem was discovered.
 */
export const CONTRACT_LIMITATION_YEARS: Readonly<Record<LimitationRegion, number>> = {
  'england-and-wales': 6,
  'northern-ireland': 6,
  scotland: 5,
  quebec: 3,
  'canada-other': 2,
};

/**
 * The UK statutes behind those periods, by their titles: a proper name, the same in every language of the interface
 * (the Canadian ones have official French names, so the message catalogues name them).
 */
export const CONTRACT_LIMITATION_STATUTES: Readonly<Partial<Record<LimitationRegion, string>>> = {
  'england-and-wales': 'Limitation Act 1980',
  'northern-ireland': 'Limitation (Northern Ireland) Order 1989',
  scotland: 'Prescription and Limitation (Scotland) Act 1973',
};

/** Québec's postal codes start with G, H or J (Canada Post's forward sortation areas). */
const QUEBEC_POSTCODE = /^\s*[GHJ]\d[A-Z]/i;
const CANADIAN_POSTCODE = /^\s*[ABCEGHJ-NPRSTVXY]\d[A-Z]\s*\d[A-Z]\d\s*$/i;

/**
 * The limitation regions of the desk's providers, in the order of LIMITATION_REGIONS: a UK provider's by its
 * working-day calendar (the nation of its office); a Canadian provider's by its letterhead's postal code (Québec or
 * another province), both when that code is not a Canadian one.
 */
export function limitationRegions(
  providers: ReadonlyArray<Pick<Provider, 'calendar' | 'region' | 'company'>>,
): LimitationRegion[] {
  const found = new Set<LimitationRegion>();
  for (const p of providers) {
    if (p.region === 'CA' || p.calendar === 'canada') {
      const postcode = p.company.postcode ?? '';
      if (!CANADIAN_POSTCODE.test(postcode)) {
        found.add('quebec');
        found.add('canada-other');
      } else found.add(QUEBEC_POSTCODE.test(postcode) ? 'quebec' : 'canada-other');
    } else found.add(p.calendar);
  }
  return LIMITATION_REGIONS.filter((r) => found.has(r));
}

/** The desk's policy, or the default for settings stored before there was one. */
export function retentionPolicy(settings: Pick<DeskSettings, 'retention'> | null | undefined): RetentionPolicy {
  const p = settings?.retention;
  if (!p) return { ...DEFAULT_RETENTION };
  const y = p.anonymiseAfterYears;
  const years =
    Number.isInteger(y) && y >= RETENTION_MIN_YEARS && y <= RETENTION_MAX_YEARS
      ? y
      : DEFAULT_RETENTION.anonymiseAfterYears;
  return { enabled: p.enabled !== false, anonymiseAfterYears: years };
}

/** The number of years from the form, or a message in plain words. */
export function checkRetentionYears(text: string): { ok: true; years: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t))
    return { ok: false, error: sayProblem('retention-years', { min: RETENTION_MIN_YEARS, max: RETENTION_MAX_YEARS }) };
  const years = Number(t);
  if (years < RETENTION_MIN_YEARS || years > RETENTION_MAX_YEARS)
    return { ok: false, error: sayProblem('retention-years', { min: RETENTION_MIN_YEARS, max: RETENTION_MAX_YEARS }) };
  return { ok: true, years };
}

/**
 * When the complaint ended, for the retention clock:
 * - `closed`: the date of the first "closed" entry on the timeline (or, for a case stored as closed without one, the
 *   day it was last changed);
 * - `resolved`: a case resolved but never closed counts from its LAST timeline entry (nothing has happened on it
 *   since), so it is not kept for ever just because nobody pressed "Close";
 * - null: the complaint is still open (never resolved): it is never anonymised automatically.
 */
export function finishedOn(
  record: Pick<CaseRecord, 'status' | 'updatedAt'>,
  events: readonly Pick<TimelineEvent, 'type' | 'on'>[],
): { on: string; basis: 'closed' | 'resolved' } | null {
  let closed: string | null = null;
  let resolved = false;
  let last = '';
  for (const e of events) {
    if (e.type === 'closed' && (closed === null || e.on < closed)) closed = e.on;
    if (e.type === 'resolved') resolved = true;
    if (e.on > last) last = e.on;
  }
  if (closed) return { on: closed, basis: 'closed' };
  if (record.status === 'closed') return { on: record.updatedAt.slice(0, 10), basis: 'closed' };
  if (resolved && last) return { on: last, basis: 'resolved' };
  return null;
}

/** The day a case that ended on `endedOn` is due to be anonymised (29 February moves to 28 February). */
export function anonymiseDueOn(endedOn: string, policy: RetentionPolicy): string {
  return format(addYears(parseISO(endedOn), policy.anonymiseAfterYears), 'yyyy-MM-dd');
}

/**
 * The latest day a case can have been RECEIVED and be due today: a case ends on or after the day it was received, so
 * only cases received on or before this day need their timeline read. One day of slack covers 29 February.
 */
export function receivedOnOrBefore(today: string, policy: RetentionPolicy): string {
  const d = addYears(parseISO(today), -policy.anonymiseAfterYears);
  d.setDate(d.getDate() + 1);
  return format(d, 'yyyy-MM-dd');
}

export interface RetentionDue {
  endedOn: string;
  basis: 'closed' | 'resolved';
  dueOn: string;
}

/**
 * Days a case is kept after it was last written to, whatever its dates say. A desk typing in old paper cases (received
 * and closed years ago) was losing each one, with its files, at the next start after closing it (explore39-data #3);
 * now it has a month to finish and check them before the policy takes them.
 */
export const RECENTLY_WRITTEN_DAYS = 30;

/**
 * Whether a case is due to be anonymised on `today` under `policy`, and why; null when it is not (or already is). Due
 * from the policy's anniversary of its end (`dueOn`), once `RECENTLY_WRITTEN_DAYS` have passed since it was last
 * written to.
 */
export function retentionDue(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  policy: RetentionPolicy,
  today: string,
): RetentionDue | null {
  if (record.anonymisedOn) return null;
  const ended = finishedOn(record, events);
  if (!ended) return null;
  const dueOn = anonymiseDueOn(ended.on, policy);
  const keptUntil = format(addDays(parseISO(record.updatedAt.slice(0, 10)), RECENTLY_WRITTEN_DAYS), 'yyyy-MM-dd');
  return dueOn <= today && keptUntil <= today ? { endedOn: ended.on, basis: ended.basis, dueOn } : null;
}
