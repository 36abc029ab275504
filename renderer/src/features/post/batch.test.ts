import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskSettings } from '../../../../shared/model/case';
import type { NewCaseParts } from '../../../../shared/model/intake';
import { createCase } from '../../db/repository';
import { RedressDatabase } from '../../db/schema';
import { letterText } from '../letters/compose';
import { buildDueLetter, DEFAULT_PROGRESS, lettersToPost, wantsPost } from './batch';

const settings: DeskSettings = {
  deskPrefix: 'RDR',
  calendar: 'england-and-wales',
  defaultProcedureId: 'ofcom',
  company: { name: 'Acme Broadband Ltd', addressLines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' },
  handlerName: 'Sam Patel',
};
const address = { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' };
const parts = (over: Partial<NewCaseParts>): NewCaseParts => ({
  receivedOn: '2026-11-22',
  channel: 'letter',
  customer: { name: 'Ada Lovelace', address },
  category: 'billing',
  summary: 'Charged twice for October',
  ...over,
});
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  n += 1;
  const d = new RedressDatabase(`redress-post-${process.pid}-${n}`);
  opened.push(d);
  return d;
}
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

describe('letters to post', () => {
  it('goes by post when the customer wrote by post or asked for post', () => {
    expect(wantsPost({ channel: 'letter' })).toBe(true);
    expect(wantsPost({ channel: 'phone', communication: { prefersPost: true } })).toBe(true);
    expect(wantsPost({ channel: 'phone' })).toBe(false);
  });

  it('lists acknowledgements and overdue ADR letters for postal customers only', async () => {
    const database = fresh();
    const today = await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const old = await createCase(database, parts({ receivedOn: '2026-10-01', customer: { name: 'Grace Hopper', address } }), { settings, by: 'Sam', clock });
    await createCase(database, parts({ channel: 'phone', customer: { name: 'Phone Person', phone: '0113 496 0000' } }), { settings, by: 'Sam', clock });
    const asked = await createCase(database, parts({ channel: 'phone', communication: { prefersPost: true }, customer: { name: 'Post Pat', address } }), { settings, by: 'Sam', clock });
    const due = await lettersToPost(database, '2026-11-22');
    const summary = due.map((d) => `${d.reference} ${d.kind}`);
    expect(summary).toEqual([
      `${today.reference} acknowledgement`,
      `${old.reference} acknowledgement`,
      `${old.reference} adr-letter`,
      `${asked.reference} acknowledgement`,
    ]);
    expect(due.find((d) => d.kind === 'adr-letter')!.why).toMatch(/^ADR letter overdue since 2026-11-/);
  });

  it('builds the time-based ADR letter with the default progress sentence, and refuses a case with no address', async () => {
    const database = fresh();
    const old = await createCase(database, parts({ receivedOn: '2026-10-01' }), { settings, by: 'Sam', clock });
    const events = await database.events.where('caseId').equals(old.id).toArray();
    const built = buildDueLetter('adr-letter', { record: old, events, settings, today: '2026-11-22', by: 'Sam', progress: '' });
    expect(letterText(built.doc)).toContain(DEFAULT_PROGRESS);
    expect(built.fileName).toBe(`${old.reference}-adr-letter.pdf`);
    expect(built.also?.type).toBe('adr-letter-sent');
    const ack = buildDueLetter('acknowledgement', { record: old, events, settings, today: '2026-11-22', by: 'Sam', progress: '' });
    expect(ack.also?.type).toBe('acknowledged');
    const noAddress = { ...old, customer: { name: 'Ada Lovelace' } };
    expect(() => buildDueLetter('acknowledgement', { record: noAddress, events, settings, today: '2026-11-22', by: 'Sam', progress: '' })).toThrow(/postal address/);
  });
});
