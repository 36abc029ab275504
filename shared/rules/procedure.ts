// The procedure format: a provider's own complaint steps as data, documented and validated so a desk can clone and
// edit one. See README.md "Procedures" for the meaning of every field.
import { z } from 'zod';
import { CALENDARS, type CalendarId, CHANNELS, type Channel } from '#shared/model/case';
import { languageOfLocale } from '#shared/model/dates';
import { type AdrDirectory, DEFAULT_ADR_DIRECTORY, hasAdrScheme } from './adr-schemes';
import { toDayNumber } from './dates';
import { RulesError } from './errors';
import { DEFAULT_REGIMES, type RegimeRegistry } from './regimes';
import { formatPath, formatZodIssues, isoDateSchema, slugSchema } from './zod-helpers';
import {
  PROCEDURE_PROBLEMS_EN as WORDS,
  procedureIssueSaying,
  procedureProblemInEnglish,
  type ProcedureSaying,
  sayProcedure,
} from './procedure-problems';
import { DURATION_UNITS, type Duration, type IsoDate } from './types';

/** A provider's own promise: a period plus what is due, in the provider's words. */
export interface Target extends Duration {
  /** What is due, in plain words: "a substantive reply". */
  what: string;
  /** Next-action wording, e.g. "Call the customer back". Default: derived from the clock. */
  action?: string;
  /** The provider's own words, quoted from its document. */
  basis?: string;
}

/** Why a case leaves a stage for the next one. */
export const ESCALATION_TRIGGERS = ['customer-request', 'unresolved', 'missed-target'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** Events that move a case into a stage. `escalated` moves to the named (or next) stage. */
export const STAGE_ENTRY_EVENTS = ['escalated', 'deadlock', 'referred-to-adr', 'ccts-referral'] as const;
export type StageEntryEvent = (typeof STAGE_ENTRY_EVENTS)[number];

export interface ProcedureStage {
  /** Stable slug, e.g. `customer-resolution`; stored on cases, never renamed. */
  id: string;
  name: string;
  /** Who owns the case at this stage. */
  owner: string;
  description: string;
  /**
   * The stage's own target, counted from the day the case entered the stage (the day of receipt for the first
   * stage); e.g. kinex's "formal written response within 28 days of the complaint being transferred".
   */
  target?: Target;
  /** How a case moves on from this stage: on the customer's request, when unresolved, or when the target is missed. */
  escalateWhen: EscalationTrigger[];
  /** Run by someone outside the provider (an ADR scheme, the CCTS): not a level of internal escalation. */
  external?: boolean;
  /** Events that move a case into this stage; default `['escalated']`. */
  enteredBy?: StageEntryEvent[];
}

/** Words in the letters' languages: `en` for English (UK and Canada), `fr` for French. */
export interface LetterWords {
  en?: string;
  fr?: string;
}

/** The words the letters use for the procedure's own steps (issue #16), in the provider's terms. */
export interface ProcedureWording {
  /** Who the customer can escalate to, printed under "How to escalate" ("ask for our senior manager, then …"). */
  escalation?: LetterWords;
  /**
   * The time frame the desk promises where the procedure sets no reply target (Jive: "an approximate time frame"):
   * the acknowledgement prints it instead of "as soon as we can".
   */
  promisedTimeFrame?: LetterWords;
}

export interface Procedure {
  /** Stable slug, e.g. `kijoma`. */
  id: string;
  /** Bumped on every change; explanations cite it ("Kijoma Broadband complaints procedure v1"). */
  version: number;
  /**
   * Complaints received on or after this day follow this version (as regimes' versions do); absent on a first version:
   * in force for every case. A case follows the version in force on the day it was received (`procedureOnDay`).
   */
  effectiveFrom?: IsoDate;
  /** A desk's copy: the built-in procedure (id and version) it was copied from. */
  copiedFrom?: string;
  /** Human name, e.g. "Kijoma Broadband complaints procedure". */
  name: string;
  provider: { name: string; country: 'GB' | 'CA' };
  /** Where the procedure comes from (document, date). */
  source: string;
  /** The calendar a desk using this procedure would normally choose. */
  defaultCalendar: CalendarId;
  /** The regulatory regime whose clocks apply (see regimes.ts). */
  regimeId: string;
  /** The ADR scheme the provider belongs to (see adr-schemes.ts). */
  adrSchemeId: string;
  /** Ways the provider takes complaints. */
  channels: Channel[];
  /** The provider's own acknowledgement target (`amount: 0` = at once), if it sets one. */
  acknowledgement?: Target;
  /** The provider's first-response target: per channel, falling back to `default`. */
  firstResponse: { default?: Target; byChannel?: Partial<Record<Channel, Target>> };
  /** In order: the first is where every case starts; internal stages are the escalation ladder. */
  stages: ProcedureStage[];
  /** What was read from the provider's document and what current rules superseded. */
  notes: string[];
  /** The words letters use for the procedure's own steps; absent: the letters' plain defaults. */
  wording?: ProcedureWording;
}

/**
 * The stage every case of a procedure starts in: its first (never external nor entered by an event: `checkProcedure`).
 * The rules engine reads each case from it (evaluate.ts), and a new case's record stores its id (`newCaseStageId`).
 */
export function firstStage(procedure: Procedure): ProcedureStage {
  return procedure.stages[0];
}

/**
 * The stage id a case's stored `stage` stands for: itself, or the first stage's for '' (the record of a case logged
 * before new cases stored their first stage, or of one whose procedure the desk did not know): such records, on desks,
 * in backups and on team servers, keep reading as the stage their page shows, with no upgrade rewriting them.
 */
export function recordedStageId(stored: string, procedure: Procedure): string {
  return stored === '' ? firstStage(procedure).id : stored;
}

// ---------------------------------------------------------------------------------------------------------------
// Schema

const text = z.string().trim().min(1, WORDS['not-empty']);

const targetSchema = z.strictObject({
  amount: z.number(WORDS.number).int(WORDS['whole-number']).min(0, WORDS['zero-or-more']),
  unit: z.enum(DURATION_UNITS),
  what: text,
  action: text.optional(),
  basis: z.string().optional(),
});

const byChannelSchema = z.strictObject(
  Object.fromEntries(CHANNELS.map((c) => [c, targetSchema.optional()])) as Record<
    Channel,
    z.ZodOptional<typeof targetSchema>
  >,
);

const stageSchema = z.strictObject({
  id: slugSchema,
  name: text,
  owner: text,
  description: z.string(),
  target: targetSchema.optional(),
  escalateWhen: z.array(z.enum(ESCALATION_TRIGGERS)),
  external: z.boolean().optional(),
  enteredBy: z.array(z.enum(STAGE_ENTRY_EVENTS)).min(1, WORDS['entered-by-empty']).optional(),
});

const letterWordsSchema = z.strictObject({
  en: text.max(600, WORDS['at-most-600']).optional(),
  fr: text.max(600, WORDS['at-most-600']).optional(),
});

/** THE procedure schema: the rules engine's registry, the desk's editor and an imported file are all checked with it. */
export const procedureSchema = z.strictObject({
  id: slugSchema,
  version: z.number().int(WORDS['whole-number']).min(1, WORDS['one-or-more']),
  effectiveFrom: isoDateSchema.optional(),
  copiedFrom: z.string().optional(),
  name: text,
  provider: z.strictObject({ name: text, country: z.enum(['GB', 'CA']) }),
  source: z.string(),
  defaultCalendar: z.enum(CALENDARS),
  regimeId: slugSchema,
  adrSchemeId: slugSchema,
  channels: z.array(z.enum(CHANNELS)).min(1, WORDS['no-channel']),
  acknowledgement: targetSchema.optional(),
  firstResponse: z.strictObject({ default: targetSchema.optional(), byChannel: byChannelSchema.optional() }),
  stages: z.array(stageSchema).min(1, WORDS['no-stage']),
  notes: z.array(z.string()),
  wording: z
    .strictObject({ escalation: letterWordsSchema.optional(), promisedTimeFrame: letterWordsSchema.optional() })
    .optional(),
});

export interface ProcedureIssue {
  /** e.g. `stages[1].target.unit` */
  field: string;
  /** In English (./procedure-problems.ts; zod's own for its messages). */
  message: string;
  /** The same as a code and values, for the interface to say in its language. */
  said?: ProcedureSaying;
}

/** An issue of the checks after the schema: its English from its saying. */
const issue = (field: string, said: ProcedureSaying): ProcedureIssue => ({
  field,
  message: procedureProblemInEnglish(said),
  said,
});

export interface ProcedureCheckOptions {
  regimes?: RegimeRegistry;
  adrSchemes?: AdrDirectory;
}

/** Check a procedure without throwing: every problem, each naming its field. */
export function checkProcedure(
  input: unknown,
  options: ProcedureCheckOptions = {},
): { ok: true; procedure: Procedure } | { ok: false; issues: ProcedureIssue[] } {
  const parsed = procedureSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        field: formatPath(i.path),
        message: i.message,
        said: procedureIssueSaying(i as Parameters<typeof procedureIssueSaying>[0]),
      })),
    };
  }
  const p = parsed.data as Procedure;
  const issues: ProcedureIssue[] = [];
  const regimes = options.regimes ?? DEFAULT_REGIMES;
  const adrSchemes = options.adrSchemes ?? DEFAULT_ADR_DIRECTORY;
  if (!regimes.byId.has(p.regimeId)) {
    issues.push(
      issue('regimeId', sayProcedure('unknown-regime', { id: p.regimeId, known: [...regimes.byId.keys()].join(', ') })),
    );
  }
  if (!hasAdrScheme(p.adrSchemeId, adrSchemes)) {
    issues.push(
      issue(
        'adrSchemeId',
        sayProcedure('unknown-adr-scheme', {
          id: p.adrSchemeId,
          known: adrSchemes.schemes.map((s) => s.id).join(', '),
        }),
      ),
    );
  }
  const seen = new Set<string>();
  const entryOwner = new Map<StageEntryEvent, string>();
  p.stages.forEach((stage, i) => {
    if (seen.has(stage.id)) issues.push(issue(`stages[${i}].id`, sayProcedure('stage-id-taken', { id: stage.id })));
    seen.add(stage.id);
    for (const ev of stage.enteredBy ?? []) {
      if (ev === 'escalated') continue;
      const owner = entryOwner.get(ev);
      if (owner) {
        issues.push(issue(`stages[${i}].enteredBy`, sayProcedure('entry-taken', { event: ev, stage: owner })));
      }
      entryOwner.set(ev, stage.id);
    }
  });
  const first = p.stages[0];
  if (first.external) issues.push(issue('stages[0].external', sayProcedure('first-stage-external')));
  if (first.enteredBy && first.enteredBy.some((e) => e !== 'escalated')) {
    issues.push(issue('stages[0].enteredBy', sayProcedure('first-stage-entered')));
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, procedure: p };
}

/**
 * Check a procedure (e.g. a desk's edited clone) and return it typed; refuse it with a RulesError whose message and
 * `field` name the offending field, e.g. `Invalid procedure "acme": stages[1].target.unit: Invalid option …`.
 */
export function validateProcedure(input: unknown, options: ProcedureCheckOptions = {}): Procedure {
  const result = checkProcedure(input, options);
  if (result.ok) return result.procedure;
  const id =
    input !== null && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'string'
      ? ` "${(input as { id: string }).id}"`
      : '';
  throw new RulesError(
    'invalid-procedure',
    `Invalid procedure${id}: ${formatZodIssues(result.issues.map((i) => ({ path: i.field ? [i.field] : [], message: i.message })))}`,
    result.issues[0]?.field,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Registry

export interface ProcedureRegistry {
  /** Each procedure's newest version, by id. */
  readonly byId: ReadonlyMap<string, Procedure>;
  /** Every version of a procedure, oldest first, by id (a procedure with one version may be absent here). */
  readonly versions?: ReadonlyMap<string, readonly Procedure[]>;
}

/**
 * Validate each procedure and index it by id. Several versions of one id are kept (`versions`), oldest first; only the
 * first may lack `effectiveFrom`, and each later one must start after the one before. Pure: returns a new registry.
 */
export function createProcedureRegistry(
  procedures: readonly unknown[],
  options: ProcedureCheckOptions = {},
): ProcedureRegistry {
  return withProcedures({ byId: new Map() }, procedures, options, true);
}

/** A new registry with `procedures` added (a procedure with the same id and version replaces the one there). */
export function withProcedures(
  registry: ProcedureRegistry,
  procedures: readonly unknown[],
  options: ProcedureCheckOptions = {},
  refuseTwice = false,
): ProcedureRegistry {
  const versions = new Map<string, Procedure[]>();
  for (const [id, p] of registry.byId) versions.set(id, [...(registry.versions?.get(id) ?? [p])]);
  const added = new Set<string>();
  for (const input of procedures) {
    const p = validateProcedure(input, options);
    const key = `${p.id}@${p.version}`;
    if (refuseTwice && added.has(key))
      throw new RulesError('invalid-procedure', `Two procedures have the id "${p.id}" and version ${p.version}.`, 'id');
    added.add(key);
    const list = (versions.get(p.id) ?? []).filter((v) => v.version !== p.version);
    list.push(p);
    list.sort((a, b) => a.version - b.version);
    versions.set(p.id, list);
  }
  for (const [id, list] of versions) {
    list.forEach((v, i) => {
      if (i === 0) return;
      const before = list[i - 1];
      if (!v.effectiveFrom)
        throw new RulesError(
          'invalid-procedure',
          `Procedure "${id}" version ${v.version} needs an effective date (only the first version may have none).`,
          'effectiveFrom',
        );
      if (before.effectiveFrom && toDayNumber(v.effectiveFrom) <= toDayNumber(before.effectiveFrom))
        throw new RulesError(
          'invalid-procedure',
          `Procedure "${id}" version ${v.version} must take effect after version ${before.version} (${before.effectiveFrom}).`,
          'effectiveFrom',
        );
    });
  }
  const byId = new Map<string, Procedure>();
  for (const [id, list] of versions) byId.set(id, list[list.length - 1]);
  return { byId, versions };
}

/** Every version of a procedure, oldest first (empty for an unknown id). */
export function procedureVersions(id: string, registry: ProcedureRegistry): readonly Procedure[] {
  const list = registry.versions?.get(id);
  if (list) return list;
  const p = registry.byId.get(id);
  return p ? [p] : [];
}

/**
 * THE version of a procedure a case follows: the one in force on the day the complaint was received (the newest whose
 * `effectiveFrom` is on or before it); a day before every effective date gets the first version. Undefined for an
 * unknown id.
 */
export function procedureOnDay(id: string, receivedOn: IsoDate, registry: ProcedureRegistry): Procedure | undefined {
  const list = procedureVersions(id, registry);
  const day = toDayNumber(receivedOn, 'receivedOn');
  for (let i = list.length - 1; i >= 0; i--) {
    const from = list[i].effectiveFrom;
    if (!from || toDayNumber(from) <= day) return list[i];
  }
  return list[0];
}

/** The target for a channel: its own, else the procedure's default, else none. */
export function firstResponseTarget(procedure: Procedure, channel: Channel): Target | undefined {
  return procedure.firstResponse.byChannel?.[channel] ?? procedure.firstResponse.default;
}

/** "Kijoma Broadband complaints procedure v1" */
export function procedureVersionLabel(procedure: Procedure): string {
  return `${procedure.name} v${procedure.version}`;
}

/** "Kijoma copy v2, in force from 2026-11-25" / "Kijoma Broadband complaints procedure v1" */
export function procedureVersionInWords(procedure: Pick<Procedure, 'name' | 'version' | 'effectiveFrom'>): string {
  const label = `${procedure.name} v${procedure.version}`;
  return procedure.effectiveFrom ? `${label}, in force from ${procedure.effectiveFrom}` : label;
}

/** The procedure's words for letters in a language (`en-GB`, `fr-CA`…): its own language's, else none. */
export function wordsIn(words: LetterWords | undefined, language: string): string | undefined {
  const own = words?.[languageOfLocale(language)];
  return own?.trim() || undefined;
}
