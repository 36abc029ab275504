// The built-in regimes and their versions in the interface's words (issue #17): the rules engine names a regime by
// its name ("CCTS (Canada)") and a version by its label ("CCTS Procedural Code from May 2023"), which stay the desk's
// record; the interface says a built-in one as its catalogue's `model.regime.<regime>` and
// `explain.regulation.<regime>.<version>`. One the desk loaded itself is said as it is named.
import { BUILT_IN_REGIMES } from '#shared/rules/index';

/**
 * The message key of each built-in regime's versions, by the regime's id and the version's place (a version is never
 * edited, only added: its place stays). Listed so that every catalogue must say each one; regulations.test.ts checks
 * the list is exactly BUILT_IN_REGIMES's.
 */
export const REGULATION_KEYS = [
  'explain.regulation.ofcom-gc-c4.0',
  'explain.regulation.ofcom-gc-c4.1',
  'explain.regulation.ccts.0',
  'explain.regulation.ccts.1',
  'explain.regulation.fca-disp.0',
  'explain.regulation.gb-energy.0',
  'explain.regulation.uk-dpa-complaints.0',
] as const;
export type RegulationKey = (typeof REGULATION_KEYS)[number];

/** The message key of each built-in regime's name (regulations.test.ts checks it against BUILT_IN_REGIMES). */
export const REGIME_KEYS = [
  'model.regime.ofcom-gc-c4',
  'model.regime.ccts',
  'model.regime.fca-disp',
  'model.regime.gb-energy',
  'model.regime.uk-dpa-complaints',
] as const;
export type RegimeKey = (typeof REGIME_KEYS)[number];

/** Whether `key` is one of the literal `keys` above (a built-in one). */
const oneOf = <K extends string>(keys: readonly K[], key: string | undefined): key is K =>
  (keys as readonly string[]).includes(key ?? '');

const regimeKey = (id: string) => `model.regime.${id}`;

/** The English catalogue's names of the built-in regimes: each as the engine writes it. */
export const REGIMES_EN = Object.fromEntries(
  BUILT_IN_REGIMES.map((regime) => [regimeKey(regime.id), regime.name]),
) as Record<RegimeKey, string>;

/** A regime's name in the interface language: a built-in one in the catalogue's words, another as it is named. */
export function regimeNameIn(t: (key: RegimeKey) => string, id: string, name: string): string {
  const key = regimeKey(id);
  return oneOf(REGIME_KEYS, key) ? t(key) : name;
}

/** Each built-in version's label, and its message key as BUILT_IN_REGIMES places it. */
export const BUILT_IN_REGULATIONS: ReadonlyMap<string, string> = new Map(
  BUILT_IN_REGIMES.flatMap((regime) =>
    regime.versions.map((version, i) => [version.label, `explain.regulation.${regime.id}.${i}`] as const),
  ),
);

/** The English catalogue's words: each label as the engine writes it. */
export const REGULATIONS_EN = Object.fromEntries(
  [...BUILT_IN_REGULATIONS].map(([label, key]) => [key, label]),
) as Record<RegulationKey, string>;

/** The message that names a regulation's version, or null for one that is not built in. */
export function regulationKey(label: string): RegulationKey | null {
  const key = BUILT_IN_REGULATIONS.get(label);
  return oneOf(REGULATION_KEYS, key) ? key : null;
}

/**
 * A rule's version label in the interface's words ("Ofcom GC C4 from 2026-04-08" → « condition générale C4 de l’Ofcom
 * en vigueur depuis le 8 avril 2026 »); a procedure's own rule, or a regulation the desk loaded itself, as it is named.
 */
export function regulationIn(t: (key: RegulationKey) => string, label: string): string {
  const key = regulationKey(label);
  return key ? t(key) : label;
}
