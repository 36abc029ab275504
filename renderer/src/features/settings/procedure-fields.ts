// The procedure editor's fields (issue #16, gap G7): which form paths the editor shows as a field (./ProcedureEditor.tsx
// renders exactly these), and each path's name in the interface language, as its label on the screen says it. A
// problem whose path has a field sits next to it; every problem is also named in the summary above the Save button,
// and one with no field on the screen (the id, the version, the provider, the source, a stage's id, a target's next
// action or quoted words) is said there with what it is about, so nothing is refused without saying where.
import type { ProcedureForm } from '#shared/rules/index';
import type { MessageKey, Translate } from '#lib/i18n/index';

/** A target's fields, as TargetFields shows them: the switch, and when it is on, amount, unit and what is due. */
const TARGET_FIELDS = ['amount', 'unit', 'what'] as const;

/** The target paths the editor shows a TargetFields for, in the order of the screen. */
function targetPaths(f: ProcedureForm): string[] {
  return [
    'acknowledgement',
    'firstResponse.default',
    ...f.channels.map((c) => `firstResponse.byChannel.${c}`),
    ...f.stages.map((_s, i) => `stages.${i}.target`),
  ];
}

/** Every form path the editor shows as a field, for these values (a channel's target only while it is listed). */
export function shownFields(f: ProcedureForm): Set<string> {
  const shown = new Set([
    'name',
    'effectiveFrom',
    'regimeId',
    'adrSchemeId',
    'defaultCalendar',
    'channels',
    'notes',
    'wording.escalation.en',
    'wording.escalation.fr',
    'wording.promisedTimeFrame.en',
    'wording.promisedTimeFrame.fr',
  ]);
  f.stages.forEach((_s, i) => {
    for (const field of ['name', 'owner', 'description', 'escalateWhen', 'enteredBy', 'external'])
      shown.add(`stages.${i}.${field}`);
  });
  for (const path of targetPaths(f)) {
    shown.add(`${path}.on`);
    const target = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], f) as
      { on: boolean } | undefined;
    if (target?.on) for (const field of TARGET_FIELDS) shown.add(`${path}.${field}`);
  }
  return shown;
}

const TOP: Record<string, MessageKey> = {
  name: 'editor.name',
  effectiveFrom: 'editor.effective',
  regimeId: 'editor.regime',
  adrSchemeId: 'editor.scheme',
  defaultCalendar: 'editor.calendar',
  channels: 'editor.channels',
  notes: 'editor.notes',
  'wording.escalation.en': 'editor.escalateEn',
  'wording.escalation.fr': 'editor.escalateFr',
  'wording.promisedTimeFrame.en': 'editor.promiseEn',
  'wording.promisedTimeFrame.fr': 'editor.promiseFr',
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

const STAGE: Record<string, MessageKey> = {
  name: 'editor.stageName',
  owner: 'editor.stageOwner',
  description: 'editor.stageWhat',
  escalateWhen: 'editor.stageMovesOn',
  enteredBy: 'editor.stageEnteredBy',
  external: 'editor.field.stageExternal',
};

const TARGET: Record<string, MessageKey> = {
  on: 'editor.setTarget',
  amount: 'editor.amount',
  unit: 'editor.unit',
  what: 'editor.what',
  action: 'editor.field.action',
  basis: 'editor.field.basis',
};

/** A target's label, as its fieldset's legend says it (`stages.1.target` → "Stage 2 target"). */
function targetLabel(t: Translate, path: string): string | undefined {
  if (path === 'acknowledgement') return t('editor.acknowledgement');
  if (path === 'firstResponse.default') return t('editor.firstResponse');
  const channel = /^firstResponse\.byChannel\.([a-z-]+)$/.exec(path);
  if (channel)
    return t('editor.firstResponseChannel', {
      channel: t(`model.channel.${channel[1]}` as MessageKey).toLowerCase(),
    });
  const stage = /^stages\.(\d+)\.target$/.exec(path);
  if (stage) return t('editor.stageTarget', { n: Number(stage[1]) + 1 });
  return undefined;
}

/**
 * A form path (`checkProcedureForm`'s `issueByField` keys, shared/rules `formField`) named as the editor says it:
 * the field's own label where it has one ("Stage 2: owner"), else what it is about ("The procedure’s id (acme)").
 */
export function fieldNameIn(t: Translate, field: string, f: ProcedureForm): string {
  if (field === 'id') return t('editor.field.id', { id: f.id });
  const top = TOP[field];
  if (top) return t(top);
  const target =
    /^(acknowledgement|firstResponse\.default|firstResponse\.byChannel\.[a-z-]+|stages\.\d+\.target)(?:\.(\w+))?$/.exec(
      field,
    );
  const label = target ? targetLabel(t, target[1]) : undefined;
  if (target && label) {
    const part = target[2] === undefined ? undefined : TARGET[target[2]];
    return part ? t(part, { label }) : label;
  }
  const stage = /^stages\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (stage) {
    const n = Number(stage[1]) + 1;
    if (stage[2] === undefined) return t('editor.stage', { n });
    if (stage[2] === 'id') return t('editor.field.stageId', { n, id: f.stages[n - 1]?.id ?? '' });
    const part = STAGE[stage[2]];
    if (part) return t(part, { n });
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
