// Report rows (a case id and its `ReportBasis`) written compactly as one JSON text, and read back exactly: how the
// desk keeps them packed a few hundred to a record (renderer/src/db/packs.ts), so Reports read 100,000 of them as a
// few hundred strings. As plain JSON a row is about 870 characters, mostly property names and the same few words
// again and again (labels, states, the regulatory deadline's explanation, dates); here a row is an array of
// positions, and every string but the case id is written once per pack, in a table, and named by its number.
// `unpackReportRows(packReportRows(rows))` deep-equals `rows` (./packed.test.ts).
import { stringTable } from '#shared/model/string-table';
import type { CaseSummary, Payment, ReportBasis, TargetClock } from './summary';

/** A report row as stored: the case id and the case's report basis. */
export type ReportBasisRow = ReportBasis & { caseId: string };

type Clock = [number, number] | [number, number, number];

/** Write the rows as one JSON text (see the top of this file). */
export function packReportRows(rows: readonly ReportBasisRow[]): string {
  const { strings, n, maybe } = stringTable();
  const clock = (c: TargetClock): Clock =>
    c.openDueOn === undefined ? [n(c.label), n(c.state)] : [n(c.label), n(c.state), n(c.openDueOn)];
  const packed = rows.map((row) => {
    const s = row.summary;
    return [
      row.caseId,
      n(row.asOf),
      s.id === row.caseId ? 0 : s.id,
      n(s.receivedOn),
      n(s.channel),
      n(s.category),
      n(s.procedureId),
      n(s.calendar),
      n(s.providerId),
      n(s.handler),
      s.rulesError,
      maybe(s.resolvedOn),
      s.daysToResolve,
      n(s.nextWorkingDay),
      n(s.acknowledgement),
      n(s.providerTargets),
      s.missedTargets.map(n),
      maybe(s.regulatoryDeadline),
      maybe(s.regulatoryDeadlineWhy),
      maybe(s.adrLetterDueOn),
      maybe(s.adrLetterState),
      s.adrLettersSent.map(n),
      s.adrReferrals.map(n),
      s.cctsReferrals.map(n),
      s.payments.map((p) => [n(p.on), p.amount, n(p.currency), n(p.kind)]),
      row.targets.map(clock),
      row.acknowledgement ? clock(row.acknowledgement) : null,
      row.adrLetter ? clock(row.adrLetter) : null,
      row.facts ?? null,
    ];
  });
  return JSON.stringify([strings, packed]);
}

/** Read back what `packReportRows` wrote. */
export function unpackReportRows(json: string): ReportBasisRow[] {
  const [t, packed] = JSON.parse(json) as [string[], unknown[][]];
  const maybe = (i: unknown): string | null => (i === null ? null : t[i as number]);
  const list = (l: unknown): string[] => (l as number[]).map((i) => t[i]);
  const clock = (c: Clock): TargetClock => {
    const out: TargetClock = { label: t[c[0]], state: t[c[1]] as TargetClock['state'] };
    if (c.length === 3) out.openDueOn = t[c[2]];
    return out;
  };
  const out: ReportBasisRow[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const r = packed[i];
    const caseId = r[0] as string;
    const summary: CaseSummary = {
      id: r[2] === 0 ? caseId : (r[2] as string),
      receivedOn: t[r[3] as number],
      channel: t[r[4] as number] as CaseSummary['channel'],
      category: t[r[5] as number] as CaseSummary['category'],
      procedureId: t[r[6] as number],
      calendar: t[r[7] as number] as CaseSummary['calendar'],
      providerId: t[r[8] as number],
      handler: t[r[9] as number],
      rulesError: r[10] as string | null,
      resolvedOn: maybe(r[11]),
      daysToResolve: r[12] as number | null,
      nextWorkingDay: t[r[13] as number],
      acknowledgement: t[r[14] as number] as CaseSummary['acknowledgement'],
      providerTargets: t[r[15] as number] as CaseSummary['providerTargets'],
      missedTargets: list(r[16]),
      regulatoryDeadline: maybe(r[17]),
      regulatoryDeadlineWhy: maybe(r[18]),
      adrLetterDueOn: maybe(r[19]),
      adrLetterState: maybe(r[20]) as CaseSummary['adrLetterState'],
      adrLettersSent: list(r[21]),
      adrReferrals: list(r[22]),
      cctsReferrals: list(r[23]),
      payments: (r[24] as [number, number, number, number][]).map((p): Payment => ({
        on: t[p[0]],
        amount: p[1],
        currency: t[p[2]],
        kind: t[p[3]] as Payment['kind'],
      })),
    };
    const row: ReportBasisRow = { caseId, asOf: t[r[1] as number], summary, targets: (r[25] as Clock[]).map(clock) };
    if (r[26] !== null) row.acknowledgement = clock(r[26] as Clock);
    if (r[27] !== null) row.adrLetter = clock(r[27] as Clock);
    if (r[28] !== null) row.facts = r[28] as ReportBasis['facts'];
    out[i] = row;
  }
  return out;
}
