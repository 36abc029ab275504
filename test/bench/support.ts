// What the benchmarks share: Debian's Chromium and the launch flags that work on this machine, waiting for the
// preview server, and taking the code out of an in-memory Vite library build.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Wait (up to 20 s) until `base` answers. */
export async function waitForServer(base: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${base}`);
}

/** The code of the one chunk a `build({ build: { write: false, lib } })` call produced. */
export function firstChunkCode(out: unknown): string {
  const outputs = (Array.isArray(out) ? out : [out]) as Array<{ output: Array<{ type: string; code?: string }> }>;
  const chunk = outputs[0].output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('The seeding bundle did not build');
  return chunk.code;
}
