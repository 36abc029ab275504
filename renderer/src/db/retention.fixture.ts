// A database full of distinctive personal data, written through the app's own repository functions and case actions,
// so the privacy tests can prove that anonymisation leaves none of it anywhere (./retention.test.ts,
// test/unit/privacy-*.test.ts). For tests only: the app never imports it.
import type { ActionInput, CaseActionId } from '#shared/casework/index';
import type { CaseRecord, DeskSettings } from '#shared/model/case';
import type { NewCaseParts } from '#shared/model/intake';
import { performAction } from './case-actions';
import { createCase, markNotified, recordLetterIssued } from './repository';
import type { RedressDatabase } from './schema';
import { reassignCase } from '#renderer/features/people/assign';

export const TODAY = '2026-06-01';
export const STAFF = ['Sam Patel', 'Kim Lee'];

/**
 * Every piece of personal data in the fixture, as typed and in the forms the app derives from it (lowercase, phone
 * digits, postcode without spaces), so a search of the stored data finds it in any of them.
 */
export const PERSONAL = {
  names: ['Zebedee Quillfeather', 'Hortense Quillfeather', 'Ottoline Brackenbury', 'Wilberforce Dunnock', 'Zeb Quillfeather-Jones', 'Perpetua Inchbald'],
  emails: ['zebedee.q@quill-mail.example', 'zeb.new@quill-mail.example', 'ottoline@brackenbury.example', 'perpetua@inchbald.example'],
  phones: ['07700 900123', '07700900123', '+44 7700 900456', '447700900456', '07700900456', '0161 496 0777', '01614960777'],
  addresses: ['99 Marmalade Row', 'Puddleby-on-the-Marsh', '3 Lantern Yard', '17 Gannet Close', 'Little Snoring', '8 Wren Mews'],
  postcodes: ['QX9 8ZZ', 'qx98zz', 'QX1 2YY', 'qx12yy', 'QX7 7AB', 'qx77ab', 'QX5 5CD', 'qx55cd'],
  accounts: ['ACC-77-4411', 'acc-77-4411', 'BRK-000-555', 'brk-000-555'],
  texts: [
    'broadband vanished during the thunderstorm',
    'Called from the hospital ward',
    'the parrot called Figaro',
    'damp wall behind the router',
    'recovering from hip surgery',
    'uses a hearing aid',
    'needs calls after two',
    'sorry about the parrot',
    'CISAS-REF-55501',
    'CCTS-REF-88802',
    'refund of the line rental to her daughter',
    'prefers to be called Zeb',
    'wants it fixed before the christening',
    'asked for a handler who knows the village',
  ],
};

/** Every string in `PERSONAL`, for the searches. */
export const ALL_PERSONAL_STRINGS = Object.values(PERSONAL).flat();

const settings = (procedure: string, calendar: DeskSettings['calendar'] = 'england-and-wales'): DeskSettings => ({
  deskPrefix: 'RDR',
  calendar,
  defaultProcedureId: procedure,
  company: { name: 'Acme Broadband Ltd', addressLines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' },
  handlerName: STAFF[0],
});

function ticking(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)) };
}

async function act(database: RedressDatabase, record: CaseRecord, steps: Array<[CaseActionId, ActionInput]>, clock: { now(): Date }) {
  for (const [action, input] of steps) await performAction(database, record.id, action, input, { by: STAFF[1], today: TODAY, clock });
}

async function letter(database: RedressDatabase, record: CaseRecord, on: string, clock: { now(): Date }) {
  // Stand-in bytes that carry the customer's name, as a real letter's do.
  const bytes = new TextEncoder().encode(`%PDF-1.7 Dear ${record.customer.name}, ${record.customer.address?.lines.join(', ') ?? ''}`);
  await recordLetterIssued(
    database,
    record.id,
    // A file name the user chose, with the customer's name in it.
    { kind: 'acknowledgement', fileName: `${record.customer.name} letter.pdf`, issuedOn: on, bytes, by: STAFF[1], summary: `Acknowledgement letter issued (${record.customer.name} letter.pdf)` },
    clock,
  );
}

export interface PrivacyFixture {
  /** Zebedee's case closed in 2019: due under a 6-year policy on 2026-06-01. */
  zebOld: CaseRecord;
  /** Zebedee's second case (same email), closed in 2025: not due. */
  zebRecent: CaseRecord;
  /** Another customer's ADR case, closed in 2018: due. */
  ottoline: CaseRecord;
  /** A Canadian case closed in 2019: due. */
  wilberforce: CaseRecord;
  /** Resolved in 2019 and never closed: due (counted from its last entry). */
  resolvedNeverClosed: CaseRecord;
  /** Still open since 2018 (never resolved): never anonymised automatically. */
  stillOpen: CaseRecord;
}

/** Build the fixture: six cases over every kind of timeline entry, letters, a reassignment and a reminder already shown. */
export async function buildPrivacyFixture(database: RedressDatabase): Promise<PrivacyFixture> {
  const zebParts: NewCaseParts = {
    receivedOn: '2019-03-04',
    channel: 'letter',
    customer: {
      name: 'Zebedee Quillfeather',
      address: { lines: ['99 Marmalade Row', 'Puddleby-on-the-Marsh'], postcode: 'QX9 8ZZ' },
      phone: '07700 900123',
      email: 'zebedee.q@quill-mail.example',
      accountNumber: 'ACC-77-4411',
    },
    representative: { name: 'Hortense Quillfeather', relationship: 'daughter', address: { lines: ['3 Lantern Yard', 'Puddleby-on-the-Marsh'], postcode: 'QX1 2YY' } },
    communication: { largePrint: true, prefersPost: true },
    category: 'fault-repair',
    summary: 'My broadband vanished during the thunderstorm and nobody came.',
  };
  const c1 = ticking('2019-03-04T09:00:00Z');
  const zebOld = await createCase(database, zebParts, { settings: settings('kinex'), by: STAFF[0], clock: c1 });
  await letter(database, zebOld, '2019-03-04', c1);
  await reassignCase(database, zebOld.id, STAFF[1], { by: STAFF[0], reason: 'asked for a handler who knows the village', clock: c1 });
  await act(
    database,
    zebOld,
    [
      ['acknowledge', { on: '2019-03-05', channel: 'letter', summary: 'Called from the hospital ward' }],
      ['log-contact', { on: '2019-03-06', channel: 'phone', direction: 'from-customer', summary: 'Talked about the parrot called Figaro' }],
      ['send-update', { on: '2019-03-07', channel: 'email', summary: 'Engineer booked; prefers to be called Zeb' }],
      ['record-vulnerability', { on: '2019-03-07', details: 'recovering from hip surgery; uses a hearing aid', reason: 'reasonable-adjustments', note: 'needs calls after two' }],
      ['pause', { on: '2019-03-08', reason: 'Photos of the damp wall behind the router' }],
      ['resume', { on: '2019-03-11', summary: 'Photos of the damp wall behind the router arrived' }],
      ['respond', { on: '2019-03-12', channel: 'letter', summary: 'wants it fixed before the christening' }],
      ['escalate', { on: '2019-03-13', reason: 'Zebedee Quillfeather asked for a manager' }],
      ['propose-resolution', { on: '2019-03-14', channel: 'phone', summary: 'refund of the line rental to her daughter' }],
      ['record-rejection', { on: '2019-03-15', channel: 'phone', who: 'Hortense Quillfeather', summary: 'Zebedee Quillfeather wanted more' }],
      ['propose-resolution', { on: '2019-03-16', channel: 'phone', summary: 'refund of the line rental to her daughter, and £30' }],
      ['record-acceptance', { on: '2019-03-18', channel: 'email', who: 'Hortense Quillfeather' }],
      ['record-payment', { on: '2019-03-18', kind: 'compensation', amount: '30', currency: 'GBP', reason: 'sorry about the parrot' }],
      [
        'edit-customer',
        {
          on: '2019-03-19',
          customerName: 'Zeb Quillfeather-Jones',
          addressLines: '17 Gannet Close\nLittle Snoring',
          postcode: 'QX7 7AB',
          phone: '+44 7700 900456',
          email: 'zebedee.q@quill-mail.example',
          accountNumber: 'ACC-77-4411',
          summary: 'Moved to 17 Gannet Close',
        },
      ],
      ['add-note', { on: '2019-03-19', summary: 'Zeb Quillfeather-Jones phoned from 07700 900456 about the parrot called Figaro; new email zeb.new@quill-mail.example' }],
      ['resolve', { on: '2019-03-20', summary: 'Engineer fixed the damp wall behind the router' }],
      ['close', { on: '2019-03-21', summary: 'Closed; Hortense Quillfeather thanked us' }],
    ],
    c1,
  );

  const c2 = ticking('2025-01-06T09:00:00Z');
  const zebRecent = await createCase(
    database,
    { ...zebParts, receivedOn: '2025-01-06', customer: { ...zebParts.customer, name: 'Zebedee Quillfeather', email: 'zebedee.q@quill-mail.example' }, representative: undefined, communication: undefined, summary: 'broadband vanished during the thunderstorm again' },
    { settings: settings('kinex'), by: STAFF[0], clock: c2 },
  );
  await act(
    database,
    zebRecent,
    [
      ['acknowledge', { on: '2025-01-06', channel: 'email' }],
      ['resolve', { on: '2025-01-10', summary: 'Router swapped at 99 Marmalade Row' }],
      ['close', { on: '2025-01-11' }],
    ],
    c2,
  );

  const c3 = ticking('2018-01-08T09:00:00Z');
  const ottoline = await createCase(
    database,
    {
      receivedOn: '2018-01-08',
      channel: 'email',
      customer: { name: 'Ottoline Brackenbury', isBusiness: true, employees: 25, email: 'ottoline@brackenbury.example', accountNumber: 'BRK-000-555', address: { lines: ['8 Wren Mews', 'Little Snoring'], postcode: 'QX5 5CD' } },
      category: 'billing',
      summary: 'Ottoline Brackenbury was billed twice; sorry about the parrot',
    },
    { settings: settings('ofcom'), by: STAFF[0], clock: c3 },
  );
  await letter(database, ottoline, '2018-01-08', c3);
  await act(
    database,
    ottoline,
    [
      ['acknowledge', { on: '2018-01-09', channel: 'email' }],
      ['record-deadlock', { on: '2018-02-01', summary: 'No refund for Ottoline Brackenbury' }],
      ['adr-letter-sent', { on: '2018-02-01', channel: 'letter', summary: 'Sent to 8 Wren Mews' }],
      ['referred-to-adr', { on: '2018-02-20', reference: 'CISAS-REF-55501', summary: 'Ottoline Brackenbury went to CISAS' }],
      ['record-payment', { on: '2018-03-01', kind: 'goodwill', amount: '12.50', currency: 'GBP', reason: 'Goodwill for Ottoline Brackenbury' }],
      ['close', { on: '2018-03-02' }],
    ],
    c3,
  );

  const c4 = ticking('2019-05-06T09:00:00Z');
  const wilberforce = await createCase(
    database,
    { receivedOn: '2019-05-06', channel: 'phone', customer: { name: 'Wilberforce Dunnock', phone: '0161 496 0777' }, category: 'service', summary: 'Wilberforce Dunnock: recovering from hip surgery, line dead' },
    { settings: settings('jive-ca', 'canada'), by: STAFF[0], clock: c4 },
  );
  await act(
    database,
    wilberforce,
    [
      ['record-deadlock', { on: '2019-05-07', summary: 'Wilberforce Dunnock final position' }],
      ['ccts-informed', { on: '2019-05-07', channel: 'phone', summary: 'Told Wilberforce Dunnock' }],
      ['ccts-referral', { on: '2019-05-20', reference: 'CCTS-REF-88802', summary: 'CCTS about Wilberforce Dunnock' }],
      ['record-payment', { on: '2019-05-21', kind: 'compensation', amount: '40', currency: 'CAD', reason: 'Line dead for Wilberforce Dunnock' }],
      ['close', { on: '2019-05-22' }],
    ],
    c4,
  );

  const c5 = ticking('2019-02-04T09:00:00Z');
  const resolvedNeverClosed = await createCase(
    database,
    { receivedOn: '2019-02-04', channel: 'web', customer: { name: 'Perpetua Inchbald', email: 'perpetua@inchbald.example' }, category: 'pricing', summary: 'Perpetua Inchbald: price rise' },
    { settings: settings('kinex'), by: STAFF[0], clock: c5 },
  );
  await act(
    database,
    resolvedNeverClosed,
    [
      ['acknowledge', { on: '2019-02-04', channel: 'email' }],
      ['resolve', { on: '2019-02-10', summary: 'Perpetua Inchbald accepted the old price' }],
      ['add-note', { on: '2019-02-11', summary: 'Perpetua Inchbald rang to say thanks' }],
    ],
    c5,
  );

  const c6 = ticking('2018-04-02T09:00:00Z');
  const stillOpen = await createCase(
    database,
    { receivedOn: '2018-04-02', channel: 'chat', customer: { name: 'Open Customer', email: 'open.customer@example.com' }, category: 'other', summary: 'Still being handled' },
    { settings: settings('kinex'), by: STAFF[0], clock: c6 },
  );

  // A reminder already shown for one of the cases (the `notified` table names cases by id only).
  await markNotified(database, `overdue:${zebOld.id}:acknowledge:2019-03-06`, { now: () => new Date('2019-03-07T08:00:00Z') });

  const get = async (r: CaseRecord) => (await database.cases.get(r.id))!;
  return {
    zebOld: await get(zebOld),
    zebRecent: await get(zebRecent),
    ottoline: await get(ottoline),
    wilberforce: await get(wilberforce),
    resolvedNeverClosed: await get(resolvedNeverClosed),
    stillOpen: await get(stillOpen),
  };
}

/** Every table of the database as JSON text; bytes (letters' PDFs) as Latin-1 text, so words inside them are found too. */
export async function dumpDatabase(database: RedressDatabase): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of database.tables) {
    const rows = await table.toArray();
    out[table.name] = JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? Array.from(value, (b) => String.fromCharCode(b)).join('') : value));
  }
  return out;
}

/** Where each personal string still occurs: "table: string". Case-insensitive. */
export function personalDataFound(dump: Record<string, string>, strings: readonly string[] = ALL_PERSONAL_STRINGS): string[] {
  const found: string[] = [];
  for (const [table, text] of Object.entries(dump)) {
    const lower = text.toLowerCase();
    for (const s of strings) if (lower.includes(s.toLowerCase())) found.push(`${table}: ${s}`);
  }
  return found;
}
