// Which rows of a list of fixed-height rows are drawn, and where to scroll to show one. The case list's rows are all
// ROW_HEIGHT high, so the window is arithmetic: nothing is measured or kept per row (a general virtualiser keeps a
// measurement for every row, which at 100,000 cases is rebuilt at every key typed in the search box).

export interface RowWindow {
  /** The first and last row drawn (inclusive); `last < first` when there are none. */
  first: number;
  last: number;
}

/** The rows in view from `scrollTop` over `viewHeight` pixels, and `overscan` more on each side. */
export function rowWindow(
  scrollTop: number,
  viewHeight: number,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  if (count <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.min(count - 1, Math.floor(top / rowHeight)) - overscan);
  const last = Math.min(count - 1, Math.ceil((top + Math.max(0, viewHeight)) / rowHeight) - 1 + overscan);
  return { first, last: Math.max(first, last) };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible ("auto"): unchanged (null) when it is
 * already in view, else the row at the top (scrolling up) or at the bottom (scrolling down).
 */
export function scrollToShow(index: number, scrollTop: number, viewHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewHeight) return Math.max(0, bottom - viewHeight);
  return null;
}
