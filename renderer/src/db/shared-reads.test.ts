import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '#test/support/until';
import { RedressDatabase } from './schema';
import { sharedRead, stopSharedReads } from './shared-reads';

let n = 0;
const databases: RedressDatabase[] = [];
afterEach(() => {
  stopSharedReads();
  for (const d of databases.splice(0)) d.close();
});

function database(): RedressDatabase {
  const d = new RedressDatabase(`shared-reads-${process.pid}-${++n}`);
  databases.push(d);
  return d;
}

describe('a read shared by every part of the window', () => {
  it('is read once for all the parts that ask, and once again at each change, not once per part', async () => {
    const d = database();
    await d.meta.put({ key: 'scope', value: 'team' });
    let reads = 0;
    const read = async () => {
      reads += 1;
      return (await d.meta.get('scope'))?.value ?? null;
    };
    const parts = [sharedRead('scope', read), sharedRead('scope', read), sharedRead('scope', read)];
    expect(new Set(parts).size).toBe(1);
    const told: number[] = [0, 0, 0];
    parts.forEach((part, i) => part.subscribe(() => (told[i] += 1)));
    await until(() => parts[0].value === 'team', 5_000, 'the first answer');
    expect(reads).toBe(1);

    await d.meta.put({ key: 'scope', value: 'desk' });
    await until(() => parts[0].value === 'desk', 5_000, 'the answer after the change');
    expect(reads).toBe(2);
    expect(told).toEqual([2, 2, 2]);
  });

  it('says a failed read to every part, and reads again when asked', async () => {
    const d = database();
    let failing = true;
    const read = async () => {
      if (failing) throw new Error('the settings cannot be read');
      return (await d.meta.get('x'))?.value ?? null;
    };
    const shared = sharedRead('failing', read);
    let told = 0;
    shared.subscribe(() => (told += 1));
    await until(() => shared.failed !== null, 5_000, 'the failure');
    expect(shared.failed).toEqual({ error: new Error('the settings cannot be read') });
    expect(told).toBe(1);
    // A part drawn afresh (an error boundary's "Try again") asks again; the read works now.
    failing = false;
    shared.again();
    expect(shared.failed).toBeNull();
    await until(() => told === 2, 5_000, 'the answer after asking again');
    expect(shared.value).toBeNull();
    expect(shared.failed).toBeNull();
  });

  it('asks nothing again while the read works', async () => {
    const d = database();
    await d.meta.put({ key: 'x', value: 1 });
    let reads = 0;
    const shared = sharedRead('working', async () => {
      reads += 1;
      return d.meta.count();
    });
    await until(() => shared.value !== undefined, 5_000, 'the first answer');
    shared.again();
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(1);
  });
});
