// The report for a period and filters, added up from case summaries (./summary.ts). Pure and cheap (one pass over
// the summaries), so the page can recompute it on every change of period or filter.
//
// Every figure's denominator is defined in DEFINITIONS below; the page, the CSV and the PDF show that text next to
// the figure. See ./README.md for the worked reasoning.
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, type Category, type Channel } from '#shared/model/case';
import type { RegulatorRegion } from '#shared/model/provider';
import {
  deskProcedures,
  getProcedure,
  type ProcedureRegistry,
  procedureOnDay,
  procedureVersionLabel,
} from '#shared/rules/index';
import { daysLabel, monthLabel, percentLabel } from './format';
import { monthsIn, type ReportPeriod } from './periods';
import type { CaseSummary } from './summary';

export interface ReportFilters {
  category?: Category;
  channel?: Channel;
  procedureId?: string;
  /** A provider's id (issue #16). */
  providerId?: string;
  /** A handler's name; '' for cases nobody is assigned to. */
  handler?: string;
  /**
   * Only the cases logged at one desk of a team (issue #14): its reference prefix, and the ids of its cases (read from
   * the case index by the caller, as a case's reference names its desk).
   */
  desk?: { prefix: string; caseIds: ReadonlySet<string> };
}

export const MEASURE_IDS = [
  'received',
  'resolved',
  'acknowledged-on-time',
  'within-provider-targets',
  'within-regulatory-deadline',
  'next-working-day',
  'average-days',
  'median-days',
  'adr-letters-sent',
  'adr-letters-on-time',
  'adr-referrals',
  'ccts-referrals',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export type MeasureKind = 'count' | 'percent' | 'days';

export interface Measure {
  id: MeasureId;
  label: string;
  kind: MeasureKind;
  /** The figure: a count, a percentage (0-100) or a number of days; null when there is nothing to measure. */
  value: number | null;
  /** For percentages: cases that met it, and the cases it is measured over. For days: the cases measured. */
  numerator?: number;
  denominator?: number;
  /** The figure as shown: "77.8%", "20.8", "14". */
  display: string;
  /** "7 of 9 cases" / "10 cases" */
  detail: string;
  definition: string;
}

/** What each figure counts. Shown next to the figure on the page, in the CSV and in the PDF. */
export const DEFINITIONS: Record<MeasureId, { label: string; kind: MeasureKind; definition: string }> = {
  received: {
    label: 'Complaints received',
    kind: 'count',
    definition: 'Cases whose date received falls in the period.',
  },
  resolved: {
    label: 'Complaints resolved',
    kind: 'count',
    definition:
      'Cases resolved in the period: the first "resolved" or "closed" entry on the timeline falls in the period, whenever the complaint was received. A reopened case counts by its resolution after the last reopening (a reopening takes back the resolution before it), so a past period can lose a case reopened since.',
  },
  'acknowledged-on-time': {
    label: 'Acknowledged on time',
    kind: 'percent',
    definition:
      "Of the cases received in the period whose procedure sets an acknowledgement target and whose acknowledgement is due by today, the share acknowledged by the due date (the rules engine's acknowledgement clock: the cases where it was met, out of those where it was met or missed; a case still unacknowledged after its due date counts as missed).",
  },
  'within-provider-targets': {
    label: "Resolved within the provider's own targets",
    kind: 'percent',
    definition:
      "Of the cases resolved in the period that have at least one target of the provider's own procedure (acknowledgement, first response, or a stage's response target), the share that missed none of them. Each stage's target is read from the rules engine on the day the case left the stage; pauses extend these targets.",
  },
  'within-regulatory-deadline': {
    label: 'Resolved within 6 or 8 weeks',
    kind: 'percent',
    definition:
      "Of the cases resolved in the period under a regime with a time limit for the ADR letter, the share resolved on or before that date: received + 8 weeks for complaints made before 2026-04-08, + 6 weeks from then (Ofcom GC C4; the rules engine's date for the complaint as received). CCTS cases have no such limit and are left out.",
  },
  'next-working-day': {
    label: 'Resolved by the end of the next working day',
    kind: 'percent',
    definition:
      "Of the cases resolved in the period, the share resolved on the day of receipt or the next working day of the case's calendar (weekends and that calendar's bank holidays skipped).",
  },
  'average-days': {
    label: 'Average days to resolve',
    kind: 'days',
    definition:
      'Mean of calendar days from receipt to resolution (the day received counts as 0), over the cases resolved in the period.',
  },
  'median-days': {
    label: 'Median days to resolve',
    kind: 'days',
    definition:
      'The middle value of calendar days from receipt to resolution over the cases resolved in the period (the mean of the two middle values when their number is even).',
  },
  'adr-letters-sent': {
    label: 'ADR letters sent',
    kind: 'count',
    definition:
      'ADR letters recorded on the timeline ("ADR letter sent") with a date in the period, whenever the complaint was received.',
  },
  'adr-letters-on-time': {
    label: 'ADR letters sent on time',
    kind: 'percent',
    definition:
      "Of the cases whose ADR letter fell due in the period (the rules engine's ADR-letter clock: 6 or 8 weeks after receipt, or at once on deadlock) and is due by today, the share whose letter was sent by the due date. A case resolved after the date with no letter counts as missed; one resolved before it needs no letter and is left out.",
  },
  'adr-referrals': {
    label: 'Referrals to ADR',
    kind: 'count',
    definition: 'Timeline entries "referred to the ADR scheme" with a date in the period.',
  },
  'ccts-referrals': {
    label: 'CCTS referrals',
    kind: 'count',
    definition: 'Timeline entries "referred by the CCTS" with a date in the period (Canada).',
  },
};

export const COMPENSATION_DEFINITION =
  'Compensation and goodwill payments recorded on the timeline with a date in the period, added up per currency.';
export const VOLUMES_DEFINITION =
  'Cases received in the period (by date received), counted by the case\u2019s current value.';
export const RULES_ERROR_DEFINITION =
  'Cases received in the period whose timeline the rules engine cannot read (for example an entry dated before receipt): they count in the volumes only. Open each case to see why.';

export interface VolumeRow {
  key: string;
  label: string;
  count: number;
}

export interface Volumes {
  byMonth: VolumeRow[];
  byCategory: VolumeRow[];
  byChannel: VolumeRow[];
  byProcedure: VolumeRow[];
  byHandler: VolumeRow[];
  /**
   * By provider, on a desk of several (`BuildReportInput.providers`), every provider's row, none received too: what
   * each is sent and what adds up to the desk's figure (explore40-manager #2). Empty on a desk of one, or when the
   * report is filtered to one.
   */
  byProvider: VolumeRow[];
}

export interface CompensationRow {
  currency: string;
  compensation: number;
  goodwill: number;
  total: number;
  payments: number;
}

export interface Report {
  period: ReportPeriod;
  filters: ReportFilters;
  today: string;
  measures: Measure[];
  volumes: Volumes;
  compensation: CompensationRow[];
  /** Cases received in the period that the rules engine could not evaluate (see RULES_ERROR_DEFINITION). */
  rulesErrors: number;
}

export interface BuildReportInput {
  period: ReportPeriod;
  filters?: ReportFilters;
  /** The report's date: clocks due after it are not yet decided. */
  today: string;
  procedures?: ProcedureRegistry;
  /**
   * The regulator regions of the providers the report is on (the one filtered on, or every provider of the desk): a
   * measure of one region's rules only (Ofcom's ADR letter, the CCTS) is left out when none of them is in that region.
   * Every measure when not given.
   */
  regions?: ReadonlySet<RegulatorRegion>;
  /** The desk's providers, in its order, with their names: with two or more, the cases received by provider. */
  providers?: ReadonlyArray<{ id: string; name: string }>;
}

/** Measures that exist under one region's rules only: Ofcom's ADR letter and its time limits, the CCTS's referrals. */
export const MEASURE_REGION: Partial<Record<MeasureId, RegulatorRegion>> = {
  'within-regulatory-deadline': 'UK',
  'adr-letters-sent': 'UK',
  'adr-letters-on-time': 'UK',
  'adr-referrals': 'UK',
  'ccts-referrals': 'CA',
};

export function matchesFilters(c: CaseSummary, f: ReportFilters): boolean {
  return (
    (f.category === undefined || c.category === f.category) &&
    (f.channel === undefined || c.channel === f.channel) &&
    (f.procedureId === undefined || c.procedureId === f.procedureId) &&
    (f.providerId === undefined || c.providerId === f.providerId) &&
    (f.handler === undefined || c.handler === f.handler) &&
    (f.desk === undefined || f.desk.caseIds.has(c.id))
  );
}

export const UNASSIGNED_LABEL = 'Unassigned';

export function procedureLabel(id: string, procedures?: ProcedureRegistry): string {
  try {
    return procedureVersionLabel(getProcedure(id, procedures));
  } catch {
    return id;
  }
}

/**
 * The procedure and version a case received that day follows, as the report counts it ("kijoma@2") and names it
 * ("Kijoma desk procedure v2"); a procedure not known here by its id.
 */
function procedureVersionOf(
  id: string,
  receivedOn: string,
  procedures?: ProcedureRegistry,
): { key: string; label: string } {
  try {
    const found = procedureOnDay(id, receivedOn, procedures ?? deskProcedures());
    if (found?.version !== undefined) return { key: `${id}@${found.version}`, label: procedureVersionLabel(found) };
  } catch {
    // named by its id below
  }
  return { key: id, label: procedureLabel(id, procedures) };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function measure(id: MeasureId, value: number | null, numerator?: number, denominator?: number): Measure {
  const d = DEFINITIONS[id];
  let display: string;
  let detail: string;
  if (d.kind === 'percent') {
    display = percentLabel(value);
    detail = denominator
      ? `${numerator!.toLocaleString('en-GB')} of ${plural(denominator, 'case', 'cases')}`
      : 'no cases to measure';
  } else if (d.kind === 'days') {
    display = daysLabel(value);
    detail = denominator ? `calendar days, over ${plural(denominator, 'case', 'cases')}` : 'no cases resolved';
  } else {
    display = (value ?? 0).toLocaleString('en-GB');
    detail = '';
  }
  return {
    id,
    label: d.label,
    kind: d.kind,
    value,
    ...(numerator !== undefined ? { numerator } : {}),
    ...(denominator !== undefined ? { denominator } : {}),
    display,
    detail,
    definition: d.definition,
  };
}

function share(met: number, of: number): number | null {
  return of === 0 ? null : (met / of) * 100;
}

class Counter {
  readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/**
 * The cases received by provider: each of the desk's providers in its order (none received too), then any other a case
 * names (a provider since removed), by its id. None on a desk of one provider, or in a report filtered to one.
 */
function providerRows(desk: BuildReportInput['providers'], filters: ReportFilters, counted: Counter): VolumeRow[] {
  if (!desk || desk.length < 2 || filters.providerId !== undefined) return [];
  const known = new Set(desk.map((p) => p.id));
  return [
    ...desk.map((p) => ({ key: p.id, label: p.name, count: counted.get(p.id) })),
    ...[...counted.counts]
      .filter(([id]) => !known.has(id))
      .map(([id, count]) => ({ key: id, label: id, count }))
      .sort(byCountThenLabel),
  ];
}

const inPeriod = (day: string, p: ReportPeriod) => day >= p.from && day <= p.to;
const countIn = (days: readonly string[], p: ReportPeriod) => days.reduce((n, d) => (inPeriod(d, p) ? n + 1 : n), 0);
/** Most first, then by label. */
const byCountThenLabel = (a: VolumeRow, b: VolumeRow) => b.count - a.count || a.label.localeCompare(b.label);

/** The report for a period and filters. */
export function buildReport(summaries: readonly CaseSummary[], input: BuildReportInput): Report {
  const { period, today } = input;
  const filters = input.filters ?? {};
  let received = 0;
  let rulesErrors = 0;
  const months = new Counter();
  const categories = new Counter();
  const channels = new Counter();
  const procedures = new Counter();
  // A procedure's version by day received, worked out once per procedure and day (100,000 cases share a few hundred).
  const versionKeys = new Map<string, string>();
  const versionLabels = new Map<string, string>();
  const versionKey = (id: string, receivedOn: string) => {
    const memo = `${id}\u0000${receivedOn}`;
    let key = versionKeys.get(memo);
    if (key === undefined) {
      const version = procedureVersionOf(id, receivedOn, input.procedures);
      versionKeys.set(memo, (key = version.key));
      versionLabels.set(key, version.label);
    }
    return key;
  };
  const handlers = new Counter();
  const providers = new Counter();
  let ackMet = 0;
  let ackDecided = 0;
  let resolved = 0;
  let providerMet = 0;
  let providerMeasured = 0;
  let regulatoryMet = 0;
  let regulatoryMeasured = 0;
  let nextDay = 0;
  const days: number[] = [];
  let adrLetters = 0;
  let adrOnTime = 0;
  let adrDue = 0;
  let referrals = 0;
  let cctsReferrals = 0;
  const money = new Map<string, CompensationRow>();

  for (const c of summaries) {
    if (!matchesFilters(c, filters)) continue;
    if (inPeriod(c.receivedOn, period)) {
      received += 1;
      months.add(c.receivedOn.slice(0, 7));
      categories.add(c.category);
      channels.add(c.channel);
      // By the version each case follows (the one in force on its day received), so no row is named for a version
      // some of its cases do not follow (explore36-manager #2).
      procedures.add(versionKey(c.procedureId, c.receivedOn));
      handlers.add(c.handler);
      providers.add(c.providerId);
      if (c.rulesError !== null) rulesErrors += 1;
      else if (c.acknowledgement === 'met' || c.acknowledgement === 'missed') {
        ackDecided += 1;
        if (c.acknowledgement === 'met') ackMet += 1;
      }
    }
    if (c.rulesError === null && c.resolvedOn !== null && inPeriod(c.resolvedOn, period)) {
      resolved += 1;
      if (c.providerTargets === 'met' || c.providerTargets === 'missed') {
        providerMeasured += 1;
        if (c.providerTargets === 'met') providerMet += 1;
      }
      if (c.regulatoryDeadline !== null) {
        regulatoryMeasured += 1;
        if (c.resolvedOn <= c.regulatoryDeadline) regulatoryMet += 1;
      }
      if (c.resolvedOn <= c.nextWorkingDay) nextDay += 1;
      days.push(c.daysToResolve!);
    }
    if (
      c.rulesError === null &&
      c.adrLetterDueOn !== null &&
      inPeriod(c.adrLetterDueOn, period) &&
      (c.adrLetterState === 'met' || c.adrLetterState === 'missed')
    ) {
      adrDue += 1;
      if (c.adrLetterState === 'met') adrOnTime += 1;
    }
    adrLetters += countIn(c.adrLettersSent, period);
    referrals += countIn(c.adrReferrals, period);
    cctsReferrals += countIn(c.cctsReferrals, period);
    for (const p of c.payments) {
      if (!inPeriod(p.on, period)) continue;
      let row = money.get(p.currency);
      if (!row) {
        row = { currency: p.currency, compensation: 0, goodwill: 0, total: 0, payments: 0 };
        money.set(p.currency, row);
      }
      // Sums in pence/cents, so 0.1 + 0.2 is 0.30.
      row[p.kind] = Math.round((row[p.kind] + p.amount) * 100) / 100;
      row.total = Math.round((row.total + p.amount) * 100) / 100;
      row.payments += 1;
    }
  }

  days.sort((a, b) => a - b);
  const mean = days.length ? days.reduce((s, d) => s + d, 0) / days.length : null;

  const all: Measure[] = [
    measure('received', received),
    measure('resolved', resolved),
    measure('acknowledged-on-time', share(ackMet, ackDecided), ackMet, ackDecided),
    measure('within-provider-targets', share(providerMet, providerMeasured), providerMet, providerMeasured),
    measure('within-regulatory-deadline', share(regulatoryMet, regulatoryMeasured), regulatoryMet, regulatoryMeasured),
    measure('next-working-day', share(nextDay, resolved), nextDay, resolved),
    measure('average-days', mean, undefined, days.length),
    measure('median-days', median(days), undefined, days.length),
    measure('adr-letters-sent', adrLetters),
    measure('adr-letters-on-time', share(adrOnTime, adrDue), adrOnTime, adrDue),
    measure('adr-referrals', referrals),
    measure('ccts-referrals', cctsReferrals),
  ];
  const regions = input.regions;
  const measures = regions
    ? all.filter((m) => MEASURE_REGION[m.id] === undefined || regions.has(MEASURE_REGION[m.id]!))
    : all;

  const volumes: Volumes = {
    byMonth: monthsIn(period).map((m) => ({ key: m, label: monthLabel(m), count: months.get(m) })),
    byCategory: CATEGORIES.map((k) => ({ key: k, label: CATEGORY_LABELS[k], count: categories.get(k) })),
    byChannel: CHANNELS.map((k) => ({ key: k, label: CHANNEL_LABELS[k], count: channels.get(k) })),
    byProcedure: [...procedures.counts]
      .map(([k, count]) => ({ key: k, label: versionLabels.get(k) ?? k, count }))
      .sort(byCountThenLabel),
    byHandler: [...handlers.counts]
      .map(([k, count]) => ({ key: k, label: k || UNASSIGNED_LABEL, count }))
      .sort(byCountThenLabel),
    byProvider: providerRows(input.providers, filters, providers),
  };

  return {
    period,
    filters,
    today,
    measures,
    volumes,
    compensation: [...money.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    rulesErrors,
  };
}

/** A measure of a report by id. */
export function measureOf(report: Report, id: MeasureId): Measure {
  return report.measures.find((m) => m.id === id)!;
}

/** The filters in words: "Category: Billing; Handler: Unassigned", or "All cases". */
export function describeFilters(
  filters: ReportFilters,
  procedures?: ProcedureRegistry,
  providerName: (id: string) => string = (id) => id,
): string {
  const parts: string[] = [];
  if (filters.desk) parts.push(`Desk: ${filters.desk.prefix}`);
  if (filters.providerId) parts.push(`Provider: ${providerName(filters.providerId)}`);
  if (filters.category) parts.push(`Category: ${CATEGORY_LABELS[filters.category]}`);
  if (filters.channel) parts.push(`Channel: ${CHANNEL_LABELS[filters.channel]}`);
  if (filters.procedureId) parts.push(`Procedure: ${procedureLabel(filters.procedureId, procedures)}`);
  if (filters.handler !== undefined) parts.push(`Handler: ${filters.handler || UNASSIGNED_LABEL}`);
  return parts.length ? parts.join('; ') : 'All cases';
}
