// Settling a field changed at two desks ("Changed at two desks", issue #14): a person confirms the value the case
// holds or picks the other desk's. One transaction: the case, its list of clashes, a note on the timeline saying
// what the person chose (so the history keeps both values), and the case index. The change then travels to every
// desk on the case document, like any edit. The note says "chose", not "is": another desk may settle the same clash
// otherwise at the same moment, and then the field is asked again (shared/sync/merge.ts Settlement) until a last
// settlement, whose note names what the case holds.
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { chosenSide, otherSides, settleClash, settledDifferently, type ClashSide } from '#shared/sync/merge';
import { caseWriteTables, refreshCaseIndex } from '#db/case-index/derive';
import { SHARING_META_KEYS } from '#db/outbox';
import { recordEntries } from '#db/timeline';
import type { RedressDatabase } from '#db/schema';

/** How a clash's value reads on screen and in the note: text as it is, nothing as "(empty)", the rest as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

/** The field's name for people: ['customer', 'phone'] → "customer phone". */
export function fieldName(path: readonly string[]): string {
  return path.map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()).join(' ');
}

/** The same, as a heading: "Customer name". */
export function fieldHeading(path: readonly string[]): string {
  const name = fieldName(path);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export async function settleCaseClash(
  database: RedressDatabase,
  caseId: string,
  path: readonly string[],
  choice: 'kept' | 'other' | number,
  options: { by: string; today: string; clock?: { now(): Date } },
): Promise<void> {
  const at = (options.clock ?? { now: () => new Date() }).now().toISOString();
  await database.transaction('rw', caseWriteTables(database, database.conflicts, database.meta), async () => {
    const record = await database.cases.get(caseId);
    const row = await database.conflicts.get(caseId);
    if (!record || !row) return;
    const clash = row.clashes.find((c) => c.path.join('.') === path.join('.'));
    if (!clash) return; // settled already (at this desk or another)
    // The choice is recorded with who made it, where and when: a desk that settled the same clash differently
    // meanwhile then sees the two choices and asks again (shared/sync/merge.ts Settlement).
    const membership = (await database.meta.get(SHARING_META_KEYS.membership))?.value as { user?: string } | undefined;
    const settler = { writer: membership?.user ?? '', by: options.by, at };
    const again = settledDifferently(row.settled, path);
    const settled = settleClash(record, row.clashes, path, choice, row.settled, settler);
    const chosen = chosenSide(clash, choice);
    const notTaken = [clash.kept, ...otherSides(clash)].filter((side) => side !== chosen);
    const side = (s: ClashSide) => `“${describeValue(s.value)}” (${s.writer}${s.by ? `, ${s.by}` : ''})`;
    const next: CaseRecord = { ...settled.record, updatedAt: at };
    await database.cases.put(next);
    // The settlement is kept beside the open clashes: it travels on the case document, so a desk whose revision
    // still carries the clash (made before it heard) does not bring it back.
    await database.conflicts.put({ caseId, clashes: settled.clashes, settled: settled.settled });
    const note: TimelineEvent = {
      id: crypto.randomUUID(),
      caseId,
      type: 'note',
      on: options.today,
      at,
      by: options.by,
      summary:
        `Changed at two desks${again ? ', then settled differently' : ''}: ${fieldName(path)}: ` +
        `chose ${side(chosen)}, not ${notTaken.map(side).join(' or ')}`,
    };
    await recordEntries(database, [note]);
    await refreshCaseIndex(database, caseId);
  });
}
