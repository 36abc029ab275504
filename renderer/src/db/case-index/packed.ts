// Case index rows (../schema.ts `CaseIndexRow`) written compactly as one JSON text, and read back exactly: how the
// desk keeps them packed a few hundred to a record (../packs.ts), so the case list reads 100,000 of them as a few
// hundred strings. As plain JSON a row is about 650 characters, a third of them property names, and most values the
// same few words (status, stage, handler, procedure, category, dates); here a row is an array of positions, and each
// of those values is written once per pack, in a table, and named by its number. The case's own texts (id, reference,
// names, search text) are written as they are; the `openNothingDue` mark follows from the row's own fields and is
// not written. `unpackCaseIndexRows(packCaseIndexRows(rows))` deep-equals `rows`.
import { stringTable } from '#shared/model/string-table';
import type { CaseIndexRow } from '../schema';
import { markOpenNothingDue } from './due';

/** Write the rows as one JSON text (see the top of this file). */
export function packCaseIndexRows(rows: readonly CaseIndexRow[]): string {
  const { strings, maybe: n } = stringTable();
  const packed = rows.map((r) => [
    r.caseId,
    r.reference,
    r.customerName,
    r.representativeName === undefined ? 0 : r.representativeName,
    n(r.status),
    n(r.stage),
    n(r.stageName),
    n(r.assignee),
    n(r.procedureId),
    n(r.providerId),
    n(r.category),
    n(r.channel),
    n(r.calendar),
    n(r.receivedOn),
    r.search,
    n(r.nextDueOn),
    n(r.nextClockId),
    n(r.nextClockLabel),
    r.acknowledged,
    n(r.adrLetterDueOn),
    n(r.adrReferralEndsOn),
    n(r.pausedSince),
    r.rulesError === undefined ? 0 : r.rulesError,
    n(r.updatedAt),
  ]);
  return JSON.stringify([strings, packed]);
}

/** Read back what `packCaseIndexRows` wrote. */
export function unpackCaseIndexRows(json: string): CaseIndexRow[] {
  const [t, packed] = JSON.parse(json) as [string[], unknown[][]];
  const at = (i: unknown) => t[i as number];
  const maybe = (i: unknown): string | null => (i === null ? null : t[i as number]);
  const out: CaseIndexRow[] = new Array(packed.length);
  for (let k = 0; k < packed.length; k++) {
    const r = packed[k];
    const row: CaseIndexRow = {
      caseId: r[0] as string,
      reference: r[1] as string,
      customerName: r[2] as string,
      status: at(r[4]) as CaseIndexRow['status'],
      stage: at(r[5]),
      stageName: at(r[6]),
      assignee: at(r[7]),
      procedureId: at(r[8]),
      providerId: at(r[9]),
      category: at(r[10]) as CaseIndexRow['category'],
      channel: at(r[11]) as CaseIndexRow['channel'],
      calendar: at(r[12]) as CaseIndexRow['calendar'],
      receivedOn: at(r[13]),
      search: r[14] as string,
      nextDueOn: maybe(r[15]),
      nextClockId: maybe(r[16]),
      nextClockLabel: maybe(r[17]),
      acknowledged: r[18] as CaseIndexRow['acknowledged'],
      adrLetterDueOn: maybe(r[19]),
      adrReferralEndsOn: maybe(r[20]),
      pausedSince: maybe(r[21]),
      updatedAt: at(r[23]),
    };
    if (r[3] !== 0) row.representativeName = r[3] as string;
    if (r[22] !== 0) row.rulesError = r[22] as string;
    out[k] = markOpenNothingDue(row);
  }
  return out;
}
