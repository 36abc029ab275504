// A table of strings, each written once and named by its position: how packed rows (shared/reports/packed.ts,
// renderer/src/db/case-index/packed.ts) write a value that repeats from row to row.

export interface StringTable {
  /** The strings in the order they were first named. */
  readonly strings: string[];
  /** The position of `s`, added at the end the first time. */
  readonly n: (s: string) => number;
  /** The same, with null kept as null. */
  readonly maybe: (s: string | null) => number | null;
}

export function stringTable(): StringTable {
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  const n = (s: string): number => {
    let i = numbers.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      numbers.set(s, i);
    }
    return i;
  };
  return { strings, n, maybe: (s) => (s === null ? null : n(s)) };
}
