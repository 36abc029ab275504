import { afterAll, describe, expect, it } from 'vitest';
import { type StorageMessage, storageChannel, tellOtherWindows } from './storage';

describe('what a window tells the app’s other windows about the database', () => {
  // Another window of the app: its own channel of the same name.
  const other = new BroadcastChannel('redress-storage');
  afterAll(() => {
    other.close();
    storageChannel()?.close();
  });

  it('reaches the other windows, and never the window that said it', async () => {
    const heardHere: StorageMessage[] = [];
    const heardThere: StorageMessage[] = [];
    const here = storageChannel()!;
    here.onmessage = (event: MessageEvent<StorageMessage>) => heardHere.push(event.data);
    other.onmessage = (event: MessageEvent<StorageMessage>) => heardThere.push(event.data);

    tellOtherWindows('hold');
    tellOtherWindows('resume');
    await expect.poll(() => heardThere).toEqual(['hold', 'resume']);
    // A window that heard its own "hold" said another window was moving the desk, and could reload itself when its
    // own move failed, losing the words that said why.
    expect(heardHere).toEqual([]);

    // What another window says is heard here.
    other.postMessage('moved' satisfies StorageMessage);
    await expect.poll(() => heardHere).toEqual(['moved']);
    expect(storageChannel()).toBe(here);
  });
});
