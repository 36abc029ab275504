import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from './row-window';

describe('rowWindow', () => {
  it('draws the rows in view and the overscan on each side, within the list', () => {
    // 44 px rows, a 440 px view: rows 0–9 in view at the top.
    expect(rowWindow(0, 440, 100_000, 44, 3)).toEqual({ first: 0, last: 12 });
    // Scrolled to row 100 exactly: rows 100–109 in view, 97–112 drawn.
    expect(rowWindow(4400, 440, 100_000, 44, 3)).toEqual({ first: 97, last: 112 });
    // Half a row scrolled: row 100 partly and row 110 partly in view.
    expect(rowWindow(4422, 440, 100_000, 44, 3)).toEqual({ first: 97, last: 113 });
    // At the end of a short list.
    expect(rowWindow(0, 440, 4, 44, 3)).toEqual({ first: 0, last: 3 });
    expect(rowWindow(43_956, 440, 1_000, 44, 3)).toEqual({ first: 996, last: 999 });
  });

  it('draws nothing for no rows, and copes with a scroll position past the end (the list just shrank)', () => {
    expect(rowWindow(0, 440, 0, 44, 3)).toEqual({ first: 0, last: -1 });
    expect(rowWindow(1_000_000, 440, 5, 44, 3)).toEqual({ first: 1, last: 4 });
  });
});

describe('scrollToShow', () => {
  it('moves only when the row is not wholly in view, by as little as it can', () => {
    expect(scrollToShow(5, 0, 440, 44)).toBeNull();
    // Row 10 (440–484) is below a view of 0–440: scroll so its bottom is the view's bottom.
    expect(scrollToShow(10, 0, 440, 44)).toBe(44);
    // Row 2 above a view starting at 200: its top at the top.
    expect(scrollToShow(2, 200, 440, 44)).toBe(88);
    // Row 9 (396–440) is whole in a view of 10–450, and partly hidden in a view of 0–430.
    expect(scrollToShow(9, 10, 440, 44)).toBeNull();
    expect(scrollToShow(9, 0, 430, 44)).toBe(10);
  });
});
