// How the revisions of a mutable shared document become one again (issue #14). Pure.
//
// Two desks offline can both change one case (or person, or counter). When they meet, CouchDB keeps every revision
// and names the same winner on every replica (the longest revision history, then the highest revision id: no desk's
// clock is trusted). Redress then merges the losing revisions into the winner, field by field, with the same rule as
// two windows on one desk (shared/model/merge.ts), taking as the base the revision both sides grew from:
//
//   - a field changed on one side only is kept from that side;
//   - a field changed on both sides to the same value is kept;
//   - a field changed on both sides to different values keeps the WINNER's value (the same on every desk) and is
//     recorded as a clash: "Changed at two desks", with both values, which desk and person, and when, until a person
//     confirms the value kept or picks the other one. Nothing is dropped silently;
//   - a clash settled at two desks, each not knowing of the other, with different choices is asked again, each
//     choice a side (`Settlement`): one handler's choice never overrules another's without a word.
//
// When the common revision is no longer held (compacted away), every field the two sides hold differently is a
// clash: the safe answer is to ask. `updatedAt` is never a clash (the later one is kept); an anonymised revision
// wins whole (erasure is never undone by a merge) and takes no clashes with it (they hold personal data).
import type { CaseRecord } from '#shared/model/case';
import { mergeFields, sameValue, type FieldRecord } from '#shared/model/merge';

/** Who wrote a revision: the desk's server user, and the person working there, and when (the desk's own clock). */
export interface EditStamp {
  writer: string;
  by?: string;
  at?: string;
}

/** One value of a clash: what it was and who set it. */
export interface ClashSide extends EditStamp {
  value: unknown;
}

/**
 * A field changed at two (or more) desks to different values: `kept` is in the case now; `other` was not taken, nor
 * were `more` (a third desk's value, and so on: every value given to the field while the desks were apart stays here
 * until a person settles it).
 */
export interface CaseClash {
  /** Where the field is: ['customer', 'phone']. */
  path: string[];
  kept: ClashSide;
  other: ClashSide;
  more?: ClashSide[];
}

/** Every value of a clash not in the case: `other`, then `more`. */
export function otherSides(clash: CaseClash): ClashSide[] {
  return [clash.other, ...(clash.more ?? [])];
}

/**
 * A clash a person settled, remembered with every value it had, and with what people chose. Two desks that settle the
 * same clash at the same time (or while apart), each not knowing of the other, may choose differently: the case can
 * hold only one of the values, so the field is asked again (`disputedClashes`), with each person's choice as a side,
 * instead of one choice overruling the other without a word. Settling it again replaces both choices.
 */
export interface Settlement extends CaseClash {
  /**
   * The choices that stand: each the value chosen, with the desk's server user, the person and the time of the
   * settling. One, or several with one value (desks that settled alike); two or more values: settled differently.
   * Absent on settlements recorded before choices were (never asked again: nothing says what they chose).
   */
  chosen?: ClashSide[];
  /**
   * Choices a later settlement of the field replaced (the person settling had heard of them): a revision made before
   * it heard, which still carries one of them, does not bring it back.
   */
  replaced?: ClashSide[];
}

/** One revision of a case document: its body, who wrote it, and the clashes it already carries and has settled. */
export interface CaseRevision {
  body: CaseRecord;
  stamp: EditStamp;
  clashes?: readonly CaseClash[];
  /**
   * Clashes a person settled (`settleClash`), kept with every value they had: another desk's revision made before it
   * heard of the settlement still carries the clash, and the merge recognises it as settled instead of bringing it
   * back. A clash with a value the settlement did not have (a new edit) is a new question and stays.
   */
  settled?: readonly Settlement[];
}

/** A losing revision and the body of the revision it and the winner both descend from (null: no longer held). */
export interface LosingRevision extends CaseRevision {
  base: CaseRecord | null;
}

export interface CaseMerge {
  body: CaseRecord;
  clashes: CaseClash[];
  settled: Settlement[];
}

const pathKey = (path: readonly string[]) => path.join('.');

const UNKNOWN = Symbol('unknown base value');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stand-in base when the common revision is gone: the records both sides hold stay records (so they merge field by
 * field), and every value is one neither side had, so each field the sides hold differently is a clash.
 */
function unknownBase(a: unknown, b: unknown): unknown {
  if (!isRecord(a) || !isRecord(b)) return UNKNOWN;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = unknownBase(a[key], b[key]);
  return out;
}

/** The later of two ISO timestamps (either may be missing). */
function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}

/** Clashes by field: two clashes on one field become one holding every value of both. */
function unionClashes(...lists: ReadonlyArray<readonly CaseClash[] | undefined>): CaseClash[] {
  const byPath = new Map<string, CaseClash>();
  for (const list of lists)
    for (const clash of list ?? []) {
      const key = pathKey(clash.path);
      const had = byPath.get(key);
      byPath.set(key, had ? { ...clash, more: [...otherSides(clash).slice(1), had.kept, ...otherSides(had)] } : clash);
    }
  return [...byPath.values()];
}

/** Sides once each (the same value, desk, person and time), in one order whatever order they came in. */
function distinctChoices(sides: readonly ClashSide[]): ClashSide[] {
  const key = (side: ClashSide) => [side.at ?? '', side.writer, side.by ?? '', JSON.stringify(side.value) ?? ''];
  const out: ClashSide[] = [];
  for (const side of sides) if (!out.some((o) => sameValue(o, side))) out.push(side);
  return out.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const i = ka.findIndex((k, n) => k !== kb[n]);
    return i < 0 ? 0 : ka[i] < kb[i] ? -1 : 1;
  });
}

/**
 * Settlements by field, each with every value once (they only ever grow, so they are kept small), and with the
 * choices of all of them that no settlement replaced (in one order, so every desk writes the same record).
 */
function unionSettled(...lists: ReadonlyArray<readonly Settlement[] | undefined>): Settlement[] {
  const all = lists.flatMap((list) => list ?? []);
  return unionClashes(...lists).map((clash) => {
    const sides: ClashSide[] = [];
    for (const side of [clash.kept, ...otherSides(clash)])
      if (!sides.some((s) => sameValue(s.value, side.value))) sides.push(side);
    const [kept, other = kept, ...more] = sides;
    const records = all.filter((s) => pathKey(s.path) === pathKey(clash.path));
    const replaced = distinctChoices(records.flatMap((s) => s.replaced ?? []));
    const chosen = distinctChoices(records.flatMap((s) => s.chosen ?? [])).filter(
      (choice) => !replaced.some((r) => sameValue(r, choice)),
    );
    return {
      path: clash.path,
      kept,
      other,
      ...(more.length ? { more } : {}),
      ...(chosen.length ? { chosen } : {}),
      ...(replaced.length ? { replaced } : {}),
    };
  });
}

/** The choices of a settlement that stand, once per value. */
function choicesOf(settlement: Settlement): ClashSide[] {
  const out: ClashSide[] = [];
  for (const side of settlement.chosen ?? []) if (!out.some((o) => sameValue(o.value, side.value))) out.push(side);
  return out;
}

/**
 * The fields settled differently (two people, each not knowing of the other's settlement, chose different values),
 * as clashes to ask again: each choice a side, with who chose it and when.
 */
function disputedClashes(settled: readonly Settlement[]): CaseClash[] {
  return settled.flatMap((settlement) => {
    const [kept, other, ...more] = choicesOf(settlement);
    return other ? [{ path: settlement.path, kept, other, ...(more.length ? { more } : {}) }] : [];
  });
}

/** Whether the field at `path` was settled differently at two desks and is asked again (the case page says so). */
export function settledDifferently(settled: readonly Settlement[] | undefined, path: readonly string[]): boolean {
  const settlement = settled?.find((s) => pathKey(s.path) === pathKey(path));
  return !!settlement && choicesOf(settlement).length > 1;
}

/** Every value a clash holds. */
const valuesOf = (clash: CaseClash) => [clash.kept, ...otherSides(clash)].map((side) => side.value);

/** Whether a settlement already answered this clash: same field, and no value the settlement did not have. */
function answeredBy(clash: CaseClash, settled: readonly CaseClash[]): boolean {
  const done = settled.find((s) => pathKey(s.path) === pathKey(clash.path));
  if (!done) return false;
  const known = valuesOf(done);
  return valuesOf(clash).every((value) => known.some((k) => sameValue(k, value)));
}

/**
 * A clash as the merged case has it: `kept` is the side whose value the case holds, the others follow once each
 * (by value), in the order they were met. When the case holds none of the clash's values (a desk changed the field
 * again after the clash was recorded, and that change was merged in), that later value is `kept`, with the stamp of
 * the revision that holds it, and every earlier value is among the others: the list always says what the case holds.
 * Null when no other value is left.
 */
function settledAgainst(clash: CaseClash, body: CaseRecord, holder: EditStamp): CaseClash | null {
  const current = valueAt(body, clash.path);
  const sides = [clash.kept, ...otherSides(clash)];
  const kept = sides.find((side) => sameValue(side.value, current)) ?? { value: current, ...holder };
  const others: ClashSide[] = [];
  for (const side of sides) {
    if (sameValue(side.value, kept.value) || others.some((o) => sameValue(o.value, side.value))) continue;
    others.push(side);
  }
  if (others.length === 0) return null;
  const [other, ...more] = others;
  return { path: clash.path, kept, other, ...(more.length ? { more } : {}) };
}

/** Merge the losing revisions of a case into the winning one. The same inputs give the same result on every desk. */
export function mergeCaseRevisions(winner: CaseRevision, losers: readonly LosingRevision[]): CaseMerge {
  const anonymised = [winner, ...losers].find((r) => r.body.anonymisedOn);
  if (anonymised) {
    const updatedAt = [winner, ...losers].reduce<string | undefined>((t, r) => later(t, r.body.updatedAt), undefined);
    return {
      body: { ...anonymised.body, updatedAt: updatedAt ?? anonymised.body.updatedAt },
      clashes: [],
      settled: [],
    };
  }
  let body = winner.body;
  let clashes = unionClashes(winner.clashes);
  for (const loser of losers) {
    const base = (loser.base ?? unknownBase(body, loser.body)) as FieldRecord;
    const result = mergeFields(base, body as unknown as FieldRecord, loser.body as unknown as FieldRecord);
    const merged = result.merged as unknown as CaseRecord;
    const updatedAt = later(body.updatedAt, loser.body.updatedAt);
    body = { ...merged, ...(updatedAt ? { updatedAt } : {}) };
    const fresh: CaseClash[] = result.conflicts
      .filter((c) => pathKey(c.path) !== 'updatedAt')
      .map((c) => ({
        path: c.path,
        kept: { value: c.theirs, ...winner.stamp },
        other: { value: c.mine, ...loser.stamp },
      }));
    // A clash the loser carried stays unless this merge settles its field again.
    clashes = unionClashes(clashes, loser.clashes, fresh);
  }
  // Who wrote the value the merged case holds at a path: the first revision (winner, then losers) holding it.
  const holder = (path: readonly string[]): EditStamp =>
    [winner, ...losers].find((r) => sameValue(valueAt(r.body, path), valueAt(body, path)))?.stamp ?? winner.stamp;
  // Settled at one desk, still carried by a revision made before the settlement reached it: stays settled. Settled
  // at two desks with different choices: asked again, with the choices as its sides, whatever the revisions carried.
  const settled = unionSettled(winner.settled, ...losers.map((l) => l.settled));
  const asked = clashesAgainst(body, clashes, holder).filter((c) => !answeredBy(c, settled));
  const open = clashesAgainst(body, unionClashes(asked, disputedClashes(settled)), holder);
  return { body, clashes: open, settled };
}

/**
 * A case's clashes as its body has them now (`settledAgainst`): each clash's `kept` is the value the case holds, the
 * one a later edit put there (`holder` says who wrote it) included; a clash whose values have since become equal (the
 * same value typed at both desks) needs nobody and goes. Every case document a desk writes carries its clashes so.
 */
export function clashesAgainst(
  body: CaseRecord,
  clashes: readonly CaseClash[],
  holder: (path: readonly string[]) => EditStamp,
): CaseClash[] {
  return clashes.map((c) => settledAgainst(c, body, holder(c.path))).filter((c): c is CaseClash => c !== null);
}

/** The value at a path of a case (for showing a clash's field as it is now). */
export function valueAt(record: unknown, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The case with the value at `path` replaced (a missing value removes the field). Parents are copied, not changed. */
export function withValueAt<T>(record: T, path: readonly string[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const current = (record ?? {}) as Record<string, unknown>;
  const next = { ...current };
  const child = rest.length ? withValueAt(current[head], rest, value) : value;
  if (child === undefined) delete next[head];
  else next[head] = child;
  return next as T;
}

/**
 * The case after a person settled a clash: `choice` 'kept' confirms the value in the case; 'other' puts the other
 * desk's value in. Either way the clash is gone from the list. `settler` (the desk, the person, the time) records the
 * choice, so a different choice made at another desk meanwhile is seen (Settlement.chosen); it replaces every choice
 * of the field recorded here before.
 */
export function settleClash(
  record: CaseRecord,
  clashes: readonly CaseClash[],
  path: readonly string[],
  choice: 'kept' | 'other' | number,
  settled: readonly Settlement[] = [],
  settler?: EditStamp,
): { record: CaseRecord; clashes: CaseClash[]; settled: Settlement[] } {
  const clash = clashes.find((c) => pathKey(c.path) === pathKey(path));
  if (!clash) return { record, clashes: [...clashes], settled: [...settled] };
  const rest = clashes.filter((c) => c !== clash);
  const chosen = chosenSide(clash, choice);
  const known = settled.filter((s) => pathKey(s.path) === pathKey(path));
  const settlement: Settlement = settler
    ? {
        ...clash,
        chosen: [{ value: chosen.value, ...settler }],
        replaced: known.flatMap((s) => [...(s.chosen ?? []), ...(s.replaced ?? [])]),
      }
    : clash;
  return {
    record: chosen === clash.kept ? record : withValueAt(record, path, chosen.value),
    clashes: rest,
    // Remembered with every value it had (see CaseRevision.settled), one record per field.
    settled: unionSettled(settled, [settlement]),
  };
}

/** The side a choice names: 'kept', 'other', or the index of one of `otherSides` (0 is `other`). */
export function chosenSide(clash: CaseClash, choice: 'kept' | 'other' | number): ClashSide {
  if (choice === 'kept') return clash.kept;
  if (choice === 'other') return clash.other;
  return otherSides(clash)[choice] ?? clash.other;
}

/** Merge two revisions of a record with no clash list (people): the winner's value is kept where both changed. */
export function mergePlainRevisions<T extends object>(
  winner: T,
  losers: ReadonlyArray<{ body: T; base: T | null }>,
): T {
  let body = winner;
  for (const loser of losers) {
    body = mergeFields(
      (loser.base ?? unknownBase(body, loser.body)) as FieldRecord,
      body as unknown as FieldRecord,
      loser.body as unknown as FieldRecord,
    ).merged as unknown as T;
  }
  return body;
}

/** Merge counters: a sequence number once handed out is never handed out again, so the highest `last` is kept. */
export function mergeCounterRevisions<T extends { last: number }>(winner: T, losers: readonly T[]): T {
  return losers.reduce((best, c) => (c.last > best.last ? { ...best, last: c.last } : best), winner);
}
