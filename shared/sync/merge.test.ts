import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CaseRecord } from '#shared/model/case';
import { storedCase } from '#shared/model/stored';
import { customer } from '#test/support/cases';
import {
  mergeCaseRevisions,
  mergeCounterRevisions,
  mergePlainRevisions,
  otherSides,
  settleClash,
  settledDifferently,
  valueAt,
  withValueAt,
  type CaseRevision,
} from './merge';

const base: CaseRecord = {
  id: 'c1',
  reference: 'LDS-2026-000001',
  receivedOn: '2026-11-18',
  channel: 'letter',
  customer: {
    ...customer(),
    title: 'ms',
    phone: '0113 496 0000',
    email: 'ada@example.com',
    accountNumber: 'AC-1',
    isBusiness: true,
    employees: 4,
  },
  representative: {
    name: 'Byron',
    relationship: 'Son',
    address: { lines: ['1 Lane'], postcode: 'LS1 1AA' },
    authority: { kind: 'written-consent', on: '2026-11-18', details: 'Signed' },
  },
  communication: { language: 'en-GB', largePrint: false, prefersPost: true },
  category: 'billing',
  summary: 'Charged twice',
  procedureId: 'kijoma',
  providerId: 'first',
  calendar: 'england-and-wales',
  stage: 'stage-1',
  status: 'open',
  assignee: 'Sam',
  createdAt: '2026-11-18T09:00:00.000Z',
  updatedAt: '2026-11-18T09:00:00.000Z',
  vulnerability: {
    details: 'Hearing loss',
    reason: 'customer-asked',
    note: 'Asked for email',
    recordedOn: '2026-11-18',
    recordedBy: 'Sam',
  },
};

const A = { writer: 'desk-a', by: 'Sam', at: '2026-11-20T10:00:00.000Z' };
const B = { writer: 'desk-b', by: 'Kim', at: '2026-11-20T10:05:00.000Z' };

/** Every leaf field of the case (nested records down to their fields), except the keys. */
function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}
const FIELDS = leafPaths(base).filter((p) => !['id', 'reference', 'updatedAt'].includes(p[0]));

/** Every field the stored case schema names, nested records down to their fields (lists such as address lines whole). */
function schemaPaths(schema: z.ZodType, path: string[] = []): string[][] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject)
    return Object.entries(inner.shape).flatMap(([k, v]) => schemaPaths(v as z.ZodType, [...path, k]));
  return [path];
}

const changed = (path: string[], value: unknown, at: string): CaseRecord => ({
  ...withValueAt(base, path, value),
  updatedAt: at,
});

describe('merging two desks’ revisions of a case', () => {
  it('proves every field the case schema has (a new field fails here until the fixture holds it)', () => {
    const proved = new Set(leafPaths(base).map((p) => p.join('.')));
    const lists = ['customer.address.lines', 'representative.address.lines'];
    const needed = schemaPaths(storedCase)
      .map((p) => p.join('.'))
      .filter((p) => !['id', 'reference', 'updatedAt', 'anonymisedOn'].includes(p));
    // Address lines are a list: changed whole (one value), proved as `address.lines.0` here.
    expect(needed.filter((p) => !proved.has(p) && !(lists.includes(p) && proved.has(`${p}.0`)))).toEqual([]);
  });

  it.each(FIELDS.map((p) => [p.join('.'), p]))('%s changed at one desk only is kept, from either side', (_, path) => {
    const mine = changed(path, `changed ${path.join('.')}`, B.at);
    const winner: CaseRevision = { body: { ...base, updatedAt: A.at }, stamp: A };
    const asLoser = mergeCaseRevisions(winner, [{ body: mine, stamp: B, base }]);
    expect(valueAt(asLoser.body, path)).toBe(`changed ${path.join('.')}`);
    expect(asLoser.clashes).toEqual([]);
    const asWinner = mergeCaseRevisions({ body: mine, stamp: B }, [{ body: winner.body, stamp: A, base }]);
    expect(valueAt(asWinner.body, path)).toBe(`changed ${path.join('.')}`);
    expect(asWinner.clashes).toEqual([]);
    expect(asWinner.body.updatedAt).toBe(B.at);
  });

  it.each(FIELDS.map((p) => [p.join('.'), p]))(
    '%s changed at both desks to different values keeps the winner’s and records both as a clash',
    (_, path) => {
      const fromA = changed(path, 'from A', A.at);
      const fromB = changed(path, 'from B', B.at);
      const result = mergeCaseRevisions({ body: fromA, stamp: A }, [{ body: fromB, stamp: B, base }]);
      expect(valueAt(result.body, path)).toBe('from A');
      // A postal address clashes whole (shared/model/merge.ts): its lines and postcode are one value.
      const at = path.includes('address') ? path.slice(0, path.indexOf('address') + 1) : path;
      expect(result.clashes).toEqual([
        { path: at, kept: { value: valueAt(fromA, at), ...A }, other: { value: valueAt(fromB, at), ...B } },
      ]);
      // The later edit time is the case's, whichever revision won.
      expect(result.body.updatedAt).toBe(B.at);
    },
  );

  it('merges different fields from both sides, with no clash', () => {
    const a = { ...base, customer: { ...base.customer, phone: '0113 000 1111' }, updatedAt: A.at };
    const b = { ...base, customer: { ...base.customer, email: 'ada@new.example' }, summary: 'New summary' };
    const result = mergeCaseRevisions({ body: a, stamp: A }, [{ body: b, stamp: B, base }]);
    expect(result.body.customer).toMatchObject({ phone: '0113 000 1111', email: 'ada@new.example' });
    expect(result.body.summary).toBe('New summary');
    expect(result.clashes).toEqual([]);
  });

  it('the same change at both desks is no clash', () => {
    const a = changed(['summary'], 'Same words', A.at);
    const b = changed(['summary'], 'Same words', B.at);
    expect(mergeCaseRevisions({ body: a, stamp: A }, [{ body: b, stamp: B, base }]).clashes).toEqual([]);
  });

  it('without the common revision, every field held differently is asked about', () => {
    const a = changed(['summary'], 'A words', A.at);
    const b = { ...changed(['customer', 'phone'], '0700', B.at) };
    const result = mergeCaseRevisions({ body: a, stamp: A }, [{ body: b, stamp: B, base: null }]);
    expect(result.clashes.map((c) => c.path.join('.')).sort()).toEqual(['customer.phone', 'summary']);
    expect(result.body.summary).toBe('A words');
  });

  it('a field removed at one desk is removed', () => {
    const a = { ...base, updatedAt: A.at };
    const { assignee: _, ...b } = base;
    const result = mergeCaseRevisions({ body: a, stamp: A }, [{ body: b as CaseRecord, stamp: B, base }]);
    expect('assignee' in result.body).toBe(false);
  });

  it('an anonymised revision wins whole and takes no clash with personal data', () => {
    const anonymised: CaseRecord = { ...base, customer: { name: 'Anonymised' }, anonymisedOn: '2026-11-21' };
    const edited = changed(['customer', 'name'], 'Ada King', B.at);
    for (const result of [
      mergeCaseRevisions({ body: edited, stamp: B }, [{ body: anonymised, stamp: A, base }]),
      mergeCaseRevisions({ body: anonymised, stamp: A }, [{ body: edited, stamp: B, base }]),
    ]) {
      expect(result.body.customer).toEqual({ name: 'Anonymised' });
      expect(result.body.anonymisedOn).toBe('2026-11-21');
      expect(result.clashes).toEqual([]);
      expect(result.body.updatedAt).toBe(B.at);
    }
  });

  it('keeps the clashes both revisions already carried, and settles one at a time', () => {
    const first = mergeCaseRevisions({ body: changed(['summary'], 'A', A.at), stamp: A }, [
      { body: changed(['summary'], 'B', B.at), stamp: B, base },
    ]);
    const second = mergeCaseRevisions(
      { body: { ...first.body, category: 'sales' }, stamp: A, clashes: first.clashes },
      [{ body: { ...first.body, category: 'service' }, stamp: B, base: first.body }],
    );
    expect(second.clashes.map((c) => c.path.join('.')).sort()).toEqual(['category', 'summary']);
    const settled = settleClash(second.body, second.clashes, ['summary'], 'other');
    expect(settled.record.summary).toBe('B');
    expect(settled.clashes.map((c) => c.path.join('.'))).toEqual(['category']);
    const confirmed = settleClash(settled.record, settled.clashes, ['category'], 'kept');
    expect(confirmed.record.category).toBe('sales');
    expect(confirmed.clashes).toEqual([]);
  });

  it('three desks changing one field: every value stays in the clash until a person settles it', () => {
    const C = { writer: 'desk-c', by: 'Lee', at: '2026-11-20T10:09:00.000Z' };
    const together = mergeCaseRevisions({ body: changed(['summary'], 'A', A.at), stamp: A }, [
      { body: changed(['summary'], 'B', B.at), stamp: B, base },
      { body: changed(['summary'], 'C', C.at), stamp: C, base },
    ]);
    // One by one (desk A and B met first; their merge then met desk C's revision).
    const first = mergeCaseRevisions({ body: changed(['summary'], 'A', A.at), stamp: A }, [
      { body: changed(['summary'], 'B', B.at), stamp: B, base },
    ]);
    const oneByOne = mergeCaseRevisions({ body: changed(['summary'], 'C', C.at), stamp: C }, [
      { body: first.body, stamp: A, clashes: first.clashes, base },
    ]);
    for (const result of [together, oneByOne]) {
      expect(result.clashes).toHaveLength(1);
      const [clash] = result.clashes;
      const values = [clash.kept, ...otherSides(clash)].map((side) => String(side.value)).sort();
      expect(values).toEqual(['A', 'B', 'C']);
      expect(clash.kept.value).toBe(result.body.summary);
      // Using the third value puts it in the case and ends the clash.
      const third = otherSides(clash).findIndex((side) => side.value !== result.body.summary && side.value === 'B');
      const settled = settleClash(result.body, result.clashes, ['summary'], third);
      expect(settled.record.summary).toBe('B');
      expect(settled.clashes).toEqual([]);
    }
  });

  it('gives the same merge on every desk (inputs in, the same result out)', () => {
    const a = changed(['summary'], 'A', A.at);
    const b = changed(['summary'], 'B', B.at);
    const one = mergeCaseRevisions({ body: a, stamp: A }, [{ body: b, stamp: B, base }]);
    const two = mergeCaseRevisions({ body: structuredClone(a), stamp: A }, [
      { body: structuredClone(b), stamp: B, base },
    ]);
    expect(two).toEqual(one);
  });
});

describe('two desks settling the same clash', () => {
  // The clash both desks show: the channel changed to "phone" at A and "email" at B while apart (A's revision won).
  const clashed = mergeCaseRevisions({ body: changed(['channel'], 'phone', A.at), stamp: A }, [
    { body: changed(['channel'], 'email', B.at), stamp: B, base },
  ]);
  const Alice = { writer: 'desk-a', by: 'Alice', at: '2026-11-21T09:00:00.000Z' };
  const Bob = { writer: 'desk-b', by: 'Bob', at: '2026-11-21T09:00:01.000Z' };
  /** A desk's revision after its handler settled the clash (from the revision both desks shared). */
  const settledAt = (choice: 'kept' | 'other', settler: typeof Alice, settled: CaseRevision['settled'] = []) => {
    const s = settleClash(clashed.body, clashed.clashes, ['channel'], choice, settled, settler);
    return { body: { ...s.record, updatedAt: settler.at }, clashes: s.clashes, settled: s.settled };
  };
  const both = (one: ReturnType<typeof settledAt>, two: ReturnType<typeof settledAt>) => [
    mergeCaseRevisions({ ...one, stamp: Alice }, [{ ...two, stamp: Bob, base: clashed.body }]),
    mergeCaseRevisions({ ...two, stamp: Bob }, [{ ...one, stamp: Alice, base: clashed.body }]),
  ];

  it('differently: asked again, each person’s choice a side, whichever revision won; alike or at one desk: as before', () => {
    expect(clashed.body.channel).toBe('phone');
    const atA = settledAt('other', Alice); // Use "email"
    const atB = settledAt('kept', Bob); // Keep "phone"
    for (const merged of both(atA, atB)) {
      // The case holds one of the two choices (A's: only A changed the field), and says so.
      expect(merged.body.channel).toBe('email');
      expect(merged.clashes).toEqual([
        { path: ['channel'], kept: { value: 'email', ...Alice }, other: { value: 'phone', ...Bob } },
      ]);
      expect(settledDifferently(merged.settled, ['channel'])).toBe(true);
    }
    // Every desk writes the same merge (the two orders agree), and merging it with itself changes nothing.
    const [one, two] = both(atA, atB);
    expect(two.settled).toEqual(one.settled);
    const again = mergeCaseRevisions({ ...one, stamp: Alice }, [
      { ...structuredClone(one), stamp: Bob, base: one.body },
    ]);
    expect(again).toEqual(one);

    // Settled alike, or at one desk only, or by desks that recorded no choice (older Redress): settled as before.
    for (const merged of [
      ...both(settledAt('other', Alice), settledAt('other', Bob)),
      ...both(settledAt('kept', Alice), settledAt('kept', Bob)),
    ]) {
      expect(merged.clashes).toEqual([]);
      expect(settledDifferently(merged.settled, ['channel'])).toBe(false);
    }
    // Settled at A; B, not having heard, changed another field: its revision still carries the clash.
    const stale = { body: { ...clashed.body, summary: 'At B', updatedAt: Bob.at }, clashes: clashed.clashes };
    const atOne = mergeCaseRevisions({ ...settledAt('other', Alice), stamp: Alice }, [
      { ...stale, stamp: Bob, base: clashed.body },
    ]);
    expect(atOne.body).toMatchObject({ channel: 'email', summary: 'At B' });
    expect(atOne.clashes).toEqual([]);
    const olderA = settleClash(clashed.body, clashed.clashes, ['channel'], 'other');
    const olderB = settleClash(clashed.body, clashed.clashes, ['channel'], 'kept');
    const older = mergeCaseRevisions({ body: olderA.record, stamp: A, settled: olderA.settled }, [
      { body: olderB.record, stamp: B, settled: olderB.settled, base: clashed.body },
    ]);
    expect(older.body.channel).toBe('email');
    expect(older.clashes).toEqual([]);
    expect(older.settled.every((s) => !('chosen' in s) && !('replaced' in s))).toBe(true);
  });

  it('asked again and settled once more at one desk: closed, and the revisions of the first choices do not reopen it', () => {
    const atA = settledAt('other', Alice);
    const atB = settledAt('kept', Bob);
    const [reopened] = both(atA, atB);
    const Bob2 = { ...Bob, at: '2026-11-21T10:00:00.000Z' };
    const s = settleClash(reopened.body, reopened.clashes, ['channel'], 'other', reopened.settled, Bob2); // "phone"
    const final = { body: { ...s.record, updatedAt: Bob2.at }, clashes: s.clashes, settled: s.settled };
    expect(final.body.channel).toBe('phone');
    expect(final.clashes).toEqual([]);
    expect(settledDifferently(final.settled, ['channel'])).toBe(false);
    // A revision still carrying either first choice (or the reopened clash) meets it: it stays closed, phone kept.
    for (const stale of [atA, atB, reopened]) {
      for (const merged of [
        mergeCaseRevisions({ ...final, stamp: Bob2 }, [{ ...stale, stamp: Alice, base: clashed.body }]),
        mergeCaseRevisions({ ...stale, stamp: Alice }, [{ ...final, stamp: Bob2, base: clashed.body }]),
      ]) {
        expect(merged.clashes).toEqual([]);
        expect(settledDifferently(merged.settled, ['channel'])).toBe(false);
      }
    }
  });
});

describe('people and counters', () => {
  it('people merge field by field, the winner’s value where both changed', () => {
    const basePerson = { id: 'p', name: 'Sam', active: true };
    const merged = mergePlainRevisions({ ...basePerson, name: 'Samuel' }, [
      { body: { ...basePerson, active: false }, base: basePerson },
    ]);
    expect(merged).toEqual({ id: 'p', name: 'Samuel', active: false });
  });

  it('a counter keeps the highest number handed out', () => {
    expect(mergeCounterRevisions({ key: 'LDS-2026', last: 4 }, [{ key: 'LDS-2026', last: 9 }]).last).toBe(9);
    expect(mergeCounterRevisions({ key: 'LDS-2026', last: 12 }, [{ key: 'LDS-2026', last: 9 }]).last).toBe(12);
  });
});
