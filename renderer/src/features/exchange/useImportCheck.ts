// Checking every row of an import without freezing the window: the intake rules take a few milliseconds a row, so a
// large file is checked in slices between frames, with progress, and a change of file or columns starts again.
import { useEffect, useState } from 'react';
import {
  checkRow,
  summariseChecks,
  type ColumnMapping,
  type DateOrder,
  type ImportCheck,
  type ProviderOptions,
  type RowCheck,
} from '#shared/exports/cases-import';

const SLICE_MS = 40;

export interface ImportCheckState {
  check: ImportCheck | null;
  /** Rows checked so far while checking, else null. */
  progress: { done: number; total: number } | null;
}

export function useImportCheck(
  /** `skip`: rows (0 is the first below the header) left out before any check: already in Redress, anonymised. */
  input: { rows: readonly (readonly string[])[]; headers: readonly string[]; skip?: ReadonlySet<number> } | null,
  mapping: ColumnMapping | null,
  options: { today: string; dateOrder: DateOrder; provider?: ProviderOptions },
): ImportCheckState {
  const [state, setState] = useState<ImportCheckState>({ check: null, progress: null });
  const { today, dateOrder, provider } = options;
  useEffect(() => {
    if (!input || !mapping) {
      setState({ check: null, progress: null });
      return;
    }
    let cancelled = false;
    const checked: RowCheck[] = [];
    const total = input.rows.length;
    let next = 0;
    const step = () => {
      if (cancelled) return;
      const until = performance.now() + SLICE_MS;
      while (next < total && performance.now() < until) {
        const i = next++;
        if (input.skip?.has(i)) continue;
        checked.push(checkRow(input.rows[i], i, input.headers, mapping, { today, dateOrder, provider }));
      }
      if (next < total) {
        setState({ check: null, progress: { done: next, total } });
        setTimeout(step, 0);
      } else setState({ check: summariseChecks(checked), progress: null });
    };
    setState({ check: null, progress: { done: 0, total } });
    const timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [input, mapping, today, dateOrder, provider]);
  return state;
}
