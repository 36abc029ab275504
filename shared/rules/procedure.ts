// The procedure format: a provider's own complaint steps as data, documented and validated so a desk can clone and
// edit one. See README.md "Procedures" for the meaning of every field.
import { z } from 'zod';
import { CALENDARS, type CalendarId, CHANNELS, type Channel } from '#shared/model/case';
import { type AdrDirectory, DEFAULT_ADR_DIRECTORY, hasAdrScheme } from './adr-schemes';
import { RulesError } from './errors';
import { DEFAULT_REGIMES, type RegimeRegistry } from './regimes';
import { formatPath, formatZodIssues, slugSchema } from './zod-helpers';
import { DURATION_UNITS, type Duration } from './types';

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

export interface Procedure {
  /** Stable slug, e.g. `kijoma`. */
  id: string;
  /** Bumped on every change; explanations cite it ("Kijoma Broadband complaints procedure v1"). */
  version: number;
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
}

// ---------------------------------------------------------------------------------------------------------------
// Schema

const text = z.string().trim().min(1, 'must not be empty');

const targetSchema = z.strictObject({
  amount: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
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
  enteredBy: z.array(z.enum(STAGE_ENTRY_EVENTS)).min(1, 'list at least one event, or leave enteredBy out').optional(),
});

const procedureSchema = z.strictObject({
  id: slugSchema,
  version: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  name: text,
  provider: z.strictObject({ name: text, country: z.enum(['GB', 'CA']) }),
  source: z.string(),
  defaultCalendar: z.enum(CALENDARS),
  regimeId: slugSchema,
  adrSchemeId: slugSchema,
  channels: z.array(z.enum(CHANNELS)).min(1, 'list at least one channel'),
  acknowledgement: targetSchema.optional(),
  firstResponse: z.strictObject({ default: targetSchema.optional(), byChannel: byChannelSchema.optional() }),
  stages: z.array(stageSchema).min(1, 'a procedure needs at least one stage'),
  notes: z.array(z.string()),
});

export interface ProcedureIssue {
  /** e.g. `stages[1].target.unit` */
  field: string;
  message: string;
}

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
      issues: parsed.error.issues.map((i) => ({ field: formatPath(i.path), message: i.message })),
    };
  }
  const p = parsed.data as Procedure;
  const issues: ProcedureIssue[] = [];
  const regimes = options.regimes ?? DEFAULT_REGIMES;
  const adrSchemes = options.adrSchemes ?? DEFAULT_ADR_DIRECTORY;
  if (!regimes.byId.has(p.regimeId)) {
    issues.push({
      field: 'regimeId',
      message: `unknown regime "${p.regimeId}" (known: ${[...regimes.byId.keys()].join(', ')})`,
    });
  }
  if (!hasAdrScheme(p.adrSchemeId, adrSchemes)) {
    issues.push({
      field: 'adrSchemeId',
      message: `unknown ADR scheme "${p.adrSchemeId}" (known: ${adrSchemes.schemes.map((s) => s.id).join(', ')})`,
    });
  }
  const seen = new Set<string>();
  const entryOwner = new Map<StageEntryEvent, string>();
  p.stages.forEach((stage, i) => {
    if (seen.has(stage.id))
      issues.push({ field: `stages[${i}].id`, message: `"${stage.id}" is used by an earlier stage` });
    seen.add(stage.id);
    for (const ev of stage.enteredBy ?? []) {
      if (ev === 'escalated') continue;
      const owner = entryOwner.get(ev);
      if (owner) {
        issues.push({
          field: `stages[${i}].enteredBy`,
          message: `"${ev}" already moves the case to stage "${owner}"`,
        });
      }
      entryOwner.set(ev, stage.id);
    }
  });
  const first = p.stages[0];
  if (first.external)
    issues.push({ field: 'stages[0].external', message: 'the first stage must be run by the provider' });
  if (first.enteredBy && first.enteredBy.some((e) => e !== 'escalated')) {
    issues.push({
      field: 'stages[0].enteredBy',
      message: 'every case starts in the first stage; it cannot be entered by an event',
    });
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
  readonly byId: ReadonlyMap<string, Procedure>;
}

/** Validate each procedure and index it by id. Pure: returns a new registry. */
export function createProcedureRegistry(
  procedures: readonly unknown[],
  options: ProcedureCheckOptions = {},
): ProcedureRegistry {
  const byId = new Map<string, Procedure>();
  for (const input of procedures) {
    const p = validateProcedure(input, options);
    if (byId.has(p.id)) throw new RulesError('invalid-procedure', `Two procedures have the id "${p.id}".`, 'id');
    byId.set(p.id, p);
  }
  return { byId };
}

/** A new registry with `procedures` added (replacing any with the same id). */
export function withProcedures(
  registry: ProcedureRegistry,
  procedures: readonly unknown[],
  options: ProcedureCheckOptions = {},
): ProcedureRegistry {
  const byId = new Map(registry.byId);
  for (const input of procedures) {
    const p = validateProcedure(input, options);
    byId.set(p.id, p);
  }
  return { byId };
}

/** The target for a channel: its own, else the procedure's default, else none. */
export function firstResponseTarget(procedure: Procedure, channel: Channel): Target | undefined {
  return procedure.firstResponse.byChannel?.[channel] ?? procedure.firstResponse.default;
}

/** "Kijoma Broadband complaints procedure v1" */
export function procedureVersionLabel(procedure: Procedure): string {
  return `${procedure.name} v${procedure.version}`;
}
