import { describe, expect, it } from 'vitest';
import { BackupCaseVersions, LOST_NAMED, otherDesk } from './plan';

const row = (n: number, updatedAt = '2026-11-20T10:00:00.000Z', name = `Customer ${n}`) => ({
  id: `case-${String(n).padStart(3, '0')}`,
  reference: `RDR-2026-${String(n).padStart(6, '0')}`,
  updatedAt,
  customer: { name },
});

describe('comparing this desk’s cases with a backup’s', () => {
  it('counts the cases unchanged, changed, added and lost, and names the first lost by reference', () => {
    const backup = new BackupCaseVersions();
    // The backup: cases 1–12 (fed in two chunks, as the check reads them).
    backup.add([1, 2, 3, 4, 5, 6].map((n) => row(n)));
    backup.add([7, 8, 9, 10, 11, 12].map((n) => row(n)));
    const compare = backup.compare();
    // Here: 1–10 (case 4 changed since), then 13–20 logged after the backup, fed out of reference order.
    compare.here([1, 2, 3, 5, 6, 7, 8, 9, 10].map((n) => row(n)));
    compare.here([row(4, '2026-11-21T09:00:00.000Z')]);
    compare.here([20, 19, 13, 18, 14, 17, 16, 15].map((n) => row(n)));
    const plan = compare.done();
    expect(plan).toMatchObject({ unchanged: 9, changed: 1, added: 2, lost: 8 });
    expect(plan.lostFirst).toEqual(
      [13, 14, 15, 16, 17].map((n) => ({ reference: `RDR-2026-${String(n).padStart(6, '0')}`, name: `Customer ${n}` })),
    );
    expect(plan.lostFirst).toHaveLength(LOST_NAMED);
  });

  it('loses nothing when this desk holds only what the backup holds', () => {
    const backup = new BackupCaseVersions();
    backup.add([row(1), row(2)]);
    const compare = backup.compare();
    compare.here([row(1)]);
    expect(compare.done()).toEqual({ unchanged: 1, changed: 0, added: 1, lost: 0, lostFirst: [] });
  });
});

describe('a backup of another desk', () => {
  const here = { prefix: 'RDR', company: 'Northwind Broadband Ltd' };
  const swt = { prefix: 'SWT', company: 'Southwind Telecom' };
  const noneShared = { unchanged: 0, changed: 0, lost: 12 };

  it('is another desk when its prefix or company differs and it holds none of this desk’s cases', () => {
    expect(otherDesk(swt, here, noneShared)).toEqual(swt);
    expect(otherDesk({ ...here, company: 'Southwind Telecom' }, here, noneShared)).toBeDefined();
    expect(otherDesk({ ...here, prefix: 'SWT' }, here, noneShared)).toBeDefined();
  });

  it('is this desk when the names match (whatever their case), or when it holds this desk’s cases', () => {
    expect(otherDesk({ prefix: 'rdr', company: ' northwind broadband ltd' }, here, noneShared)).toBeUndefined();
    // The company renamed since the backup, or the prefix changed: its own cases are in the backup.
    expect(
      otherDesk({ ...here, company: 'Northwind Ltd' }, here, { unchanged: 11, changed: 0, lost: 1 }),
    ).toBeUndefined();
    expect(otherDesk(swt, here, { unchanged: 0, changed: 3, lost: 9 })).toBeUndefined();
  });

  it('is never said when nothing here would be lost (a first run, a new computer) or a side is not known', () => {
    expect(otherDesk(swt, here, { unchanged: 0, changed: 0, lost: 0 })).toBeUndefined();
    expect(otherDesk(swt, undefined, noneShared)).toBeUndefined();
    expect(otherDesk(undefined, here, noneShared)).toBeUndefined();
  });
});
