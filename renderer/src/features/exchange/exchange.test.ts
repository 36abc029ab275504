// Exports and imports against a real (fake-indexeddb) database: the CSV of the stored cases, the open deadlines as a
// calendar with the rules engine's dates, and the CSV import writing all rows or none.
import 'fake-indexeddb/auto';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymisedRows, checkImport, guessMapping, referencesIn } from '#shared/exports/cases-import';
import { deadlinesCalendar, deadlinesWordsIn, deadlineUid } from '#shared/exports/deadlines-ics';
import type { NewCaseParts } from '#shared/model/intake';
import { evaluateCase } from '#shared/rules/index';
import { caseFacts } from '#shared/rules/facts';
import { appendEvent, createCase } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { addAttachments, removeAttachment } from '#db/repositories/attachments';
import { deskSettings, NORTHWIND } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { casesCsv } from './cases-export';
import { parseCsv } from './csv';
import { clockWordsIn, openDeadlines } from './deadlines';
import { anonymisedCasesNamed, importCheckedCases, withoutDuplicates } from './import';
import { eraseCustomer } from '#db/repositories/retention';
import { performAction } from '#db/repositories/case-actions';
import { countEntries, readTimeline } from '#db/timeline';

/** One order for [clock id, due date] pairs, so two lists of them compare as sets. */
const byClock = (a: (string | null)[], b: (string | null)[]) => a.join(' ').localeCompare(b.join(' '));

const settings = deskSettings({ defaultProcedureId: 'kijoma', company: NORTHWIND });
const clock = { now: () => new Date('2026-12-18T10:00:00Z') };
const today = '2026-12-18';

let opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  const database = new RedressDatabase(`exchange-${process.pid}-${++n}`);
  opened.push(database);
  return database;
}
afterEach(async () => {
  for (const d of opened) {
    d.close();
    await d.delete();
  }
  opened = [];
});

const parts = (over: Partial<NewCaseParts> = {}): NewCaseParts =>
  newCaseParts({
    receivedOn: '2026-12-18',
    channel: 'email',
    customer: { name: 'Ann Lee', email: 'ann@example.com' },
    summary: 'Charged twice',
    ...over,
  });

describe('cases CSV from the database', () => {
  it('has one row per case with the derived stage and next due date from the case index', async () => {
    const database = fresh();
    const a = await createCase(
      database,
      parts({ receivedOn: '2026-12-01', customer: { name: 'Zoë, “the” customer 😡', phone: '+44 113 496 0000' } }),
      { settings, by: 'Sam Patel', clock },
    );
    const b = await createCase(database, parts(), { settings, by: 'Sam Patel', clock });
    // Two files kept on the first case and one removed: the CSV counts the files kept.
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const added = await addAttachments(
      database,
      a.id,
      ['one.pdf', 'two.pdf', 'three.pdf'].map((fileName, i) => ({
        fileName,
        bytes: new Uint8Array([...pdf, i]),
        kind: 'evidence' as const,
      })),
      'Sam Patel',
      clock,
    );
    expect(added.map((x) => x.ok)).toEqual([true, true, true]);
    await removeAttachment(
      database,
      (added[2] as { row: { id: string } }).row.id,
      { reason: 'Duplicate', by: 'Sam Patel', deleteFile: false },
      clock,
    );
    const { text, count } = await casesCsv(database);
    expect(count).toBe(2);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsv(text);
    expect(parsed.errors).toEqual([]);
    const rows = parsed.rows.map((r) => Object.fromEntries(parsed.headers.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => r.Reference)).toEqual([a.reference, b.reference]);
    const indexA = (await database.caseIndex.get(a.id))!;
    expect(rows[0]).toMatchObject({
      'Customer name': 'Zoë, “the” customer 😡',
      Phone: "'+44 113 496 0000",
      Status: 'Open',
      Stage: indexA.stageName,
      'Next due on': indexA.nextDueOn!,
      'Next due': indexA.nextClockLabel!,
      'ADR letter due on': indexA.adrLetterDueOn!,
      Procedure: expect.stringMatching(/\w/),
      Attachments: '2',
    });
    expect(rows[1].Attachments).toBe('0');
    expect(indexA.nextDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('exports just the given cases, in the given order (the case list’s filtered results)', async () => {
    const database = fresh();
    const a = await createCase(database, parts({ customer: { name: 'A', email: 'a@example.com' } }), {
      settings,
      by: 'x',
      clock,
    });
    await createCase(database, parts({ customer: { name: 'B', email: 'b@example.com' } }), {
      settings,
      by: 'x',
      clock,
    });
    const c = await createCase(database, parts({ customer: { name: 'C', email: 'c@example.com' } }), {
      settings,
      by: 'x',
      clock,
    });
    const { text, count } = await casesCsv(database, [c.id, a.id]);
    expect(count).toBe(2);
    expect(
      Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
        .data.slice(1)
        .map((r) => r[0]),
    ).toEqual([c.reference, a.reference]);
  });
});

describe('open deadlines as a calendar', () => {
  it('lists every pending clock of the active cases with the rules engine’s due dates, and the ICS file says the same', async () => {
    const database = fresh();
    const fresh1 = await createCase(database, parts(), { settings, by: 'x', clock });
    const older = await createCase(database, parts({ receivedOn: '2026-11-02' }), { settings, by: 'x', clock });
    await appendEvent(
      database,
      older.id,
      { type: 'acknowledged', on: '2026-11-03', by: 'x', summary: 'Acknowledged' },
      clock,
    );
    const closed = await createCase(database, parts({ receivedOn: '2026-11-10' }), { settings, by: 'x', clock });
    await appendEvent(database, closed.id, { type: 'closed', on: '2026-11-12', by: 'x', summary: 'Closed' }, clock);

    const entries = await openDeadlines(database, today);
    expect(entries.some((e) => e.caseId === closed.id)).toBe(false);
    // What the rules engine says is due, case by case.
    for (const record of [fresh1, older]) {
      const events = await readTimeline(database, record.id);
      const evaluation = evaluateCase(caseFacts(record, events), today);
      const expected = evaluation.clocks
        .filter((c) => c.dueOn && c.closedOn === null && (c.state === 'running' || c.state === 'missed'))
        .filter((c) => !['adr-referral-window', 'ccts-objection', 'summary-resolution'].includes(c.id))
        .map((c) => [c.id, c.dueOn])
        .sort(byClock);
      const got = entries
        .filter((e) => e.caseId === record.id)
        .map((e) => [e.clockId, e.dueOn])
        .sort(byClock);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(expected);
    }
    // The acknowledged case no longer has an acknowledgement deadline.
    expect(entries.find((e) => e.caseId === older.id && e.clockId === 'acknowledgement')).toBeUndefined();
    const adr = entries.find((e) => e.caseId === fresh1.id && e.clockId === 'adr-letter')!;
    expect(adr.dueOn).toBe('2027-01-29');

    const vevents = new ICAL.Component(
      ICAL.parse(deadlinesCalendar({ entries, exportedAt: clock.now(), deskName: 'Northwind' })),
    )
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(entries.length);
    for (const entry of entries) {
      const event = vevents.find((v) => v.uid === deadlineUid(entry.caseId, entry.clockId))!;
      expect(event.startDate.toString()).toBe(entry.dueOn);
      expect(event.summary.startsWith(`${entry.reference}: ${entry.label} due`)).toBe(true);
    }
  });

  it('says each clock in French for a French interface, as the screens say it, with the same UIDs and dates', async () => {
    const database = fresh();
    const record = await createCase(database, parts(), { settings, by: 'x', clock });
    const english = await openDeadlines(database, today);
    const french = await openDeadlines(database, today, 'fr-CA');
    const key = (e: { caseId: string; clockId: string; dueOn: string; overdue: boolean }) =>
      `${deadlineUid(e.caseId, e.clockId)} ${e.dueOn} ${e.overdue}`;
    expect(french.map(key)).toEqual(english.map(key));
    // English keeps the engine's own record, as the file always had.
    const events = await readTimeline(database, record.id);
    const engine = evaluateCase(caseFacts(record, events), today).clocks.find((c) => c.id === 'adr-letter')!;
    const adrEn = english.find((e) => e.clockId === 'adr-letter')!;
    expect([adrEn.label, adrEn.explanation, adrEn.rule]).toEqual([engine.label, engine.explanation, engine.rule]);
    expect(clockWordsIn('en-CA', { ...engine, dueOn: engine.dueOn! })).toEqual({
      label: engine.label,
      explanation: engine.explanation,
      rule: engine.rule,
      dueOnInWords: '2027-01-29',
    });
    const adr = french.find((e) => e.clockId === 'adr-letter')!;
    expect(adr.label).toBe('Lettre de recours externe');
    expect(adr.explanation).toBe(
      'Échéance le 29 janv. 2027\u00a0: reçue le 18 déc. 2026 + 6 semaines, condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026',
    );
    expect(adr.rule).toBe('condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026');
    // A procedure's clocks: the engine's words in French, the procedure's own names as it writes them.
    const first = french.find((e) => e.clockId === 'first-response')!;
    expect([first.label, first.rule]).toEqual([
      'Première réponse (courriel)',
      'Kijoma Broadband complaints procedure v1',
    ]);

    const vevents = new ICAL.Component(
      ICAL.parse(
        deadlinesCalendar({
          entries: french,
          exportedAt: clock.now(),
          deskName: 'Northwind',
          words: deadlinesWordsIn('fr-CA'),
        }),
      ),
    )
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const adrEvent = vevents.find((v) => v.uid === deadlineUid(record.id, 'adr-letter'))!;
    expect(adrEvent.summary).toBe(`${record.reference}\u00a0: Lettre de recours externe à échéance`);
    expect(adrEvent.description).toContain(adr.explanation);
    // One event's dates read one way: the notes' due date is the explanation's short date, not « 29 janvier 2027 ».
    expect(adrEvent.description.split('\n').slice(0, 2)).toEqual([
      'Lettre de recours externe\u00a0: échéance le 29 janv. 2027.',
      'Échéance le 29 janv. 2027\u00a0: reçue le 18 déc. 2026 + 6 semaines, condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026',
    ]);
    for (const v of vevents) expect(`${v.summary}\n${v.description}`).not.toMatch(/\b(due|received|weeks|Rule)\b/);
  });
});

describe('importing a CSV', () => {
  const csv = (rows: string[]) =>
    `\uFEFFDate received;Channel;Category;Customer name;Email;Address;Postcode;Summary\r\n${rows.join('\r\n')}\r\n`;
  const good1 = '18/12/2026;Email;Billing;Zoë O’Brien;zoe@example.com;;;"Charged twice; refund promised"';
  const good2 =
    '17/12/2026;Letter;Fault repair;"Lee, Ann";;"1 High St\r\nLeeds";LS1 1AA;"No dial tone\r\nsince Monday"';
  const bad = '17/12/2026;Fax;Billing;;;;;Lost';

  async function run(database: RedressDatabase, text: string) {
    const parsed = parseCsv(text);
    const check = checkImport(parsed.rows, parsed.headers, guessMapping(parsed.headers), {
      today,
      dateOrder: 'day-first',
    });
    return {
      check,
      import: () =>
        importCheckedCases(database, check, { settings, by: 'Sam Patel', fileName: 'complaints.csv', clock }),
    };
  }

  it('writes nothing when any row is invalid, and says which row and why', async () => {
    const database = fresh();
    await createCase(database, parts(), { settings, by: 'x', clock });
    const { check, import: doImport } = await run(database, csv([good1, bad, good2]));
    expect(check.invalidRows).toBe(1);
    expect(check.problems.map((p) => [p.row, p.label])).toEqual([
      [3, 'Channel'],
      [3, 'Customer name'],
      [3, 'Address'],
    ]);
    await expect(doImport()).rejects.toThrow('Nothing was imported: 1 row has problems.');
    expect(await database.cases.count()).toBe(1);
    expect(await countEntries(database)).toBe(1);
    expect(await database.audit.count()).toBe(0);
  });

  it('on a lone desk, even one with sharing state left from a team, writes no outbox rows (issue #14)', async () => {
    const database = fresh();
    await database.syncRevs.put({ ref: 'case:old', rev: '2-b' });
    const { import: doImport } = await run(database, csv([good1, good2]));
    expect((await doImport()).count).toBe(2);
    expect(await database.outbox.count()).toBe(0);
    // The same import at a desk in a team sends every case, entry and the counter on.
    const shared = fresh();
    shared.sharing = true;
    const { import: again } = await run(shared, csv([good1, good2]));
    await again();
    const refs = (await shared.outbox.toArray()).map((r) => r.ref.split(':')[0]);
    expect(refs.filter((t) => t === 'case')).toHaveLength(2);
    expect(refs).toContain('counter');
  });

  it('imports every row once the file is fixed, with quoted semicolons and line breaks kept', async () => {
    const database = fresh();
    const { check, import: doImport } = await run(database, csv([good1, good2]));
    expect(check.problems).toEqual([]);
    const result = await doImport();
    expect(result).toEqual({
      count: 2,
      firstReference: 'RDR-2026-000001',
      lastReference: 'RDR-2026-000002',
      leftOut: [],
    });
    const records = await database.cases.orderBy('reference').toArray();
    expect(records.map((r) => r.customer.name)).toEqual(['Zoë O’Brien', 'Lee, Ann']);
    expect(records[0].summary).toBe('Charged twice; refund promised');
    expect(records[1]).toMatchObject({
      channel: 'letter',
      category: 'fault-repair',
      summary: 'No dial tone\r\nsince Monday',
      customer: { address: { lines: ['1 High St', 'Leeds'], postcode: 'LS1 1AA' } },
    });
    const firstEvent = (await readTimeline(database, records[1].id))[0];
    expect(firstEvent!.summary).toBe(
      'Complaint received by letter; imported from complaints.csv (row 3); logged as RDR-2026-000002',
    );
    expect(await database.caseIndex.count()).toBe(2);
    const audit = await database.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      kind: 'import',
      summary: '2 cases imported from a CSV file',
      detail: { count: 2 },
    });
  });

  it('imports the same file twice without logging anything twice; a file exported from the same desk adds nothing', async () => {
    const database = fresh();
    await (await run(database, csv([good1, good2]))).import();
    const again = await run(database, csv([good1, good2, '16/12/2026;Phone;Billing;Bo Chen;bo@example.com;;;New one']));
    const result = await again.import();
    expect(result.count).toBe(1);
    expect(result.leftOut).toEqual([
      { row: 2, reference: 'RDR-2026-000001' },
      { row: 3, reference: 'RDR-2026-000002' },
    ]);
    expect(await database.cases.count()).toBe(3);
    expect(
      (await database.audit.toArray())
        .sort((a, b) => a.summary.localeCompare(b.summary))
        .map((a) => [a.summary, a.detail?.leftOut]),
    ).toEqual([
      ['1 case imported from a CSV file', 2],
      ['2 cases imported from a CSV file', 0],
    ]);

    const { text } = await casesCsv(database);
    const roundTrip = await run(database, text);
    expect(roundTrip.check.problems).toEqual([]);
    expect(await roundTrip.import()).toMatchObject({ count: 0, leftOut: [{ row: 2 }, { row: 3 }, { row: 4 }] });
    expect(await database.cases.count()).toBe(3);
  });

  it('imports a file the cases export wrote (export, edit nothing, import: same customers and complaints)', async () => {
    const source = fresh();
    await createCase(
      source,
      parts({
        customer: {
          name: 'Zoë “Z” O’Brien',
          phone: '+44 113 496 0000',
          address: { lines: ['Flat 2, The Maltings', 'Leeds'], postcode: 'LS1 1AA' },
        },
        summary: '=SUM(1,2) is what the bill says\nsecond line',
      }),
      { settings, by: 'x', clock },
    );
    const { text } = await casesCsv(source);
    const target = fresh();
    const { check, import: doImport } = await run(target, text);
    expect(check.problems).toEqual([]);
    await doImport();
    const [original] = await source.cases.toArray();
    const [copy] = await target.cases.toArray();
    expect(copy.customer).toEqual(original.customer);
    expect(copy.summary).toBe(original.summary);
    expect([copy.receivedOn, copy.channel, copy.category]).toEqual([
      original.receivedOn,
      original.channel,
      original.category,
    ]);
  });
  it('imports a file the French interface exported (« ; », French headers and values): same customers and complaints', async () => {
    const source = fresh();
    await createCase(
      source,
      parts({
        channel: 'in-person',
        customer: { name: 'Élodie Tremblay', phone: '+1 514 555 0100', isBusiness: true, employees: 12 },
        communication: { language: 'fr-CA', largePrint: true },
      }),
      { settings, by: 'x', clock },
    );
    const { text } = await casesCsv(source, undefined, 'fr-CA');
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^Numéro;Date de réception;Mode de réception;/);
    const target = fresh();
    const { check, import: doImport } = await run(target, text);
    expect(check.problems).toEqual([]);
    await doImport();
    const [original] = await source.cases.toArray();
    const [copy] = await target.cases.toArray();
    expect(copy.customer).toEqual(original.customer);
    expect([copy.summary, copy.receivedOn, copy.channel, copy.category, copy.communication]).toEqual([
      original.summary,
      original.receivedOn,
      original.channel,
      original.category,
      original.communication,
    ]);
  });
});

describe('importing the desk’s own export after a case was anonymised', () => {
  it('leaves the anonymised case’s row out as already in Redress, so nothing is logged twice or asked to be fixed', async () => {
    const database = fresh();
    const kept = await createCase(database, parts({ receivedOn: '2026-11-02', summary: 'Broadband down for a week' }), {
      settings,
      by: 'x',
      clock,
    });
    const erased = await createCase(
      database,
      parts({ receivedOn: '2026-11-03', customer: { name: 'Ada Lovelace', email: 'ada@example.com' } }),
      { settings, by: 'x', clock },
    );
    const by = { by: 'x', today, clock };
    await performAction(database, erased.id, 'resolve', { on: '2026-11-11', summary: 'Refund paid' }, by);
    await performAction(database, erased.id, 'close', { on: '2026-11-12' }, by);
    await eraseCustomer(database, { caseIds: [erased.id], basis: 'customer-request', by: 'Sam Patel', today });

    const parsed = parseCsv((await casesCsv(database)).text);
    const mapping = guessMapping(parsed.headers);
    // Checked as it is, the anonymised row has problems (no name, no summary, no way to reach the customer).
    const asItIs = checkImport(parsed.rows, parsed.headers, mapping, { today, dateOrder: 'day-first' });
    expect(asItIs.invalidRows).toBe(1);

    const named = await anonymisedCasesNamed(database, referencesIn(parsed.rows, parsed.headers));
    expect([...named]).toEqual([[erased.reference, '2026-11-03']]);
    const anonymised = anonymisedRows(parsed.rows, parsed.headers, mapping, 'day-first', named);
    expect(anonymised).toEqual([{ row: 3, reference: erased.reference, anonymised: true }]);
    const check = checkImport(
      parsed.rows.filter((_, i) => !anonymised.some((d) => d.row === i + 2)),
      parsed.headers,
      mapping,
      { today, dateOrder: 'day-first' },
    );
    expect(check.problems).toEqual([]);
    const { check: left, duplicates } = await withoutDuplicates(database, check);
    expect(duplicates.map((d) => d.reference)).toEqual([kept.reference]);
    expect(left.cases).toEqual([]);
    expect(await database.cases.count()).toBe(2);
  });
});
