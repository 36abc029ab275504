import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFields, sameValue, type FieldRecord } from './merge';

const base = {
  name: 'Ada Lovelace',
  phone: '0161 496 0000',
  email: '',
  address: { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' },
};

describe('mergeFields', () => {
  it('keeps a field changed elsewhere and takes the field I changed (the two-window race)', () => {
    const theirs = { ...base, phone: '0207 946 0000' };
    const mine = { ...base, email: 'ada@example.com' };
    const r = mergeFields(base, theirs, mine);
    expect(r.merged).toEqual({ ...base, phone: '0207 946 0000', email: 'ada@example.com' });
    expect(r.conflicts).toEqual([]);
    expect(r.fromMine).toEqual([['email']]);
    expect(r.fromTheirs).toEqual([['phone']]);
  });

  it('reports a field both changed differently and keeps theirs in the merged record', () => {
    const r = mergeFields(
      base,
      { ...base, phone: '0207 946 0000' },
      { ...base, phone: '0113 496 0999', email: 'a@b.co' },
    );
    expect(r.conflicts).toEqual([
      { path: ['phone'], base: '0161 496 0000', theirs: '0207 946 0000', mine: '0113 496 0999' },
    ]);
    expect(r.merged.phone).toBe('0207 946 0000');
    expect(r.merged.email).toBe('a@b.co');
  });

  it('the same change on both sides is no conflict', () => {
    const both = { ...base, phone: '0207 946 0000' };
    expect(mergeFields(base, both, both)).toMatchObject({ merged: both, conflicts: [] });
  });

  it('merges nested records field by field, and lists as one value', () => {
    const withNeeds = { ...base, needs: { largePrint: false, post: false, lines: ['a'] } };
    const theirs = { ...withNeeds, needs: { ...withNeeds.needs, post: true } };
    const mine = { ...withNeeds, needs: { ...withNeeds.needs, largePrint: true } };
    const r = mergeFields(withNeeds, theirs, mine);
    expect(r.merged.needs).toEqual({ largePrint: true, post: true, lines: ['a'] });
    expect(r.fromMine).toEqual([['needs', 'largePrint']]);
    const lists = mergeFields(
      withNeeds,
      { ...withNeeds, needs: { ...withNeeds.needs, lines: ['b'] } },
      {
        ...withNeeds,
        needs: { ...withNeeds.needs, lines: ['c'] },
      },
    );
    expect(lists.conflicts.map((c) => c.path)).toEqual([['needs', 'lines']]);
  });

  it('merges a postal address as one value: never the lines of one side with the postcode of the other', () => {
    // The customer moved (new lines and postcode) on one side; the other added a district to the old lines.
    const moved = { ...base, address: { lines: ['7 Harbour Road', 'Portsmouth'], postcode: 'PO1 2AA' } };
    const district = { ...base, address: { ...base.address, lines: ['12 St James Square', 'Westminster', 'London'] } };
    const r = mergeFields(base, moved, district);
    expect(r.merged.address).toEqual(moved.address);
    expect(r.conflicts.map((c) => c.path)).toEqual([['address']]);
    // Changed on one side only, it is taken whole.
    const one = mergeFields(base, base, district);
    expect(one.merged.address).toEqual(district.address);
    expect(one.fromMine).toEqual([['address']]);
  });

  it('a field added or removed on one side is a change like any other', () => {
    const { email: _e, ...withoutEmail } = base;
    const r = mergeFields<FieldRecord>(base, { ...base, account: 'A-1' }, withoutEmail);
    expect(r.merged).toEqual({ ...withoutEmail, account: 'A-1' });
    expect('email' in r.merged).toBe(false);
  });
});

// Records of a few fields whose values are drawn from small sets, so both sides often touch the same field.
const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c', ''),
  fc.constant(undefined),
  fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  fc.integer({ min: 0, max: 2 }),
);
const KEYS = ['p', 'q', 'r', 's'] as const;
const flat = fc.record({ p: value, q: value, r: value, s: value });
const nested = fc.record({ p: value, q: value, inner: flat });

/** Every leaf path of a record shaped like `flat` or `nested`. */
function leaves(shape: FieldRecord): string[][] {
  return Object.keys(shape).flatMap((k) => (k === 'inner' ? KEYS.map((kk) => [k, kk]) : [[k]]));
}
const at = (r: unknown, path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], r);

describe('mergeFields: no change on either side is ever lost', () => {
  for (const [name, arb] of [
    ['flat', flat],
    ['nested', nested],
  ] as const) {
    it(`${name}: a field changed on one side only has that side's value; one changed on both differently is a conflict`, () => {
      fc.assert(
        fc.property(arb, arb, arb, (base, theirs, mine) => {
          const r = mergeFields<FieldRecord>(base, theirs, mine);
          const conflicted = new Set(r.conflicts.map((c) => c.path.join('.')));
          for (const path of leaves(base)) {
            const [b, t, m, got] = [at(base, path), at(theirs, path), at(mine, path), at(r.merged, path)];
            const mineChanged = !sameValue(b, m);
            const theirsChanged = !sameValue(b, t);
            // Changed by me only: mine. Not changed by me: theirs. Changed by both alike: that value (= theirs).
            // Both changed it differently: neither is lost: theirs stays stored, mine comes back as a conflict.
            const clash = mineChanged && theirsChanged && !sameValue(m, t);
            const key = path.join('.');
            expect(sameValue(got, mineChanged && !theirsChanged ? m : t), key).toBe(true);
            expect(conflicted.has(key), key).toBe(clash);
            const c = r.conflicts.find((x) => x.path.join('.') === key);
            expect(
              c === undefined || (sameValue(c.mine, m) && sameValue(c.theirs, t) && sameValue(c.base, b)),
              key,
            ).toBe(true);
          }
          // Only real clashes are conflicts.
          for (const c of r.conflicts)
            expect(!sameValue(c.base, c.mine) && !sameValue(c.base, c.theirs) && !sameValue(c.mine, c.theirs)).toBe(
              true,
            );
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('nothing changed by me gives theirs; nothing changed by them gives mine; the same edit twice changes nothing', () => {
    fc.assert(
      fc.property(nested, nested, (base, other) => {
        expect(sameValue(mergeFields<FieldRecord>(base, other, base).merged, other)).toBe(true);
        expect(sameValue(mergeFields<FieldRecord>(base, base, other).merged, other)).toBe(true);
        const same = mergeFields<FieldRecord>(base, other, other);
        expect(same.conflicts).toEqual([]);
        expect(sameValue(same.merged, other)).toBe(true);
      }),
    );
  });

  it('choosing for each conflict, by merging again from theirs, keeps every other change', () => {
    fc.assert(
      fc.property(flat, flat, flat, fc.boolean(), (base, theirs, mine, useMine) => {
        const first = mergeFields<FieldRecord>(base, theirs, mine);
        // The form's answer: the conflicting fields are re-based on theirs and set to the chosen value.
        const rebased: Record<string, unknown> = { ...base };
        const chosen: Record<string, unknown> = { ...mine };
        for (const c of first.conflicts) {
          rebased[c.path[0]] = c.theirs;
          chosen[c.path[0]] = useMine ? c.mine : c.theirs;
        }
        const second = mergeFields<FieldRecord>(rebased, theirs, chosen);
        expect(second.conflicts).toEqual([]);
        // A conflicting field has the chosen side's value; every other field what the first merge gave it.
        for (const k of KEYS) {
          const c = first.conflicts.find((x) => x.path[0] === k);
          expect(sameValue(second.merged[k], c ? (useMine ? c.mine : c.theirs) : first.merged[k]), k).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
