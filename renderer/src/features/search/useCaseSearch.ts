// The case list's state: the query, filters and sort, remembered for the window's session (back from a case, the
// list is as it was), and the matching rows from the in-memory case index.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { prepareSearch } from '#db/case-index/text-index';
import { useCaseIndex } from '#db/hooks';
import { afterNextFrame } from '#lib/after-first-frame';
import { CaseSearch, type CaseFilters, type SortKey } from './search';

export interface ListState {
  text: string;
  filters: CaseFilters;
  sort: SortKey;
}

const EMPTY: ListState = { text: '', filters: {}, sort: 'received' };
let remembered: ListState = EMPTY;

export function useCaseSearch(today: string, initial?: Partial<ListState>) {
  const snapshot = useCaseIndex();
  const [state, setState] = useState<ListState>(() => (initial ? { ...EMPTY, ...initial } : remembered));
  const searcher = useRef<CaseSearch | null>(null);
  searcher.current ??= new CaseSearch();

  /** Change the query, filters or sort: a partial state, or a function of the current one. */
  const update = useCallback(
    (change: Partial<ListState> | ((current: ListState) => Partial<ListState>)) =>
      setState((s) => {
        const next = { ...s, ...(typeof change === 'function' ? change(s) : change) };
        if (!initial) remembered = next;
        return next;
      }),
    [initial],
  );

  // Once every row is there and drawn, the search structures are built (the trigram index in a worker), before the
  // first key: after the frame that shows the list (a key pressed sooner gets the same answer from a scan).
  useEffect(() => {
    if (!snapshot.complete) return;
    return afterNextFrame(() => prepareSearch(snapshot.rows));
  }, [snapshot.complete, snapshot.rows]);

  const results = useMemo(
    () => searcher.current!.run(snapshot.rows, { text: state.text, filters: state.filters, sort: state.sort, today }),
    [snapshot.rows, state, today],
  );

  return { state, update, results, total: snapshot.rows.length, complete: snapshot.complete, rows: snapshot.rows };
}

export function activeFilterCount(filters: CaseFilters): number {
  return Object.values(filters).filter((v) => v !== undefined && v !== null && v !== false).length;
}
