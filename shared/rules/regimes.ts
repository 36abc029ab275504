// Regulatory regimes as effective-dated data (REGULATION.md §1-§3).
//
// A regime is a list of versions; the version that applies to a complaint is the one in force on the day the
// complaint was first made (received), REGULATION.md §5.5. A version says which regulatory clocks exist and how long
// each runs; `evaluate.ts` knows what each kind of clock means. To change a figure, add a version with its
// `effectiveFrom` date; never edit a version that has been in force.
import { z } from 'zod';
import { CATEGORIES, type Category } from '#shared/model/case';
import { type DayNumber, toDayNumber } from './dates';
import { RulesError } from './errors';
import { formatZodIssues, isoDateSchema, slugSchema } from './zod-helpers';
import { DURATION_UNITS, type Duration, type IsoDate } from './types';
import { CLOCK_LABELS_EN, NEXT_STEPS_EN } from './words';

export interface RegimeVersion {
  /** Complaints first made on or after this day. Absent on the first version: since before Redress's records. */
  effectiveFrom?: IsoDate;
  /** Shown in explanations: "Ofcom GC C4 from 2026-04-08". */
  label: string;
  /** Where the figures come from. */
  source: string;
  /**
   * `adr-letter`: the letter giving the customer ADR rights, after a time or at once on deadlock (REGULATION.md §1,
   * §3). With `referralWindow` (the limit the letter must state) it also gives the case its ADR letters, time-based
   * and final-position (`regimeLetters`).
   */
  adrLetter?: {
    label: string;
    /** Next-action wording, e.g. "Send the ADR letter". */
    action: string;
    after: Duration;
    /** On deadlock (the provider's final position) the letter is due that day. */
    atOnceOnDeadlock: boolean;
  };
  /** FCA DISP payment services: the final response is due sooner (replaces `adrLetter.after` for those complaints). */
  paymentServices?: { after: Duration; exceptionalAfter: Duration };
  /**
   * FCA DISP: resolved by the close of the 3rd business day → a summary resolution communication instead
   * (REGULATION.md §3). Its presence also gives the case the summary resolution letter (`regimeLetters`).
   */
  summaryResolution?: { label: string; within: Duration };
  /** `adr-referral-window`: the customer's time to go to the scheme, counted from the ADR letter. */
  referralWindow?: { label: string; after: Duration };
  /** A regulatory acknowledgement deadline (e.g. UK data-protection complaints), with its own clock id. */
  acknowledgement?: { clockId: string; label: string; action: string; within: Duration };
  /** `ccts-response`: report back to the CCTS after it refers a complaint. */
  cctsResponse?: { label: string; after: Duration };
  /** `ccts-objection`: the time to object to the CCTS accepting a complaint. */
  cctsObjection?: { label: string; after: Duration };
  /**
   * `ccts-notice`: tell the customer about the CCTS once the complaint reaches this escalation level unresolved
   * (REGULATION.md §2). Its presence also gives the case the CCTS notice letter (`regimeLetters`).
   */
  cctsNotice?: { label: string; atEscalationLevel: number; within: Duration };
  /**
   * The final response itself opens the customer's way to the scheme: under FCA DISP the customer may take the
   * complaint to the Financial Ombudsman once they have the final response, and has 6 months from it (REGULATION.md
   * §3), so the final response names no later day from which the scheme will look at it. Absent (false), as under
   * Ofcom GC C4 and GB energy (§1, §3): the scheme takes the complaint once the ADR letter's wait is over or at
   * deadlock, and the final response says from which day.
   */
  finalResponseOpensReferral?: boolean;
  /** Who the ADR scheme may help and what it will not rule on (drives warnings). */
  scope?: {
    maxEmployees?: number;
    excludedCategories?: Category[];
    maxAwardGbp?: number;
    note?: string;
  };
}

export interface Regime {
  id: string;
  name: string;
  country: 'GB' | 'CA';
  description: string;
  /** The scheme this regime's complaints usually go to (a procedure names its own). */
  usualAdrSchemeId?: string;
  /** In effective-date order; the first may have no `effectiveFrom`. */
  versions: RegimeVersion[];
}

const weeks = (amount: number): Duration => ({ amount, unit: 'weeks' });
const days = (amount: number): Duration => ({ amount, unit: 'days' });
const months = (amount: number): Duration => ({ amount, unit: 'months' });
const workingDays = (amount: number): Duration => ({ amount, unit: 'working-days' });

const OFCOM_SCOPE: RegimeVersion['scope'] = {
  maxEmployees: 10,
  excludedCategories: ['pricing'],
  maxAwardGbp: 10_000,
  note: 'The schemes do not rule on general pricing or commercial judgement, claims over £10,000, or matters before a court.',
};

const OFCOM_ADR_LETTER = {
  label: CLOCK_LABELS_EN.adrLetter,
  action: NEXT_STEPS_EN.sendAdr,
  atOnceOnDeadlock: true,
} as const;

const OFCOM_REFERRAL = { label: CLOCK_LABELS_EN.adrReferralWindow, after: months(12) } as const;

export const BUILT_IN_REGIMES: readonly Regime[] = [
  {
    id: 'ofcom-gc-c4',
    name: 'Ofcom General Condition C4',
    country: 'GB',
    description:
      'UK communications providers: an ADR letter once a complaint is unresolved after a set time or at deadlock; ' +
      '12 months from the letter to go to the ADR scheme.',
    usualAdrSchemeId: 'communications-ombudsman',
    versions: [
      {
        label: 'Ofcom GC C4 before 2026-04-08',
        source: 'Ofcom General Condition C4 (ADR letter 8 weeks after the complaint was first made)',
        adrLetter: { ...OFCOM_ADR_LETTER, after: weeks(8) },
        referralWindow: OFCOM_REFERRAL,
        scope: OFCOM_SCOPE,
      },
      {
        effectiveFrom: '2026-04-08',
        label: 'Ofcom GC C4 from 2026-04-08',
        source: 'Ofcom General Condition C4 as amended (ADR letter 6 weeks after the complaint was first made)',
        adrLetter: { ...OFCOM_ADR_LETTER, after: weeks(6) },
        referralWindow: OFCOM_REFERRAL,
        scope: OFCOM_SCOPE,
      },
    ],
  },
  {
    id: 'ccts',
    name: 'CCTS (Canada)',
    country: 'CA',
    description:
      'Canadian telecom and TV providers: report back to the Commission for Complaints for Telecom-television ' +
      'Services within a set time of a referral; tell customers about the CCTS once a complaint is unresolved at the ' +
      'second level of escalation, and at each later level.',
    usualAdrSchemeId: 'ccts',
    versions: [
      {
        label: 'CCTS Procedural Code before May 2023',
        source: 'CCTS Procedural Code (30 days to report back, 15 days to object)',
        cctsResponse: { label: CLOCK_LABELS_EN.cctsResponse, after: days(30) },
        cctsObjection: { label: CLOCK_LABELS_EN.cctsObjection, after: days(15) },
        cctsNotice: { label: CLOCK_LABELS_EN.cctsNotice, atEscalationLevel: 2, within: days(0) },
      },
      {
        // REGULATION.md gives "May 2023"; the first of the month is assumed.
        effectiveFrom: '2023-05-01',
        label: 'CCTS Procedural Code from May 2023',
        source: 'CCTS Procedural Code as revised May 2023 (20 days to report back, 10 days to object)',
        cctsResponse: { label: CLOCK_LABELS_EN.cctsResponse, after: days(20) },
        cctsObjection: { label: CLOCK_LABELS_EN.cctsObjection, after: days(10) },
        cctsNotice: { label: CLOCK_LABELS_EN.cctsNotice, atEscalationLevel: 2, within: days(0) },
      },
    ],
  },
  {
    id: 'fca-disp',
    name: 'FCA DISP (financial services)',
    country: 'GB',
    description:
      'Financial services: a final response within 8 weeks (payment services 15 business days, 35 in exceptional ' +
      'cases); a summary resolution communication when resolved by the 3rd business day; 6 months to refer.',
    usualAdrSchemeId: 'financial-ombudsman',
    versions: [
      {
        label: 'FCA DISP 1.6',
        source:
          'FCA Handbook DISP 1.6 (final response 8 weeks; payment services 15/35 business days; 6 months to refer)',
        adrLetter: {
          label: CLOCK_LABELS_EN.finalResponse,
          action: NEXT_STEPS_EN.sendFinalResponse,
          after: weeks(8),
          atOnceOnDeadlock: true,
        },
        paymentServices: { after: workingDays(15), exceptionalAfter: workingDays(35) },
        summaryResolution: { label: CLOCK_LABELS_EN.summaryResolution, within: workingDays(3) },
        referralWindow: { label: CLOCK_LABELS_EN.financialOmbudsmanReferralWindow, after: months(6) },
        finalResponseOpensReferral: true,
      },
    ],
  },
  {
    id: 'gb-energy',
    name: 'GB energy complaints',
    country: 'GB',
    description: 'GB energy suppliers: 8 weeks or deadlock, then 12 months to refer to the Energy Ombudsman.',
    usualAdrSchemeId: 'energy-ombudsman',
    versions: [
      {
        label: 'GB energy complaints handling',
        source: 'Ofgem complaints handling standards (8 weeks or deadlock; 12 months to refer)',
        adrLetter: {
          label: CLOCK_LABELS_EN.deadlockLetter,
          action: NEXT_STEPS_EN.sendEnergyOmbudsmanLetter,
          after: weeks(8),
          atOnceOnDeadlock: true,
        },
        referralWindow: { label: CLOCK_LABELS_EN.energyOmbudsmanReferralWindow, after: months(12) },
      },
    ],
  },
  {
    id: 'uk-dpa-complaints',
    name: 'UK data-protection complaints (DPA 2018 s.164A)',
    country: 'GB',
    description: 'Complaints about the handling of personal data: acknowledge within 30 days (from 2026-06-19).',
    versions: [
      {
        effectiveFrom: '2026-06-19',
        label: 'DPA 2018 s.164A from 2026-06-19',
        source: 'Data Protection Act 2018 s.164A (complaints to controllers), in force from 2026-06-19',
        acknowledgement: {
          clockId: 'dpa-acknowledgement',
          label: CLOCK_LABELS_EN.dataProtectionAcknowledgement,
          action: NEXT_STEPS_EN.acknowledgeDataProtection,
          within: days(30),
        },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Letters

/**
 * The regulatory letters a regime version can provide for, beside the acknowledgement, update and final response
 * every case has: the ADR letter (REGULATION.md §1, §3), the CCTS notice (§2), the summary resolution communication
 * (§3).
 */
export const REGIME_LETTERS = ['adr-letter', 'ccts-notice', 'summary-resolution'] as const;
export type RegimeLetter = (typeof REGIME_LETTERS)[number];

/**
 * The letters a regime version provides for (none when no version was in force), read from the rules it already
 * holds, so that a letter and its clock have one home: `adrLetter` with a `referralWindow` (the letter must state
 * the customer's time limit, REGULATION.md §1) → the ADR letter; `cctsNotice` → the CCTS notice (§2);
 * `summaryResolution` → the summary resolution communication (§3). Whether a case may have one now (scope, dates)
 * is its evaluation's to say.
 */
export function regimeLetters(version: RegimeVersion | null): RegimeLetter[] {
  if (!version) return [];
  const provided: Record<RegimeLetter, boolean> = {
    'adr-letter': version.adrLetter !== undefined && version.referralWindow !== undefined,
    'ccts-notice': version.cctsNotice !== undefined,
    'summary-resolution': version.summaryResolution !== undefined,
  };
  return REGIME_LETTERS.filter((letter) => provided[letter]);
}

/**
 * Whether a final position (deadlock) makes the ADR letter due at once under this regime version (REGULATION.md §1:
 * Ofcom GC C4; §3: FCA DISP, GB energy), read from its data: it provides the ADR letter (`regimeLetters`) and its
 * rule says so. False under the CCTS, which has no ADR letter, and when no version was in force.
 */
export function adrLetterAtOnceOnDeadlock(version: RegimeVersion | null): boolean {
  return regimeLetters(version).includes('adr-letter') && version?.adrLetter?.atOnceOnDeadlock === true;
}

/**
 * The CCTS's events a regime version gives a meaning to (REGULATION.md §2), read from the rules it already holds, so
 * that what a desk can record and the clock it counts for have one home: `cctsResponse` → the CCTS's referral and the
 * provider's report back (`ccts-referral`, `ccts-report`); `cctsNotice` → telling the customer about the CCTS
 * (`ccts-informed`). None when no version was in force, and none under a UK regime.
 */
export const REGIME_CCTS_EVENTS = ['ccts-referral', 'ccts-report', 'ccts-informed'] as const;
export type RegimeCctsEvent = (typeof REGIME_CCTS_EVENTS)[number];

export function regimeCctsEvents(version: RegimeVersion | null): RegimeCctsEvent[] {
  if (!version) return [];
  const provided: Record<RegimeCctsEvent, boolean> = {
    'ccts-referral': version.cctsResponse !== undefined,
    'ccts-report': version.cctsResponse !== undefined,
    'ccts-informed': version.cctsNotice !== undefined,
  };
  return REGIME_CCTS_EVENTS.filter((event) => provided[event]);
}

/**
 * What a case under this regime can ever have, over all its versions, read from its data: ADR letters to send
 * (`regimeLetters`: an ADR letter rule with a referral window) and a referral window counted from one
 * (`referralWindow`). Neither under the CCTS: the dashboard does not offer a list that can never hold a case.
 */
export function regimeMayHave(regime: Pick<Regime, 'versions'>): { adrLetters: boolean; referralWindow: boolean } {
  return {
    adrLetters: regime.versions.some((v) => regimeLetters(v).includes('adr-letter')),
    referralWindow: regime.versions.some((v) => v.referralWindow !== undefined),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

const durationSchema = z.object({
  amount: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
  unit: z.enum(DURATION_UNITS),
});

const labelSchema = z.string().trim().min(1, 'must not be empty');

const regimeVersionSchema = z.object({
  effectiveFrom: isoDateSchema.optional(),
  label: labelSchema,
  source: labelSchema,
  adrLetter: z
    .object({ label: labelSchema, action: labelSchema, after: durationSchema, atOnceOnDeadlock: z.boolean() })
    .optional(),
  paymentServices: z.object({ after: durationSchema, exceptionalAfter: durationSchema }).optional(),
  summaryResolution: z.object({ label: labelSchema, within: durationSchema }).optional(),
  referralWindow: z.object({ label: labelSchema, after: durationSchema }).optional(),
  acknowledgement: z
    .object({ clockId: slugSchema, label: labelSchema, action: labelSchema, within: durationSchema })
    .optional(),
  cctsResponse: z.object({ label: labelSchema, after: durationSchema }).optional(),
  cctsObjection: z.object({ label: labelSchema, after: durationSchema }).optional(),
  cctsNotice: z
    .object({ label: labelSchema, atEscalationLevel: z.number().int().min(1), within: durationSchema })
    .optional(),
  finalResponseOpensReferral: z.boolean().optional(),
  scope: z
    .object({
      maxEmployees: z.number().int().min(0).optional(),
      excludedCategories: z.array(z.enum(CATEGORIES)).optional(),
      maxAwardGbp: z.number().min(0).optional(),
      note: z.string().optional(),
    })
    .optional(),
});

const regimeSchema = z
  .object({
    id: slugSchema,
    name: labelSchema,
    country: z.enum(['GB', 'CA']),
    description: z.string(),
    usualAdrSchemeId: slugSchema.optional(),
    versions: z.array(regimeVersionSchema).min(1, 'a regime needs at least one version'),
  })
  .superRefine((regime, ctx) => {
    let previous: string | undefined;
    regime.versions.forEach((v, i) => {
      if (v.effectiveFrom === undefined && i > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'effectiveFrom'],
          message: 'only the first version may leave out its effective date',
        });
      }
      if (v.effectiveFrom !== undefined && previous !== undefined && v.effectiveFrom <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'effectiveFrom'],
          message: `must be later than the previous version's ${previous}`,
        });
      }
      if (v.effectiveFrom !== undefined) previous = v.effectiveFrom;
    });
  });

/** Check regime data (e.g. an administrator's update); returns it typed or throws a RulesError naming the field. */
export function validateRegime(input: unknown): Regime {
  const parsed = regimeSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RulesError(
      'invalid-regime',
      `Invalid regime${isNamed(input) ? ` "${input.id}"` : ''}: ${formatZodIssues(parsed.error.issues)}`,
      first ? first.path.map(String).join('.') : undefined,
    );
  }
  return parsed.data as Regime;
}

function isNamed(v: unknown): v is { id: string } {
  return v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string';
}

// ---------------------------------------------------------------------------------------------------------------
// Registry

/** Regimes by id. Treat as immutable; build a new one with createRegimeRegistry to change the data. */
export interface RegimeRegistry {
  readonly byId: ReadonlyMap<string, Regime>;
}

interface CompiledVersion {
  from: DayNumber;
  version: RegimeVersion;
}

const compiled = new WeakMap<Regime, CompiledVersion[]>();

function compiledVersions(regime: Regime): CompiledVersion[] {
  let list = compiled.get(regime);
  if (!list) {
    list = regime.versions.map((version) => ({
      from: version.effectiveFrom === undefined ? Number.NEGATIVE_INFINITY : toDayNumber(version.effectiveFrom),
      version,
    }));
    compiled.set(regime, list);
  }
  return list;
}

export function createRegimeRegistry(regimes: readonly unknown[]): RegimeRegistry {
  const byId = new Map<string, Regime>();
  for (const r of regimes) {
    const regime = validateRegime(r);
    if (byId.has(regime.id)) throw new RulesError('invalid-regime', `Two regimes have the id "${regime.id}".`, 'id');
    byId.set(regime.id, regime);
  }
  return { byId };
}

export const DEFAULT_REGIMES: RegimeRegistry = createRegimeRegistry(BUILT_IN_REGIMES);

export function getRegime(id: string, registry: RegimeRegistry = DEFAULT_REGIMES): Regime {
  const regime = registry.byId.get(id);
  if (!regime) {
    throw new RulesError(
      'unknown-regime',
      `Unknown regime "${id}"; known regimes: ${[...registry.byId.keys()].join(', ')}.`,
      'regimeId',
    );
  }
  return regime;
}

export function listRegimes(registry: RegimeRegistry = DEFAULT_REGIMES): Regime[] {
  return [...registry.byId.values()];
}

/** Day-number form used by the engine. */
export function regimeVersionOnDay(regime: Regime, day: DayNumber): RegimeVersion | null {
  const list = compiledVersions(regime);
  for (let i = list.length - 1; i >= 0; i--) if (list[i].from <= day) return list[i].version;
  return null;
}

/**
 * The version of a regime that applies to a complaint first made on `receivedOn` (REGULATION.md §5.5), or null when
 * no version was in force then (e.g. UK data-protection complaints before 2026-06-19).
 */
export function regimeVersionFor(
  regimeId: string,
  receivedOn: IsoDate,
  registry: RegimeRegistry = DEFAULT_REGIMES,
): RegimeVersion | null {
  return regimeVersionOnDay(getRegime(regimeId, registry), toDayNumber(receivedOn, 'receivedOn'));
}
