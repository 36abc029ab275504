// The postal complaints "Letters to post today" is benchmarked on (bench:letters, bench:vs-libreoffice), written with
// the app's own schema and repository code: bundled into the page by letters.bench.ts, run under fake-indexeddb by
// vs-libreoffice.bench.ts.
import type { DeskSettings } from '#shared/model/case';
import { localIsoDate } from '#shared/model/dates';
import { appendEvent, createCase, saveSettings } from '#db/repositories/cases';
import { deskDatabase } from './desk-database';

export const LETTERS_DESK = {
  deskPrefix: 'RDR',
  calendar: 'england-and-wales',
  defaultProcedureId: 'ofcom',
  company: {
    name: 'Northwind Broadband Ltd',
    addressLines: ['Unit 4, Canal Wharf', 'Leeds'],
    postcode: 'LS11 5PS',
    phone: '0113 496 0999',
  },
  handlerName: 'Sam Patel',
} as DeskSettings;

let seq = 0;

/**
 * Add `acknowledgements` complaints received by post today (each due an acknowledgement) and `adrLetters` received on
 * 1 September 2026 and acknowledged (each due its time-based ADR letter), to the app's database.
 */
export async function seed(acknowledgements: number, adrLetters: number): Promise<void> {
  const database = await deskDatabase();
  await database.open();
  if (!(await database.settings.get('desk'))) await saveSettings(database, LETTERS_DESK);
  const today = localIsoDate(new Date());
  const make = (receivedOn: string) => {
    seq += 1;
    return createCase(
      database,
      {
        receivedOn,
        channel: 'letter',
        customer: { name: `Customer ${seq}`, address: { lines: [`${seq} High Street`, 'Leeds'], postcode: 'LS1 1AA' } },
        category: 'billing',
        summary: `Charged twice for October (${seq})`,
      },
      { settings: LETTERS_DESK, by: 'Sam Patel' },
    );
  };
  for (let i = 0; i < acknowledgements; i += 1) await make(today);
  for (let i = 0; i < adrLetters; i += 1) {
    const c = await make('2026-09-01');
    await appendEvent(database, c.id, {
      type: 'acknowledged',
      on: '2026-09-02',
      by: 'Sam Patel',
      summary: 'Complaint acknowledged by email',
    });
  }
  database.close();
}
