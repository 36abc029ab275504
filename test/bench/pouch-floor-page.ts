// Bench-only code run inside the browser page by sync.bench.ts's `--only chromium-floor` (bundled on the fly with Vite;
// never part of the app's build): the replication engine alone. The app's own PouchDB set-up (the indexeddb adapter,
// the batched `revsDiff`, the remote with the cookie session and the recent server info) pulls the team's database
// into a fresh local PouchDB with the app's batch size and checkpoint, and nothing else: no bridge, no Dexie. Its time
// is the floor a desk's first download cannot go under while PouchDB does the replicating, as issue #14 requires.
import { withBatchedRevsDiff } from '#renderer/sync/pouch';
import { browserPouch, signIn } from '#renderer/sync/team';

export async function pullOnly(
  serverUrl: string,
  database: string,
  user: string,
  password: string,
  batchSize: number,
): Promise<{ ms: number; documents: number }> {
  await signIn(serverUrl, user, password);
  const local = withBatchedRevsDiff(await browserPouch.local(`floor-${Date.now()}`, 'indexeddb'));
  const remote = await browserPouch.remote(`${serverUrl}/${database}`);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const replication = (local as unknown as { replicate: { from: Function } }).replicate.from(remote, {
      batch_size: batchSize,
      checkpoint: 'target',
    });
    replication.on('complete', () => resolve());
    replication.on('error', (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
  });
  const ms = performance.now() - started;
  const info = (await local.info()) as { doc_count: number };
  return { ms, documents: info.doc_count };
}
