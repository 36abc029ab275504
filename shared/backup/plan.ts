// What a restore would do to this desk's cases, worked out before it is confirmed (explore39 defects 2 and 5): which
// of the desk's cases the backup holds the same, holds in another version, or does not hold at all (those a replace
// loses), and which it adds; and whether the backup is of another desk altogether. Compared by id and `updatedAt`
// only: the backup's cases are fed a chunk at a time as the check reads them, this desk's as they are read, and
// neither is held whole (100,000 cases keep one map of ids to timestamps, some 10 MB, in the backup worker).

/** A case as the comparison needs it. */
export interface CaseVersionRow {
  id: string;
  reference: string;
  updatedAt: string;
  customer: { name: string };
}

/** A case of this desk that the backup does not hold: lost by a replace. */
export interface LostCase {
  reference: string;
  /** The customer's name ('' for an anonymised case). */
  name: string;
}

/** This desk's cases against the backup's, by id. */
export interface CasesPlan {
  /** Cases here and in the backup, in the same version (the same `updatedAt`). */
  unchanged: number;
  /** Cases here and in the backup in another version: a replace puts the backup's version here. */
  changed: number;
  /** Cases in the backup that are not here. */
  added: number;
  /** Cases here that the backup does not hold: a replace loses them. */
  lost: number;
  /** The first of those (at most LOST_NAMED), in the order of their references. */
  lostFirst: LostCase[];
}

/** The cases named before a replace; the others are counted ("and 12 more"). */
export const LOST_NAMED = 5;

/** A desk as a backup or its settings name it. */
export interface DeskIdentity {
  prefix: string;
  company: string;
}

/** The backup's cases by id (their `updatedAt`), fed as they are read. */
export class BackupCaseVersions {
  private readonly versions = new Map<string, string>();

  add(rows: readonly Pick<CaseVersionRow, 'id' | 'updatedAt'>[]): void {
    for (const row of rows) this.versions.set(row.id, row.updatedAt);
  }

  get size(): number {
    return this.versions.size;
  }

  /** Compare this desk's cases (fed in chunks by `compare.here`), then `compare.done()`. */
  compare(): CaseComparer {
    return new CaseComparer(this.versions);
  }
}

/** One comparison of this desk's cases with the backup's (see BackupCaseVersions.compare). */
export class CaseComparer {
  private unchanged = 0;
  private changed = 0;
  private lost = 0;
  private lostFirst: LostCase[] = [];

  constructor(private readonly backup: ReadonlyMap<string, string>) {}

  here(rows: readonly CaseVersionRow[]): void {
    for (const row of rows) {
      const inBackup = this.backup.get(row.id);
      if (inBackup === undefined) {
        this.lost += 1;
        this.keepLost({ reference: row.reference, name: row.customer.name });
      } else if (inBackup === row.updatedAt) this.unchanged += 1;
      else this.changed += 1;
    }
  }

  done(): CasesPlan {
    const inBoth = this.unchanged + this.changed;
    return {
      unchanged: this.unchanged,
      changed: this.changed,
      added: this.backup.size - inBoth,
      lost: this.lost,
      lostFirst: this.lostFirst,
    };
  }

  /** Keep the LOST_NAMED with the first references (the rows come in id order, not reference order). */
  private keepLost(lost: LostCase): void {
    const first = this.lostFirst;
    if (first.length === LOST_NAMED && lost.reference >= first[first.length - 1].reference) return;
    let at = first.length;
    while (at > 0 && first[at - 1].reference > lost.reference) at -= 1;
    first.splice(at, 0, lost);
    if (first.length > LOST_NAMED) first.pop();
  }
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The backup's desk when it is another desk than this one, and this desk has cases to lose: its prefix or company
 * differs, and it holds none of this desk's cases (a desk that changed its prefix or its company's name since the
 * backup still finds its own cases in it). Undefined otherwise: the same desk, or nothing here to lose (a first run,
 * a new computer), or a side not known.
 */
export function otherDesk(
  backup: DeskIdentity | undefined,
  here: DeskIdentity | undefined,
  cases: Pick<CasesPlan, 'unchanged' | 'changed' | 'lost'>,
): DeskIdentity | undefined {
  if (!backup || !here) return undefined;
  if (cases.lost === 0 || cases.unchanged + cases.changed > 0) return undefined;
  return sameText(backup.prefix, here.prefix) && sameText(backup.company, here.company) ? undefined : backup;
}
