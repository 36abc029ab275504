// The case list as a virtualised grid: only the rows in view are in the page, so it scrolls smoothly through
// 100,000 cases. Rows keep table semantics (role row/cell) for screen readers and tests. Keyboard: arrows,
// Page Up/Down, Home/End move the highlighted row; Enter opens it. One click on a row opens its case.
// Rows are plain elements with CSS classes (no per-row Mantine components or tooltips): a new search result redraws
// every visible row, and that must stay within a frame or two.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  memo,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { CaseIndexRow } from '#db/schema';
import { isOverdue } from './search';
import classes from './CaseTable.module.css';
import { formatShortDate } from '#lib/format';
import { builtInWordsIn, clockLabel, type MessageKey, nameIn, type Translate, useLocale, useT } from '#lib/i18n/index';

/** A row's height before it is drawn and measured (one line of text); rows grow when their text wraps. */
const ROW_HEIGHT = 44;

/** "18 Nov 2026" from "2026-11-18" (the list is narrow; the case page gives the weekday), in the interface language. */
export const listDate = (iso: string): string => formatShortDate(iso);

export interface CaseTableHandle {
  /** Move the highlight by `delta` rows. */
  move(delta: number): void;
  moveTo(index: number): void;
  /** Open the highlighted row (the first when none is highlighted). */
  openActive(): void;
  focus(): void;
}

interface Props {
  rows: readonly CaseIndexRow[];
  today: string;
  onOpen: (row: CaseIndexRow) => void;
  /** Marks for the benchmark and tests: what the rows answer. */
  dataAttributes?: Record<string, string>;
}

const COLUMNS = ['reference', 'customer', 'received', 'nextDue', 'stage', 'handler', 'status'] as const;

/** The words rows show, each worked out once per interface language (every visible row is redrawn at every key). */
interface RowWords {
  t: Translate;
  status(status: string): string;
  clock(label: string): string;
  overdueNote(label: string): string;
  /** A stage's name: a built-in procedure's in the interface language. */
  stage(name: string): string;
  overdue: string;
}

function rowWords(t: Translate, locale: string): RowWords {
  const known = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = make()));
    return text;
  };
  return {
    t,
    status: (status) => once(`status|${status}`, () => t(`model.status.${status}` as MessageKey)),
    clock: (label) => once(`clock|${label}`, () => clockLabel(t, label, locale)),
    overdueNote: (label) =>
      once(`overdue|${label}`, () => t('caseTable.overdueNote', { label: clockLabel(t, label, locale) })),
    stage: (name) => once(`stage|${name}`, () => builtInWordsIn(locale, name)),
    overdue: t('caseTable.overdue'),
  };
}

const Row = memo(function Row({
  row,
  index,
  start,
  active,
  late,
  onOpen,
  words,
  measure,
}: {
  row: CaseIndexRow;
  index: number;
  start: number;
  active: boolean;
  late: boolean;
  onOpen: (row: CaseIndexRow) => void;
  words: RowWords;
  /** The virtualiser's measure: a row whose text wraps (larger text spacing, a long name) is as tall as it needs. */
  measure: (element: HTMLElement | null) => void;
}) {
  return (
    <div
      ref={measure}
      data-index={index}
      id={`case-row-${row.caseId}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={classes.row}
      data-active={active || undefined}
      data-striped={index % 2 === 1 || undefined}
      style={{ transform: `translateY(${start}px)` }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return;
        onOpen(row);
      }}
    >
      <div role="gridcell" className={classes.cell}>
        <a
          className={classes.reference}
          href={`#/cases/${row.caseId}`}
          tabIndex={-1}
          onClick={(e) => {
            e.preventDefault();
            onOpen(row);
          }}
        >
          {row.reference}
        </a>
      </div>
      <div role="gridcell" className={classes.cell}>
        {nameIn(words.t, row.customerName)}
        {row.representativeName && (
          <span className={classes.dimmed}> {words.t('caseTable.via', { name: row.representativeName })}</span>
        )}
      </div>
      <div role="gridcell" className={classes.cell}>
        {listDate(row.receivedOn)}
      </div>
      <div
        role="gridcell"
        className={classes.cell}
        title={
          row.nextClockLabel
            ? late
              ? words.overdueNote(row.nextClockLabel)
              : words.clock(row.nextClockLabel)
            : undefined
        }
      >
        {row.nextDueOn ? (
          <>
            <span className={late ? classes.late : undefined}>
              {listDate(row.nextDueOn)}
              {late && <span className={classes.visuallyHidden}> {words.overdue}</span>}
            </span>
            {row.nextClockLabel && <span className={classes.dimmed}> · {words.clock(row.nextClockLabel)}</span>}
          </>
        ) : (
          <span className={classes.dimmed}>—</span>
        )}
      </div>
      <div role="gridcell" className={classes.cell}>
        {row.stageName ? words.stage(row.stageName) : '—'}
      </div>
      <div role="gridcell" className={classes.cell}>
        {row.assignee || '—'}
      </div>
      <div role="gridcell" className={classes.cell}>
        <span className={classes.status} data-status={row.status}>
          {words.status(row.status)}
        </span>
      </div>
    </div>
  );
});

export const CaseTable = forwardRef<CaseTableHandle, Props>(function CaseTable(
  { rows, today, onOpen, dataAttributes },
  ref,
) {
  const t = useT();
  const { locale } = useLocale();
  const words = useMemo(() => rowWords(t, locale), [t, locale]);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const [shownRows, setShownRows] = useState(rows);
  const [height, setHeight] = useState(480);

  // A new result set starts with nothing highlighted (reset while rendering, not in an effect: one pass, not two).
  if (shownRows !== rows) {
    setShownRows(rows);
    setActive(-1);
  }

  // Fill the window below the list's top edge.
  useEffect(() => {
    const fit = () => {
      const top = scroller.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(240, window.innerHeight - top - 24));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows drawn beyond the view on each side: each is redrawn at every key typed, and rows are cheap to draw as they
    // scroll into view.
    overscan: 3,
    initialRect: { width: 1000, height: 480 },
  });

  // Back to the top for a new result set (only when scrolled: setting scrollTop forces a layout).
  useLayoutEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [rows, virtualizer]);

  const moveTo = (index: number) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const open = (index: number) => {
    const row = rows[index < 0 ? 0 : index];
    if (row) onOpen(row);
  };
  /**
   * The row a page away from the highlighted one, by the rows' own heights (measured once drawn, estimated before):
   * down, the last row that fits in a view whose top is the highlighted row's top; up, the first that fits in a view
   * whose bottom is its bottom. Rows grow when their text wraps (1.4.12 spacing, larger text, a long name), so a count
   * of rows at the estimated height would skip rows the handler never saw.
   */
  const pageFrom = (direction: 1 | -1) => {
    const from = Math.max(0, active);
    const here = virtualizer.measurementsCache[from];
    if (!here) return from;
    if (direction > 0) {
      const bottom = here.start + height;
      const edge = virtualizer.getVirtualItemForOffset(bottom);
      const last = !edge ? from : edge.end <= bottom ? edge.index : edge.index - 1;
      return Math.max(from + 1, last);
    }
    const top = Math.max(0, here.end - height);
    const edge = virtualizer.getVirtualItemForOffset(top);
    const first = !edge ? from : edge.start >= top ? edge.index : edge.index + 1;
    return Math.min(from - 1, first);
  };

  useImperativeHandle(ref, () => ({
    move: (delta) => moveTo((active < 0 ? (delta > 0 ? -1 : 0) : active) + delta),
    moveTo,
    openActive: () => open(active),
    focus: () => scroller.current?.focus(),
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(pageFrom(1)),
      PageUp: () => moveTo(pageFrom(-1)),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => open(active),
    };
    const handler = keys[e.key];
    if (handler) {
      e.preventDefault();
      handler();
    }
  };

  return (
    <div
      className={classes.table}
      role="grid"
      aria-label={t('caseTable.label')}
      aria-rowcount={rows.length + 1}
      {...dataAttributes}
    >
      <div role="rowgroup" className={classes.head}>
        <div role="row" aria-rowindex={1} className={classes.headRow}>
          {COLUMNS.map((c) => (
            <div role="columnheader" key={c} className={classes.cell}>
              {t(`caseTable.col.${c}`)}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className={classes.body}
        style={{ height }}
        tabIndex={0}
        aria-label={t('caseTable.rows')}
        aria-activedescendant={active >= 0 && rows[active] ? `case-row-${rows[active].caseId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {/* Keyed by place, not by case: a new result set fills the same row elements with other text instead of
              removing and making them all again (most of a keystroke's cost in the browser: docs/performance.md). */}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <Row
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                active={item.index === active}
                late={isOverdue(row, today)}
                onOpen={onOpen}
                words={words}
                measure={virtualizer.measureElement}
              />
            );
          })}
        </div>
        {rows.length === 0 && <p className={classes.empty}>{t('caseTable.noMatch')}</p>}
      </div>
    </div>
  );
});
