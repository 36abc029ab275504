// h17: every problem a broken row of a backup can have is a coded saying (the place as data, a `note-…` code for
// what is wrong), whose English is the schema's own note wherever that note is fixed; none is left as `note-other`.
import { describe, expect, it } from 'vitest';
import { caseRecord, customer } from '#test/support/cases';
import { type BackupTable, checkTableRows } from './format';
import { backupProblemInEnglish, type BackupSaying } from './problems';

/** The note of a listed problem (`at`: {where}: {note}). */
const noteOf = (said: BackupSaying) => (said.values?.note as BackupSaying | undefined)?.code;

const BROKEN: [BackupTable, unknown[]][] = [
  [
    'cases',
    [
      caseRecord({ receivedOn: '2026-02-30', createdAt: 'yesterday', reference: 'X', stage: 'x'.repeat(201) }),
      { ...caseRecord({ id: 'case-2' }), channel: 'fax', summary: undefined },
      { ...caseRecord({ id: 'case-3' }), customer: { ...customer(), employees: 0, isBusiness: 'yes' } },
      { ...caseRecord({ id: 'case-4' }), customer: { ...customer(), employees: 2.5 } },
      caseRecord({ id: 'case-5', anonymisedOn: '2026-11-20' }),
      { ...caseRecord({ id: 'case-6' }), customer: 'Ann' },
    ],
  ],
  [
    'counters',
    [
      { key: 'bad', last: -1 },
      { key: 'RDR-2026', last: 100_000_000 },
    ],
  ],
  [
    'letters',
    [
      {
        id: 'l1',
        caseId: 'case-1',
        kind: 'ack',
        fileName: 'a.pdf',
        issuedOn: '2026-11-18',
        issuedAt: '2026-11-18T09:00:00.000Z',
        sha256: 'abc',
        bytes: 5,
      },
    ],
  ],
  ['people', [{ id: 'p1', name: 7, active: 'yes' }]],
  [
    'events',
    [
      {
        id: 'e1',
        caseId: 'case-1',
        type: 'letter-withdrawn',
        on: '2026-11-18',
        at: '2026-11-18T09:00:00.000Z',
        by: 'Ann',
        summary: 'Withdrawn',
      },
    ],
  ],
  [
    'procedures',
    [
      {
        key: 'mine@2',
        id: 'mine',
        version: 1,
        savedAt: '2026-11-18T09:00:00.000Z',
        procedure: { id: 'mine', version: 1 },
      },
    ],
  ],
  ['notified', [{ id: '', at: '2026-11-18T09:00:00.000Z' }]],
];

describe('a broken row’s problems as sayings', () => {
  const listed = BROKEN.flatMap(([table, rows]) => checkTableRows(table, rows).problems);

  it('gives each a code with its place, whose English is the schema’s note', () => {
    expect(listed.length).toBeGreaterThan(15);
    for (const p of listed) {
      expect(p.said.code).toBe('at');
      expect(noteOf(p.said), p.text).not.toBe('note-other');
      // The place is data, said as written.
      const where = p.said.values?.where;
      expect(typeof where === 'string' && p.text.startsWith(`${where}: `)).toBe(true);
    }
    const english = listed.map((p) => backupProblemInEnglish(p.said));
    // The fixed notes are the schema's own words; those with a value say the same with it.
    expect(english).toEqual(
      expect.arrayContaining([
        'cases[0].receivedOn: not a date (YYYY-MM-DD)',
        'cases[0].createdAt: not a timestamp (e.g. 2026-11-22T14:30:00.000Z)',
        'cases[0].reference: not a reference like RDR-2026-000042',
        'cases[0].stage: is longer than 200 characters',
        'cases[1].summary: missing',
        'cases[2].customer.employees: must be 1 or more',
        'cases[2].customer.isBusiness: must be true or false',
        'cases[3].customer.employees: must be a whole number',
        'cases[4].anonymisedOn: is set but the case still holds personal data',
        'cases[5].customer: must be an object',
        'counters[0].last: must not be negative',
        'counters[1].last: is more than 99,999,999',
        'letters[0].sha256: not a SHA-256 (64 hexadecimal digits)',
        'letters[0].bytes: must be the letter as base64 text',
        'people[0].name: must be text',
        'events[0].data.kind: a withdrawn letter must say its kind',
        'procedures[0].key: must be "mine@1"',
        'notified[0].id: must not be empty',
      ]),
    );
    expect(english.find((e) => e.startsWith('cases[1].channel: must be one of '))).toBeDefined();
    expect(english.find((e) => e.startsWith('counters[0].key: not a counter key'))).toBeDefined();
    // Where the note is fixed, the saying's English is the note itself (the logs and the screen say the same).
    const same = listed.filter((p) => !/is more than|must be one of|: not a desk prefix$/.test(p.text));
    expect(same.map((p) => backupProblemInEnglish(p.said))).toEqual(same.map((p) => p.text));
  });
});
