import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Vitest 5 reports failures with Map.groupBy, which Node 20 lacks (Node 21+ has it).
if (typeof (Map as unknown as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<T, K>(items: Iterable<T>, key: (item: T, index: number) => K) {
      const map = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = map.get(k);
        if (list) list.push(item);
        else map.set(k, [item]);
      }
      return map;
    },
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    environment: 'node',
    env: { TZ: 'Europe/London' },
    testTimeout: 30_000,
  },
});
