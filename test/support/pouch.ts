// PouchDB in Node for the bridge's tests: the same pouchdb-browser build the renderer uses, on the memory adapter
// (its IndexedDB adapters fail under fake-indexeddb: shared/TEAM-STORE.md). pouchdb-browser reads `self` when loaded.
import type { PouchDatabase } from '#renderer/sync/pouch';

(globalThis as { self?: unknown }).self ??= globalThis;

/**
 * pouchdb-browser's HTTP adapter reads attachments with the browser's FileReader, which Node lacks: a small one over
 * Blob's own readers, enough for what PouchDB calls (binary string and ArrayBuffer, reported through onloadend).
 */
class NodeFileReader {
  result: string | ArrayBuffer | null = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onloadend: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((error: unknown) => void) | null = null;
  private finish(read: Promise<string | ArrayBuffer>) {
    read.then(
      (result) => {
        this.result = result;
        this.onload?.({ target: this });
        this.onloadend?.({ target: this });
      },
      (error: unknown) => this.onerror?.(error),
    );
  }
  // The memory adapter hands attachments over as Node Buffers, the browser's adapters as Blobs.
  private static bytes(blob: Blob | Uint8Array): Promise<Uint8Array> {
    return blob instanceof Uint8Array ? Promise.resolve(blob) : blob.arrayBuffer().then((b) => new Uint8Array(b));
  }
  readAsArrayBuffer(blob: Blob | Uint8Array) {
    this.finish(NodeFileReader.bytes(blob).then((b) => b.slice().buffer));
  }
  readAsBinaryString(blob: Blob | Uint8Array) {
    this.finish(NodeFileReader.bytes(blob).then((b) => Buffer.from(b).toString('latin1')));
  }
}
(globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;
const { default: PouchDB } = await import('pouchdb-browser');
const { default: memory } = await import('pouchdb-adapter-memory');
PouchDB.plugin(memory);

export { PouchDB };

let n = 0;
/** A new, empty PouchDB in memory (a desk's local database in a test). */
export function memoryPouch(name = 'desk', options: { auto_compaction?: boolean } = {}): PouchDatabase {
  n += 1;
  return new PouchDB(`${name}-${process.pid}-${n}`, { adapter: 'memory', ...options });
}

/** Replicate both ways once, as a live sync would when the desks are both online. */
export async function replicateBoth(a: PouchDatabase, b: PouchDatabase): Promise<void> {
  await PouchDB.replicate(a, b);
  await PouchDB.replicate(b, a);
}
