// The procedure editor's data form (issue #16): a procedure as the editor's fields hold it (every optional target
// present with an on/off switch, every optional text as ''), and back. What comes back is checked with THE procedure
// schema (procedure.ts `checkProcedure`), so the editor, an imported file and the rules engine agree; each problem is
// given under the editor field's own path. Also: a copy of a built-in procedure, a new version of a procedure in use,
// the preview of its clocks, and the JSON file a procedure is exported to and imported from.
import { CHANNELS, type CalendarId, type Channel } from '#shared/model/case';
import { evaluateCase } from './evaluate';
import {
  checkProcedure,
  type EscalationTrigger,
  type LetterWords,
  type Procedure,
  type ProcedureIssue,
  type ProcedureStage,
  type StageEntryEvent,
  type Target,
  withProcedures,
} from './procedure';
import { BUILT_IN_PROCEDURE_IDS } from './procedures';
import { procedureProblemInEnglish, type ProcedureSaying, sayProcedure } from './procedure-problems';
import type { DurationUnit, IsoDate } from './types';
import type { Explanation } from './explain';

export interface TargetForm {
  /** The target is set. */
  on: boolean;
  /** '' while the field is empty. */
  amount: number | '';
  unit: DurationUnit;
  what: string;
  action: string;
  basis: string;
}

export interface StageForm {
  id: string;
  name: string;
  owner: string;
  description: string;
  target: TargetForm;
  escalateWhen: EscalationTrigger[];
  external: boolean;
  /** [] for "the default" (escalated). */
  enteredBy: StageEntryEvent[];
}

export interface WordsForm {
  en: string;
  fr: string;
}

export interface ProcedureForm {
  id: string;
  version: number;
  effectiveFrom: string;
  copiedFrom: string;
  name: string;
  provider: Procedure['provider'];
  source: string;
  defaultCalendar: CalendarId;
  regimeId: string;
  adrSchemeId: string;
  channels: Channel[];
  acknowledgement: TargetForm;
  firstResponse: { default: TargetForm; byChannel: Record<Channel, TargetForm> };
  stages: StageForm[];
  /** One note a line. */
  notes: string;
  wording: { escalation: WordsForm; promisedTimeFrame: WordsForm };
}

const EMPTY_TARGET: TargetForm = { on: false, amount: '', unit: 'working-days', what: '', action: '', basis: '' };

const targetForm = (t: Target | undefined): TargetForm =>
  t
    ? { on: true, amount: t.amount, unit: t.unit, what: t.what, action: t.action ?? '', basis: t.basis ?? '' }
    : { ...EMPTY_TARGET };

const wordsForm = (w: LetterWords | undefined): WordsForm => ({ en: w?.en ?? '', fr: w?.fr ?? '' });

/** An empty stage for the editor's "Add a stage". */
export const emptyStage = (id: string): StageForm => ({
  id,
  name: '',
  owner: '',
  description: '',
  target: { ...EMPTY_TARGET },
  escalateWhen: ['unresolved'],
  external: false,
  enteredBy: [],
});

export function procedureToForm(p: Procedure): ProcedureForm {
  return {
    id: p.id,
    version: p.version,
    effectiveFrom: p.effectiveFrom ?? '',
    copiedFrom: p.copiedFrom ?? '',
    name: p.name,
    provider: { ...p.provider },
    source: p.source,
    defaultCalendar: p.defaultCalendar,
    regimeId: p.regimeId,
    adrSchemeId: p.adrSchemeId,
    channels: [...p.channels],
    acknowledgement: targetForm(p.acknowledgement),
    firstResponse: {
      default: targetForm(p.firstResponse.default),
      byChannel: Object.fromEntries(CHANNELS.map((c) => [c, targetForm(p.firstResponse.byChannel?.[c])])) as Record<
        Channel,
        TargetForm
      >,
    },
    stages: p.stages.map((s) => ({
      id: s.id,
      name: s.name,
      owner: s.owner,
      description: s.description,
      target: targetForm(s.target),
      escalateWhen: [...s.escalateWhen],
      external: s.external ?? false,
      enteredBy: [...(s.enteredBy ?? [])],
    })),
    notes: p.notes.join('\n'),
    wording: {
      escalation: wordsForm(p.wording?.escalation),
      promisedTimeFrame: wordsForm(p.wording?.promisedTimeFrame),
    },
  };
}

const optionalText = (value: string) => (value.trim() ? value.trim() : undefined);

function targetFrom(t: TargetForm): Target | undefined {
  if (!t.on) return undefined;
  const action = optionalText(t.action);
  const basis = optionalText(t.basis);
  return {
    amount: (t.amount === '' ? undefined : t.amount) as number,
    unit: t.unit,
    what: t.what.trim(),
    ...(action ? { action } : {}),
    ...(basis ? { basis } : {}),
  };
}

function wordsFrom(w: WordsForm): LetterWords | undefined {
  const en = optionalText(w.en);
  const fr = optionalText(w.fr);
  return en || fr ? { ...(en ? { en } : {}), ...(fr ? { fr } : {}) } : undefined;
}

/**
 * The editor's fields as a procedure, NOT yet checked: pass it to `checkProcedureForm`. A first-response target is
 * kept only for a channel the procedure lists: a channel taken out of "Channels" takes its target with it (the editor
 * shows no field for it; the form keeps it, so putting the channel back brings the target back).
 */
export function procedureFromForm(f: ProcedureForm): Procedure {
  const byChannel: Partial<Record<Channel, Target>> = {};
  for (const c of CHANNELS) {
    if (!f.channels.includes(c)) continue;
    const t = targetFrom(f.firstResponse.byChannel[c]);
    if (t) byChannel[c] = t;
  }
  const first = targetFrom(f.firstResponse.default);
  const acknowledgement = targetFrom(f.acknowledgement);
  const escalation = wordsFrom(f.wording.escalation);
  const promisedTimeFrame = wordsFrom(f.wording.promisedTimeFrame);
  const effectiveFrom = optionalText(f.effectiveFrom);
  const copiedFrom = optionalText(f.copiedFrom);
  return {
    id: f.id.trim(),
    version: f.version,
    ...(effectiveFrom ? { effectiveFrom } : {}),
    ...(copiedFrom ? { copiedFrom } : {}),
    name: f.name.trim(),
    provider: { name: f.provider.name.trim(), country: f.provider.country },
    source: f.source,
    defaultCalendar: f.defaultCalendar,
    regimeId: f.regimeId,
    adrSchemeId: f.adrSchemeId,
    channels: f.channels,
    ...(acknowledgement ? { acknowledgement } : {}),
    firstResponse: {
      ...(first ? { default: first } : {}),
      ...(Object.keys(byChannel).length ? { byChannel } : {}),
    },
    stages: f.stages.map((s): ProcedureStage => {
      const target = targetFrom(s.target);
      return {
        id: s.id.trim(),
        name: s.name.trim(),
        owner: s.owner.trim(),
        description: s.description,
        ...(target ? { target } : {}),
        escalateWhen: s.escalateWhen,
        ...(s.external ? { external: true } : {}),
        ...(s.enteredBy.length ? { enteredBy: s.enteredBy } : {}),
      };
    }),
    notes: f.notes
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean),
    ...(escalation || promisedTimeFrame
      ? { wording: { ...(escalation ? { escalation } : {}), ...(promisedTimeFrame ? { promisedTimeFrame } : {}) } }
      : {}),
  };
}

/**
 * The editor field a problem belongs to: `stages[1].target.amount` → `stages.1.target.amount`; notes → `notes`; an
 * item of a list chosen in one box (`channels[2]`, `stages[0].escalateWhen[1]`, `…enteredBy[0]`) → that box.
 */
export function formField(field: string): string {
  if (field.startsWith('notes')) return 'notes';
  return field
    .replace(/^(channels|stages\[\d+\]\.(?:escalateWhen|enteredBy))\[\d+\]$/, '$1')
    .replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Check the editor's fields with THE procedure schema. `ok`: the procedure to save; else every problem by its
 * editor field (`formField`), ready for the form's errors.
 */
export function checkProcedureForm(f: ProcedureForm):
  | { ok: true; procedure: Procedure }
  | {
      ok: false;
      errors: Record<string, string>;
      issues: ProcedureIssue[];
      issueByField: Record<string, ProcedureIssue>;
    } {
  const result = checkProcedure(procedureFromForm(f));
  if (result.ok) return result;
  const errors: Record<string, string> = {};
  // The same first issue of each field, with its code (m17a: the editor says it in the interface's language).
  const issueByField: Record<string, ProcedureIssue> = {};
  for (const i of result.issues) {
    errors[formField(i.field)] ??= i.message;
    issueByField[formField(i.field)] ??= i;
  }
  return { ok: false, errors, issues: result.issues, issueByField };
}

/**
 * A free id for a copy. With `tag` (the repository gives a random one): `kijoma-copy-3f9a2c1b`, unique to the desk
 * that made it, so two desks of a team that each copy Kijoma never write one document `procedure:kijoma-copy@1`
 * (p8b, issue #16 gap G6); still readable in a file name. Without: `kijoma-copy`, `kijoma-copy-2`, … as before.
 */
export function copyId(id: string, taken: ReadonlySet<string>, tag?: string): string {
  const base = `${id.replace(/-copy(-[a-z0-9]+)?$/, '')}-copy${tag ? `-${tag}` : ''}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A copy's name in English: the original's, with "(copy)" after it (the interface's catalogue quotes it). */
export const COPY_NAME_EN = '{name} (copy)';
const copyNameInEnglish = (name: string) => COPY_NAME_EN.replace('{name}', name);

/**
 * A procedure's name as names are compared: two names that differ only in letter case or spacing are one name (the
 * provider's "Complaints procedure" list could not tell them apart).
 */
export const procedureNameKey = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The procedure, other than the one of id `id`, already called `name` (compared as `procedureNameKey`), or undefined.
 * `procedures`: the desk's procedures, built-in and its own (one entry per procedure: its newest version).
 */
export function procedureNamedLike<P extends Pick<Procedure, 'id' | 'name'>>(
  name: string,
  id: string,
  procedures: Iterable<P>,
): P | undefined {
  const key = procedureNameKey(name);
  for (const p of procedures) if (p.id !== id && procedureNameKey(p.name) === key) return p;
  return undefined;
}

/**
 * `name`, or when a name of `names` is already that (compared as `procedureNameKey`) the first free one numbered from
 * 2: inside its closing bracket when it ends with one ("Kijoma (copy)" → "Kijoma (copy 2)", whatever the words in
 * the bracket), else after it ("Kijoma, copy" → "Kijoma, copy 2").
 */
export function freeName(name: string, names: Iterable<string>): string {
  const taken = new Set([...names].map(procedureNameKey));
  if (!taken.has(procedureNameKey(name))) return name;
  const bracket = /^(.*\S)(\s*)\)$/su.exec(name);
  const numbered = (n: number) => (bracket ? `${bracket[1]} ${n}${bracket[2]})` : `${name} ${n}`);
  for (let n = 2; ; n++) if (!taken.has(procedureNameKey(numbered(n)))) return numbered(n);
}

/**
 * A desk's copy of a procedure (built-in or its own): a new id (`copyId`), version 1, in force for every case, named
 * apart from every name of `names` (the desk's procedures' names: `freeName`).
 */
export function copyOfProcedure(
  p: Procedure,
  taken: ReadonlySet<string>,
  tag?: string,
  names: Iterable<string> = [],
  /** The copy's name from the original's, in the interface's language (« … (copie) » in French; English by default). */
  nameOfCopy: (name: string) => string = copyNameInEnglish,
): Procedure {
  const { effectiveFrom: _from, copiedFrom: _copied, ...rest } = p;
  return {
    ...(JSON.parse(JSON.stringify(rest)) as typeof rest),
    id: copyId(p.id, taken, tag),
    version: 1,
    name: freeName(nameOfCopy(p.name), names),
    copiedFrom: `${p.id} v${p.version}`,
  };
}

/** Why a save is refused, as facts the interface words in its own language (`message` is the English). */
export type SaveRefusal =
  | { kind: 'built-in' }
  | { kind: 'effective-missing' | 'effective-too-early' | 'effective-before-previous'; version: number; date: IsoDate };

/**
 * How an edit of a desk's procedure is saved. Not yet followed by any case: the version is changed where it is.
 * Followed by cases (`lastReceivedOn`: the latest day one of them was received): a NEW version, which needs an
 * effective date after that day, so no existing case changes version. A later version changed where it is may move
 * its day, but only to after `earlierLastReceivedOn` (the latest day a case following an earlier version was
 * received), so no case of an earlier version moves onto it either. A built-in procedure is never saved.
 */
export function savePlan(
  edited: Procedure,
  stored: Procedure | undefined,
  lastReceivedOn: IsoDate | null,
  earlierLastReceivedOn: IsoDate | null = null,
):
  | { ok: true; procedure: Procedure; newVersion: boolean }
  | { ok: false; field: string; message: string; refusal: SaveRefusal } {
  if (BUILT_IN_PROCEDURE_IDS.has(edited.id))
    return {
      ok: false,
      field: 'id',
      message: 'a built-in procedure cannot be changed; copy it first',
      refusal: { kind: 'built-in' },
    };
  if (!stored) return { ok: true, procedure: edited, newVersion: false };
  if (lastReceivedOn === null) {
    const from = edited.effectiveFrom;
    if (earlierLastReceivedOn !== null && (!from || from <= earlierLastReceivedOn)) {
      const previous = stored.version - 1;
      return {
        ok: false,
        field: 'effectiveFrom',
        message: `a case following version ${previous} was received on ${earlierLastReceivedOn}: version ${stored.version} must take effect after that day`,
        refusal: { kind: 'effective-too-early', version: previous, date: earlierLastReceivedOn },
      };
    }
    return { ok: true, procedure: edited, newVersion: false };
  }
  const from = edited.effectiveFrom;
  if (!from || from === stored.effectiveFrom)
    return {
      ok: false,
      field: 'effectiveFrom',
      message: `cases already follow version ${stored.version}: give the day the new version takes effect (after ${lastReceivedOn})`,
      refusal: { kind: 'effective-missing', version: stored.version, date: lastReceivedOn },
    };
  if (from <= lastReceivedOn)
    return {
      ok: false,
      field: 'effectiveFrom',
      message: `a case following version ${stored.version} was received on ${lastReceivedOn}: the new version must take effect after that day`,
      refusal: { kind: 'effective-too-early', version: stored.version, date: lastReceivedOn },
    };
  if (stored.effectiveFrom && from <= stored.effectiveFrom)
    return {
      ok: false,
      field: 'effectiveFrom',
      message: `must be after ${stored.effectiveFrom}, when version ${stored.version} took effect`,
      refusal: { kind: 'effective-before-previous', version: stored.version, date: stored.effectiveFrom },
    };
  return { ok: true, procedure: { ...edited, version: stored.version + 1 }, newVersion: true };
}

export interface PreviewLine {
  label: string;
  dueOn: IsoDate | null;
  explanation: string;
  /** The same as phrases, for the interface to say in its language (i17c). */
  explain: Explanation;
}

/**
 * The preview while editing: a complaint received `today` by `channel` under the edited procedure, on `calendar`:
 * each clock's due date, from the rules engine. An error message when the procedure cannot be evaluated.
 */
export function previewProcedure(
  procedure: Procedure,
  today: IsoDate,
  calendar: CalendarId,
  channel: Channel = 'letter',
): { lines: PreviewLine[] } | { error: string; issue?: ProcedureIssue } {
  // A procedure the schema refuses: its first problem, with its field and code (m17a: said in the interface's language).
  const checked = checkProcedure(procedure);
  if (!checked.ok)
    return { error: `${checked.issues[0].field}: ${checked.issues[0].message}`, issue: checked.issues[0] };
  try {
    // The edited version alone, in force for every day: what it would do to a complaint received today.
    const { effectiveFrom: _from, ...undated } = procedure;
    const registry = withProcedures({ byId: new Map() }, [undated]);
    const evaluation = evaluateCase(
      { procedureId: procedure.id, calendar, receivedOn: today, channel, events: [] },
      today,
      { procedures: registry },
    );
    return {
      lines: evaluation.clocks
        .filter((c) => c.state !== 'not-applicable')
        .map((c) => ({ label: c.label, dueOn: c.dueOn, explanation: c.explanation, explain: c.explain })),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The file a procedure is exported to. */
export interface ProcedureFile {
  format: 'redress-procedure';
  formatVersion: 1;
  procedure: Procedure;
}

export const procedureFile = (procedure: Procedure): ProcedureFile => ({
  format: 'redress-procedure',
  formatVersion: 1,
  procedure,
});

/**
 * Read a procedure file (checked like a backup: the envelope, then THE procedure schema). A built-in procedure's id
 * is refused (import it as a copy: change its id). The message names the field. Nothing is stored here.
 */
export function readProcedureFile(
  text: string,
): { ok: true; procedure: Procedure } | { ok: false; message: string; said: ProcedureSaying } {
  const refuse = (said: ProcedureSaying) => ({ ok: false as const, message: procedureProblemInEnglish(said), said });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse(sayProcedure('file-not-json'));
  }
  const envelope = data as Partial<ProcedureFile> | null;
  if (envelope === null || typeof envelope !== 'object' || envelope.format !== 'redress-procedure')
    return refuse(sayProcedure('file-not-procedure'));
  if (envelope.formatVersion === undefined) return refuse(sayProcedure('file-version-missing'));
  if (envelope.formatVersion !== 1)
    return refuse(sayProcedure('file-version', { version: String(envelope.formatVersion) }));
  const result = checkProcedure(envelope.procedure);
  if (!result.ok) {
    const first = result.issues[0];
    const values = {
      field: first.field || '(root)',
      issue: first.said ?? sayProcedure('other', { message: first.message }),
    };
    return refuse(
      result.issues.length > 1
        ? sayProcedure('file-invalid-more', { ...values, more: result.issues.length - 1 })
        : sayProcedure('file-invalid', values),
    );
  }
  if (BUILT_IN_PROCEDURE_IDS.has(result.procedure.id))
    return refuse(sayProcedure('file-built-in', { id: result.procedure.id }));
  return result;
}
