// The procedure editor's fields (issue #16, gap G7), declared once: which form paths the editor shows as a field, in
// the screen's order, and each one's label. ./ProcedureEditor.tsx draws every field's label from here (`fieldLabel`,
// `targetLabel`), and ./ProcedureEditor.test.tsx draws the editor and checks that its fields are exactly `shownFields`,
// in order, label for label; so a field added to the editor is added here, or that test fails.
// A problem whose path has a field sits next to it; every problem is also named in the summary above the Save button,
// and one with no field on the screen (the id, the version, the provider, the source, a stage's id, a target's next
// action or quoted words) is said there with what it is about, so nothing is refused without saying where.
import type { Channel } from '#shared/model/case';
import type { ProcedureForm } from '#shared/rules/index';
import type { MessageKey, MessageValues, Translate } from '#lib/i18n/index';

/** The fields above the targets: form path → label. */
const HEAD = {
  name: 'editor.name',
  effectiveFrom: 'editor.effective',
  regimeId: 'editor.regime',
  adrSchemeId: 'editor.scheme',
  defaultCalendar: 'editor.calendar',
  channels: 'editor.channels',
} as const satisfies Record<string, MessageKey>;

/** A stage's fields (`stages.1.owner`): each label says the stage's number ({n}). */
const STAGE = {
  name: 'editor.stageName',
  owner: 'editor.stageOwner',
  description: 'editor.stageWhat',
  escalateWhen: 'editor.stageMovesOn',
  enteredBy: 'editor.stageEnteredBy',
  // Every stage's checkbox says the same words; the summary names it with the stage (STAGE_NAMED).
  external: 'editor.external',
} as const satisfies Record<string, MessageKey>;

/** A stage field whose label does not say which stage: the summary's name for it. */
const STAGE_NAMED: Partial<Record<StageField, MessageKey>> = { external: 'editor.field.stageExternal' };

/** A target's fields (`acknowledgement.amount`): the switch, and while it is on, amount, unit, what is due and the
 *  next step's wording; each label says the target's own ({label}, its fieldset's legend). */
const TARGET = {
  on: 'editor.setTarget',
  amount: 'editor.amount',
  unit: 'editor.unit',
  what: 'editor.what',
  action: 'editor.action',
} as const satisfies Record<string, MessageKey>;

/** The fields below the stages. */
const TAIL = {
  'wording.escalation.en': 'editor.escalateEn',
  'wording.escalation.fr': 'editor.escalateFr',
  'wording.promisedTimeFrame.en': 'editor.promiseEn',
  'wording.promisedTimeFrame.fr': 'editor.promiseFr',
  notes: 'editor.notes',
} as const satisfies Record<string, MessageKey>;

/** Parts of a procedure with no field of their own, named by what they are about (a part, or a heading). */
const ABOUT: Record<string, MessageKey> = {
  'wording.escalation': 'editor.field.escalation',
  'wording.promisedTimeFrame': 'editor.field.promise',
  wording: 'editor.letters',
  version: 'editor.field.version',
  copiedFrom: 'editor.field.copiedFrom',
  provider: 'editor.field.provider',
  'provider.name': 'editor.field.providerName',
  'provider.country': 'editor.field.providerCountry',
  source: 'editor.field.source',
  stages: 'editor.stages',
  firstResponse: 'editor.firstResponse',
  'firstResponse.byChannel': 'editor.byChannel',
};

/** A target's part with no field: the provider's own words. */
const TARGET_ABOUT: Record<string, MessageKey> = { basis: 'editor.field.basis' };

type StageField = keyof typeof STAGE;
type TargetField = keyof typeof TARGET;

/** The targets the editor shows a fieldset for: a channel's only while it is listed. */
export type TargetPath =
  'acknowledgement' | 'firstResponse.default' | `firstResponse.byChannel.${Channel}` | `stages.${number}.target`;

/** A form path the editor can show as a field. */
export type FieldPath =
  keyof typeof HEAD | keyof typeof TAIL | `stages.${number}.${StageField}` | `${TargetPath}.${TargetField}`;

const own = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

const TARGET_PATH =
  /^(acknowledgement|firstResponse\.default|firstResponse\.byChannel\.[a-z-]+|stages\.\d+\.target)(?:\.(\w+))?$/;

/** A target's label, as its fieldset's legend says it (`stages.1.target` → "Stage 2 target"). */
export function targetLabel(t: Translate, path: TargetPath): string {
  if (path === 'acknowledgement') return t('editor.acknowledgement');
  if (path === 'firstResponse.default') return t('editor.firstResponse');
  if (path.startsWith('firstResponse.byChannel.'))
    return t('editor.firstResponseChannel', {
      channel: t(`model.channel.${path.slice('firstResponse.byChannel.'.length) as Channel}`).toLowerCase(),
    });
  return t('editor.stageTarget', { n: Number(path.split('.')[1]) + 1 });
}

/** A path's field: its label's message and values, and the summary's own name for it where the label is not enough. */
function fieldOf(t: Translate, path: string): { label: MessageKey; values?: MessageValues; named?: MessageKey } | null {
  if (own(HEAD, path)) return { label: HEAD[path] };
  if (own(TAIL, path)) return { label: TAIL[path] };
  const target = TARGET_PATH.exec(path);
  if (target?.[2] !== undefined && own(TARGET, target[2]))
    return { label: TARGET[target[2]], values: { label: targetLabel(t, target[1] as TargetPath) } };
  const stage = /^stages\.(\d+)\.(\w+)$/.exec(path);
  if (stage && own(STAGE, stage[2]))
    return { label: STAGE[stage[2]], values: { n: Number(stage[1]) + 1 }, named: STAGE_NAMED[stage[2]] };
  return null;
}

/** A field's label, as the editor shows it ("Stage 2: owner", "Acknowledgement: amount"). */
export function fieldLabel(t: Translate, path: FieldPath): string {
  const field = fieldOf(t, path);
  return field ? t(field.label, field.values) : t('editor.field.other', { field: path });
}

/** The target paths the editor shows a fieldset for, in the order of the screen. */
function targetPaths(f: ProcedureForm): TargetPath[] {
  return [
    'acknowledgement',
    'firstResponse.default',
    ...f.channels.map((c) => `firstResponse.byChannel.${c}` as const),
  ];
}

/** A target's fields: the switch, and its amount, unit, what is due and next step while it is on. */
function targetFields(path: TargetPath, target: { on: boolean } | undefined): FieldPath[] {
  const fields = Object.keys(TARGET) as TargetField[];
  return (target?.on ? fields : fields.filter((k) => k === 'on')).map((k) => `${path}.${k}` as const);
}

/**
 * Every form path the editor shows as a field, for these values, in the screen's order (a channel's target only while
 * the channel is listed; a target's amount, unit, what is due and next step only while it is set).
 */
export function shownFields(f: ProcedureForm): ReadonlySet<string> {
  const shown: FieldPath[] = Object.keys(HEAD) as (keyof typeof HEAD)[];
  for (const path of targetPaths(f)) {
    const target = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], f);
    shown.push(...targetFields(path, target as { on: boolean } | undefined));
  }
  f.stages.forEach((stage, i) => {
    shown.push(...(Object.keys(STAGE) as StageField[]).map((k) => `stages.${i}.${k}` as const));
    shown.push(...targetFields(`stages.${i}.target`, stage.target));
  });
  shown.push(...(Object.keys(TAIL) as (keyof typeof TAIL)[]));
  return new Set(shown);
}

/**
 * A form path (`checkProcedureForm`'s `issueByField` keys, shared/rules `formField`) named as the editor says it:
 * the field's own label where it has one ("Stage 2: owner"), else what it is about ("The procedure’s id (acme)").
 */
export function fieldNameIn(t: Translate, field: string, f: ProcedureForm): string {
  if (field === 'id') return t('editor.field.id', { id: f.id });
  const shown = fieldOf(t, field);
  if (shown) return t(shown.named ?? shown.label, shown.values);
  if (own(ABOUT, field)) return t(ABOUT[field]);
  const target = TARGET_PATH.exec(field);
  if (target) {
    const label = targetLabel(t, target[1] as TargetPath);
    const part = target[2] === undefined ? undefined : TARGET_ABOUT[target[2]];
    return part ? t(part, { label }) : label;
  }
  const stage = /^stages\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (stage) {
    const n = Number(stage[1]) + 1;
    if (stage[2] === undefined) return t('editor.stage', { n });
    if (stage[2] === 'id') return t('editor.field.stageId', { n, id: f.stages[n - 1]?.id ?? '' });
  }
  return t('editor.field.other', { field: field || '—' });
}

/**
 * The summary's lines: every problem named by its field, in the order given; one with no field on the screen says
 * so. `problems` maps a form path to its problem, already in the interface language.
 */
export function problemSummary(t: Translate, problems: Record<string, string>, f: ProcedureForm): string[] {
  const shown = shownFields(f);
  return Object.entries(problems).map(([field, problem]) =>
    t(shown.has(field) ? 'editor.problem' : 'editor.problemNoField', { field: fieldNameIn(t, field, f), problem }),
  );
}
