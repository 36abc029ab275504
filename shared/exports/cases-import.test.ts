import { describe, expect, it } from 'vitest';
import { validateIntake } from '#shared/model/intake';
import { problemInEnglish } from '#shared/model/problems';
import { CASE_CSV_COLUMNS } from './cases-csv';
import {
  anonymisedRows,
  checkImport,
  guessMapping,
  IMPORT_FIELDS,
  leaveOutDuplicates,
  mappingConflicts,
  normaliseDate,
  referencesIn,
  sameComplaintKey,
  unmappedRequired,
  unusedColumns,
} from './cases-import';

const today = '2026-11-20';
const HEADERS = [
  'Date received',
  'Channel',
  'Category',
  'Customer',
  'Email',
  'Phone',
  'Address',
  'Postcode',
  'Summary',
  'Large print',
];

describe('column mapping', () => {
  it('recognises the headers of the cases CSV export, so an exported file imports again', () => {
    const mapping = guessMapping(CASE_CSV_COLUMNS);
    for (const f of IMPORT_FIELDS) expect(mapping[f.field], f.field).not.toBeNull();
    expect(CASE_CSV_COLUMNS[mapping.isBusiness!]).toBe('Business customer');
    expect(CASE_CSV_COLUMNS[mapping.employees!]).toBe('Number of employees');
    expect(CASE_CSV_COLUMNS[mapping.customerName!]).toBe('Customer name');
    expect(CASE_CSV_COLUMNS[mapping.addressLines!]).toBe('Address');
    expect(CASE_CSV_COLUMNS[mapping.repAddressLines!]).toBe('Representative address');
    expect(CASE_CSV_COLUMNS[mapping.receivedOn!]).toBe('Received on');
  });

  it('guesses from everyday spreadsheet headers, ignoring case and punctuation, each column once', () => {
    const mapping = guessMapping([
      'DATE',
      'How received',
      'Complaint type',
      'Name',
      'E-mail',
      'Tel.',
      'Post code',
      'Details',
      'Name',
    ]);
    expect(mapping.receivedOn).toBe(0);
    expect(mapping.channel).toBe(1);
    expect(mapping.category).toBe(2);
    expect(mapping.customerName).toBe(3);
    expect(mapping.email).toBe(4);
    expect(mapping.phone).toBe(5);
    expect(mapping.postcode).toBe(6);
    expect(mapping.summary).toBe(7);
    expect(mapping.repName).toBeNull();
    expect(unmappedRequired(mapping)).toEqual([]);
  });

  it('names the columns nothing is read from, so another system’s reference is not dropped unmentioned', () => {
    const headers = ['Reference', 'Date', 'Channel', 'Category', 'Name', 'Summary', 'Provider', ''];
    const mapping = guessMapping(headers);
    expect(unusedColumns(mapping, headers)).toEqual([
      { index: 0, header: 'Reference' },
      { index: 6, header: 'Provider' },
      { index: 7, header: '' },
    ]);
    // The provider's column is read too, when it is chosen for the provider.
    expect(unusedColumns(mapping, headers, [6]).map((c) => c.index)).toEqual([0, 7]);
    expect(unusedColumns({ ...mapping, accountNumber: 0 }, headers, [6]).map((c) => c.index)).toEqual([7]);
  });

  it('names the required fields with no column and columns chosen twice', () => {
    const mapping = guessMapping(['Name', 'Summary']);
    expect(unmappedRequired(mapping).map((f) => f.label)).toEqual(['Date received', 'Channel', 'Category']);
    expect(mappingConflicts({ ...mapping, repName: 0 }, ['Name', 'Summary'])).toEqual([
      'Column “Name” is chosen for Customer name and Representative',
    ]);
  });
});

describe('dates', () => {
  it('keeps ISO dates and reads slashed dates in the chosen order', () => {
    expect(normaliseDate('2026-04-03', 'day-first')).toBe('2026-04-03');
    expect(normaliseDate('2026-04-03 00:00:00', 'day-first')).toBe('2026-04-03');
    expect(normaliseDate('3/4/2026', 'day-first')).toBe('2026-04-03');
    expect(normaliseDate('03.04.2026', 'day-first')).toBe('2026-04-03');
    expect(normaliseDate('3/4/2026', 'month-first')).toBe('2026-03-04');
    expect(normaliseDate('yesterday', 'day-first')).toBe('yesterday');
    // No such day: kept as written.
    expect(normaliseDate('31/11/2026', 'day-first')).toBe('31/11/2026');
  });
});

describe('checking rows with the intake rules', () => {
  const good = ['18/11/2026', 'Email', 'Billing', 'Zoë O’Brien', 'zoe@example.com', '', '', '', 'Charged twice', 'no'];

  it('turns valid rows into the same case parts the intake form makes', () => {
    const check = checkImport(
      [
        good,
        ['2026-11-19', 'letter', 'fault repair', 'Ann Lee', '', '', '1 High St\nLeeds', 'ls1 1aa', 'No line', 'Yes'],
      ],
      HEADERS,
      guessMapping(HEADERS),
      { today, dateOrder: 'day-first' },
    );
    expect(check.problems).toEqual([]);
    expect(check.cases.map((c) => c.row)).toEqual([2, 3]);
    const intake = validateIntake(
      {
        receivedOn: '2026-11-18',
        channel: 'email',
        category: 'billing',
        customerName: 'Zoë O’Brien',
        email: 'zoe@example.com',
        summary: 'Charged twice',
      },
      today,
    );
    expect(intake.ok && check.cases[0].parts).toEqual(intake.ok && intake.value);
    expect(check.cases[1].parts).toMatchObject({
      channel: 'letter',
      category: 'fault-repair',
      customer: { name: 'Ann Lee', address: { lines: ['1 High St', 'Leeds'], postcode: 'LS1 1AA' } },
      communication: { largePrint: true },
    });
  });

  it('lists every problem of every row with the spreadsheet row number, the field, the column and the message', () => {
    const rows = [
      good,
      ['2026-12-25', 'Fax', 'Billing', '', 'not-an-email', '', '', '', 'x', 'maybe'],
      good,
      ['31/02/2026', 'Phone', 'Moaning', 'Bo', '', '', '', '', '', ''],
    ];
    const check = checkImport(rows, HEADERS, guessMapping(HEADERS), { today, dateOrder: 'day-first' });
    expect(check.cases).toEqual([]);
    expect(check.invalidRows).toBe(2);
    const byRow = (row: number) =>
      check.problems.filter((p) => p.row === row).map((p) => [p.label, p.column, p.message]);
    expect(byRow(3)).toEqual([
      ['Date received', 'Date received', 'The date received cannot be in the future'],
      ['Channel', 'Channel', '“Fax” is not a channel: use Phone, Email, Web form, Letter, In person, Chat'],
      ['Customer name', 'Customer', 'Enter the customer’s name'],
      ['Email', 'Email', 'Enter an email address like name@example.com'],
      ['Large print', 'Large print', '“maybe” is not yes or no'],
    ]);
    expect(byRow(5)).toEqual([
      // Said as written, with what is wrong (explore33-desk #7: it was shown as "2026-02-31" with "Enter a real date as
      // YYYY-MM-DD", though day/month dates are read).
      ['Date received', 'Date received', '“31/02/2026” is not a real date: that month has no such day'],
      [
        'Category',
        'Category',
        '“Moaning” is not a category: use Sales, Billing, Fault repair, Service, Pricing, Other',
      ],
      ['Summary', 'Summary', 'Describe the complaint in a few words'],
      ['Address', 'Address', 'Enter at least one way to reach the customer: address, phone or email'],
    ]);
    // m17a: each problem is also data (a code and values), whose English is the message.
    expect(check.problems.map((p) => p.problem?.code)).toEqual([
      'received-future',
      'import-not-channel',
      'customer-name-missing',
      'email-invalid',
      'import-not-yes-no',
      'import-date-not-real',
      'import-not-category',
      'summary-missing',
      'no-way-to-reach',
    ]);
    for (const p of check.problems) expect(problemInEnglish(p.problem!)).toBe(p.message);
  });

  it('reports a missing required column on every row, without a column name', () => {
    const headers = ['Name', 'Summary', 'Email'];
    const check = checkImport([['Ann', 'x', 'a@example.com']], headers, guessMapping(headers), {
      today,
      dateOrder: 'day-first',
    });
    expect(check.problems.map((p) => [p.row, p.label, p.column])).toEqual([
      [2, 'Date received', undefined],
      [2, 'Channel', undefined],
      [2, 'Category', undefined],
    ]);
  });

  it('reads business size: a yes/no or customer-type column and a number of employees, checked like the intake form', () => {
    const headers = [
      'Received on',
      'Channel',
      'Category',
      'Customer name',
      'Phone',
      'Summary',
      'Customer type',
      'Number of employees',
    ];
    const mapping = guessMapping(headers);
    expect([mapping.isBusiness, mapping.employees]).toEqual([6, 7]);
    const row = (type: string, employees: string) => [
      '2026-11-18',
      'Phone',
      'Billing',
      'Shop Ltd',
      '0113 496 0000',
      'Slow line',
      type,
      employees,
    ];
    const check = checkImport(
      [row('Business', '25'), row('yes', ''), row('Residential', ''), row('', '8'), row('no', '')],
      headers,
      mapping,
      { today, dateOrder: 'day-first' },
    );
    expect(check.problems).toEqual([]);
    expect(check.cases.map((c) => c.parts.customer)).toEqual([
      { name: 'Shop Ltd', phone: '0113 496 0000', isBusiness: true, employees: 25 },
      { name: 'Shop Ltd', phone: '0113 496 0000', isBusiness: true },
      { name: 'Shop Ltd', phone: '0113 496 0000' },
      { name: 'Shop Ltd', phone: '0113 496 0000', isBusiness: true, employees: 8 },
      { name: 'Shop Ltd', phone: '0113 496 0000' },
    ]);
    const bad = checkImport([row('Business', 'ten'), row('perhaps', ''), row('Individual', '40')], headers, mapping, {
      today,
      dateOrder: 'day-first',
    });
    expect(bad.problems.map((p) => [p.row, p.label, p.column, p.message])).toEqual([
      [2, 'Number of employees', 'Number of employees', 'Enter the number of employees as a whole number, like 8'],
      [3, 'Business customer', 'Customer type', '“perhaps” is not yes or no (or business or individual)'],
      [
        4,
        'Number of employees',
        'Number of employees',
        'A number of employees is given but the customer is not a business: clear one of them',
      ],
    ]);
  });

  it('takes off the CSV-injection guard written by the export', () => {
    const headers = ['Received on', 'Channel', 'Category', 'Customer name', 'Phone', 'Summary'];
    const check = checkImport(
      [['2026-11-18', 'Phone', 'Billing', 'Ann', "'+44 113 496 0000", "'=not a formula"]],
      headers,
      guessMapping(headers),
      { today, dateOrder: 'day-first' },
    );
    expect(check.problems).toEqual([]);
    expect(check.cases[0].parts.customer.phone).toBe('+44 113 496 0000');
    expect(check.cases[0].parts.summary).toBe('=not a formula');
  });
});

describe('rows already in Redress', () => {
  const parts = (receivedOn: string, name: string, summary: string) =>
    ({ receivedOn, channel: 'email', customer: { name }, category: 'billing', summary }) as const;
  const check = {
    cases: [
      { row: 2, parts: parts('2026-11-18', 'Grace Hopper', 'Charged for a router; never arrived') },
      { row: 3, parts: parts('2026-11-19', 'Bo Chen', 'Lost letter') },
      { row: 4, parts: parts('2026-11-20', 'Lee, Ann', 'Line down\r\nsince Monday') },
      { row: 5, parts: parts('2026-11-19', '  BO CHEN ', 'Lost   letter') },
    ],
    problems: [],
    invalidRows: 0,
  };
  const existing = [
    {
      reference: 'RDR-2026-000004',
      receivedOn: '2026-11-20',
      customer: { name: 'Lee, Ann' },
      summary: 'Line down\nsince Monday',
    },
    // The same customer and words on another day is another complaint.
    {
      reference: 'RDR-2026-000001',
      receivedOn: '2026-11-17',
      customer: { name: 'Grace Hopper' },
      summary: 'Charged for a router; never arrived',
    },
  ];

  it('leaves out a row received the same day from the same customer in the same words (case, spaces and line breaks aside)', () => {
    const out = leaveOutDuplicates(check, existing);
    expect(out.check.cases.map((c) => c.row)).toEqual([2, 3]);
    expect(out.duplicates).toEqual([
      { row: 4, reference: 'RDR-2026-000004' },
      { row: 5, sameAsRow: 3 },
    ]);
  });

  it('leaves a check with problems as it is (nothing is imported from it anyway)', () => {
    const bad = {
      ...check,
      problems: [{ row: 2, field: 'channel' as const, label: 'Channel', message: 'x' }],
      invalidRows: 1,
    };
    expect(leaveOutDuplicates(bad, existing)).toEqual({ check: bad, duplicates: [] });
  });

  it('keys a complaint by day, folded name and folded words', () => {
    expect(sameComplaintKey(parts('2026-11-19', 'Bo  Chen', 'Lost\r\nletter'))).toBe(
      sameComplaintKey(parts('2026-11-19', 'bo chen', 'lost letter')),
    );
    expect(sameComplaintKey(parts('2026-11-19', 'Bo Chen', 'Lost letter'))).not.toBe(
      sameComplaintKey(parts('2026-11-20', 'Bo Chen', 'Lost letter')),
    );
  });
});

describe('a desk’s own export, with cases anonymised since', () => {
  // The export's columns, as "Export CSV" writes them; an anonymised case keeps its reference and dates only.
  const row = (values: Partial<Record<(typeof CASE_CSV_COLUMNS)[number], string>>) =>
    CASE_CSV_COLUMNS.map((c) => values[c] ?? '');
  const rows = [
    row({
      Reference: 'RDR-2026-000001',
      'Received on': '2026-03-02',
      Channel: 'Letter',
      Category: 'Billing',
      'Customer name': 'Anonymised',
    }),
    row({
      Reference: 'RDR-2026-000002',
      'Received on': '2026-03-03',
      Channel: 'Email',
      Category: 'Service',
      'Customer name': 'Bo Chen',
      Email: 'bo@example.com',
      Summary: 'Lost letter',
    }),
    // Another desk's file with the same prefix: the same reference, another day.
    row({ Reference: 'RDR-2026-000003', 'Received on': '2026-05-01', 'Customer name': 'Anonymised' }),
  ];
  const headers = [...CASE_CSV_COLUMNS];
  const mapping = guessMapping(headers);
  const anonymised = new Map([
    ['RDR-2026-000001', '2026-03-02'],
    ['RDR-2026-000003', '2026-04-30'],
  ]);

  it('lists the references the file names, to look them up', () => {
    expect(referencesIn(rows, headers)).toEqual(['RDR-2026-000001', 'RDR-2026-000002', 'RDR-2026-000003']);
    expect(referencesIn(rows, HEADERS)).toEqual([]);
  });

  it('leaves out a row naming an anonymised case of this desk, received the same day; its problems are not the desk’s to fix', () => {
    // Without it, the anonymised row is a row with problems, and nothing could be imported.
    const all = checkImport(rows, headers, mapping, { today, dateOrder: 'day-first' });
    expect(all.problems.filter((p) => p.row === 2).map((p) => p.field)).toContain('summary');
    expect(anonymisedRows(rows, headers, mapping, 'day-first', anonymised)).toEqual([
      { row: 2, reference: 'RDR-2026-000001', anonymised: true },
    ]);
  });

  it('finds none in a file without references, or when no case is anonymised', () => {
    expect(anonymisedRows(rows, HEADERS, guessMapping(HEADERS), 'day-first', anonymised)).toEqual([]);
    expect(anonymisedRows(rows, headers, mapping, 'day-first', new Map())).toEqual([]);
  });
});

describe('control and invisible characters in imported rows', () => {
  const headers = [
    'Received on',
    'Channel',
    'Category',
    'Customer name',
    'Address',
    'Postcode',
    'Summary',
    'Representative',
    'Relationship',
  ];
  const row = (over: Partial<Record<'name' | 'address' | 'summary' | 'rep', string>> = {}) => [
    '2026-11-18',
    'Letter',
    'Billing',
    over.name ?? 'Ann Lee',
    over.address ?? '1 High St\nLeeds',
    'LS1 1AA',
    over.summary ?? 'Charged\ttwice',
    over.rep ?? '',
    over.rep ? 'son' : '',
  ];
  const CLASSES: Array<[string, string, string]> = [
    ['NUL', '\u0000', 'U+0000 NULL'],
    ['a C0 control', '\u000b', 'U+000B LINE TABULATION'],
    ['DEL', '\u007f', 'U+007F DELETE'],
    ['a C1 control', '\u009b', 'U+009B CONTROL SEQUENCE INTRODUCER'],
    ['a bidi override', '\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['a bidi isolate', '\u2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
    ['a direction mark', '\u200f', 'U+200F RIGHT-TO-LEFT MARK'],
    ['a zero width space', '\u200b', 'U+200B ZERO WIDTH SPACE'],
  ];

  it.each(CLASSES)(
    'refuses %s in a name, an address, a summary and a representative, naming the row and the column',
    (_, char, name) => {
      const rows = [
        row(),
        row({ name: `Ann${char}Lee` }),
        row({ address: `1 High${char} St\nLeeds` }),
        row({ summary: `Charged${char}twice` }),
        row({ rep: `Tom${char}Lee` }),
      ];
      const check = checkImport(rows, headers, guessMapping(headers), { today, dateOrder: 'day-first' });
      expect(check.cases).toEqual([]);
      expect(check.invalidRows).toBe(4);
      expect(check.problems.map((p) => [p.row, p.label, p.column, p.message])).toEqual([
        [
          3,
          'Customer name',
          'Customer name',
          `Name contains an invisible control character (${name}) after “Ann”; remove it`,
        ],
        [
          4,
          'Address',
          'Address',
          `Address contains an invisible control character (${name}) after “1 High”; remove it`,
        ],
        [
          5,
          'Summary',
          'Summary',
          `Summary contains an invisible control character (${name}) after “Charged”; remove it`,
        ],
        [
          6,
          'Representative',
          'Representative',
          `Name contains an invisible control character (${name}) after “Tom”; remove it`,
        ],
      ]);
    },
  );

  it('keeps tabs and line breaks in the address and summary, and refuses them inside a name', () => {
    const check = checkImport([row(), row({ name: 'Ann\nLee' })], headers, guessMapping(headers), {
      today,
      dateOrder: 'day-first',
    });
    expect(check.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [
        3,
        'Customer name',
        'Name contains a tab or line break (U+000A LINE FEED) after “Ann”, and this field is one line; remove it',
      ],
    ]);
    const ok = checkImport([row()], headers, guessMapping(headers), { today, dateOrder: 'day-first' });
    expect(ok.cases[0].parts).toMatchObject({
      customer: { address: { lines: ['1 High St', 'Leeds'] } },
      summary: 'Charged\ttwice',
    });
  });
});
