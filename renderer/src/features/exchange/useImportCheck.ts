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
  input: { rows: readonly (readonly string[])[]; headers: readonly string[] } | null,
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
    const step = () => {
      if (cancelled) return;
      const until = performance.now() + SLICE_MS;
      while (checked.length < total && performance.now() < until) {
        const i = checked.length;
        checked.push(checkRow(input.rows[i], i, input.headers, mapping, { today, dateOrder, provider }));
      }
      if (checked.length < total) {
        setState({ check: null, progress: { done: checked.length, total } });
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
