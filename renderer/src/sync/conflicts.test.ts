import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseClash, Settlement } from '#shared/sync/merge';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { createCase } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { readTimeline } from '#db/timeline';
import { settleCaseClash } from './conflicts';

let opened: RedressDatabase[] = [];
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

const Sam = { writer: 'desk-a', by: 'Sam', at: '2026-11-20T10:00:00.000Z' };
const Kim = { writer: 'desk-b', by: 'Kim', at: '2026-11-20T10:05:00.000Z' };

async function caseWithClash(clash: CaseClash, settled?: Settlement[]) {
  const database = new RedressDatabase(`conflicts-${process.pid}-${opened.length}`);
  opened.push(database);
  const record = await createCase(database, newCaseParts(), {
    settings: deskSettings({ deskPrefix: 'LDS' }),
    by: 'Sam',
  });
  await database.cases.update(record.id, { channel: clash.kept.value as 'phone' });
  await database.conflicts.put({ caseId: record.id, clashes: [clash], ...(settled ? { settled } : {}) });
  return { database, id: record.id };
}

const lastNote = async (database: RedressDatabase, id: string) =>
  (await readTimeline(database, id)).filter((e) => e.type === 'note').at(-1)?.summary;

describe('settling a field changed at two desks', () => {
  it('the note records what the person chose (still true if another desk chose otherwise meanwhile), and says when the field had been settled differently', async () => {
    const clash: CaseClash = { path: ['channel'], kept: { value: 'phone', ...Sam }, other: { value: 'email', ...Kim } };
    const first = await caseWithClash(clash);
    await settleCaseClash(first.database, first.id, ['channel'], 'other', { by: 'Kim', today: '2026-11-21' });
    expect((await first.database.cases.get(first.id))!.channel).toBe('email');
    expect(await lastNote(first.database, first.id)).toBe(
      'Changed at two desks: channel: chose “email” (desk-b, Kim), not “phone” (desk-a, Sam)',
    );

    // Alice chose email and Bob phone at the same moment: the field is asked again with their choices as its sides.
    const Alice = { writer: 'desk-a', by: 'Alice', at: '2026-11-21T09:00:00.000Z' };
    const Bob = { writer: 'desk-b', by: 'Bob', at: '2026-11-21T09:00:01.000Z' };
    const reopened: CaseClash = {
      path: ['channel'],
      kept: { value: 'email', ...Alice },
      other: { value: 'phone', ...Bob },
    };
    const again = await caseWithClash(reopened, [{ ...clash, chosen: [reopened.kept, reopened.other] }]);
    await settleCaseClash(again.database, again.id, ['channel'], 'kept', { by: 'Bob', today: '2026-11-21' });
    expect((await again.database.cases.get(again.id))!.channel).toBe('email');
    expect(await lastNote(again.database, again.id)).toBe(
      'Changed at two desks, then settled differently: channel: chose “email” (desk-a, Alice), not “phone” (desk-b, Bob)',
    );
    expect((await again.database.conflicts.get(again.id))?.clashes).toEqual([]);
  });
});
