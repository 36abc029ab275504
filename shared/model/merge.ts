// Three-way merge of a record's fields: what a form was opened on (base), what is stored now (theirs: another window,
// later another desk) and what the person saved (mine). Pure and generic over flat or nested records of fields, so
// the edit forms and, later, sharing between desks ("Changed at two desks") use the same rule:
//
//   - a field changed on one side only takes that side's value;
//   - a field changed on both sides to the same value takes it;
//   - a field changed on both sides to different values is a conflict: the merged record keeps theirs (what is
//     stored is never overwritten silently) and the conflict is returned to be asked about.
//
// Nested plain objects are merged field by field; anything else (text, numbers, lists, dates) is one value, compared
// by content, and so is a postal address (its lines and postcode together): the lines typed at one desk with the
// postcode typed at another would be an address nobody gave, and letters would go to it. A field missing from a
// record is `undefined`; a merged field whose value is `undefined` is left out.

/** A record of fields: values, or further records of fields. */
export type FieldRecord = { readonly [field: string]: unknown };

export interface FieldConflict {
  /** Where the field is: ['customer', 'phone']. */
  path: string[];
  base: unknown;
  theirs: unknown;
  mine: unknown;
}

export interface MergeResult<T extends FieldRecord> {
  merged: T;
  /** Fields changed on both sides to different values; `merged` holds theirs for each. */
  conflicts: FieldConflict[];
  /** Fields whose merged value came from mine (changed by mine only, not by theirs). */
  fromMine: string[][];
  /** Fields whose merged value came from theirs alone (changed by theirs only). */
  fromTheirs: string[][];
}

function isRecord(value: unknown): value is FieldRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Equal by content: the same text, number, list of equal values or record of equal fields. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** A postal address ({ lines, postcode }): merged as one value. */
const isPostalAddress = (value: unknown) => isRecord(value) && Array.isArray(value.lines) && 'postcode' in value;

function mergeInto(
  base: unknown,
  theirs: unknown,
  mine: unknown,
  path: string[],
  out: Omit<MergeResult<FieldRecord>, 'merged'>,
): unknown {
  if (isRecord(base) && isRecord(theirs) && isRecord(mine) && ![base, theirs, mine].some(isPostalAddress)) {
    const merged: Record<string, unknown> = {};
    const keys = new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)]);
    for (const key of keys) {
      const value = mergeInto(base[key], theirs[key], mine[key], [...path, key], out);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  const mineChanged = !sameValue(base, mine);
  const theirsChanged = !sameValue(base, theirs);
  if (mineChanged && !theirsChanged) {
    out.fromMine.push(path);
    return mine;
  }
  if (theirsChanged && !mineChanged) {
    out.fromTheirs.push(path);
    return theirs;
  }
  if (mineChanged && theirsChanged && !sameValue(mine, theirs)) out.conflicts.push({ path, base, theirs, mine });
  return theirs;
}

/** Merge `mine` (edited from `base`) into `theirs` (what is stored now). See the rule at the top of this file. */
export function mergeFields<T extends FieldRecord>(base: T, theirs: T, mine: T): MergeResult<T> {
  const out = { conflicts: [] as FieldConflict[], fromMine: [] as string[][], fromTheirs: [] as string[][] };
  const merged = mergeInto(base, theirs, mine, [], out) as T;
  return { merged, ...out };
}
