// The case list: search as you type, filters and sorting over every case, in a virtualised list (see
// features/search). Reads the in-memory case index, never the case records.
import { Button, Chip, CloseButton, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { memo, useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS } from '#shared/model/case';
import { procedureOptions } from '#lib/rules';
import { todayIso } from '#lib/today';
import type { CaseIndexRow } from '#db/schema';
import { CaseTable, type CaseTableHandle } from '#features/search';
import { filterChoices, SORTS, type CaseFilters, type SortKey } from '#features/search';
import { activeFilterCount, useCaseSearch, type ListState } from '#features/search';
import { CaseListExchange } from '#features/exchange';
import { ScreenTitle } from '#ui/ScreenTitle';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
];
const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const SORT_OPTIONS = Object.entries(SORTS).map(([value, label]) => ({ value, label }));
const NOBODY = '\u0000nobody';

const count = (n: number) => n.toLocaleString('en-GB');

export interface CaseListPageProps {
  /** Heading; "Cases" unless a view (such as "My cases") says otherwise. */
  title?: string;
  /** Start from these filters instead of the remembered ones (e.g. `{ filters: { assignee: me } }` for "my cases"). */
  initial?: Partial<ListState>;
}

/** The route's page: every case, with the search and filters remembered for the session. */
export function CaseListPage() {
  return <CaseList />;
}

type Update = ReturnType<typeof useCaseSearch>['update'];
type Option = { value: string; label: string };

/** One filter: memoised with stable props, so changing one filter (or typing) redraws only what changed. */
const FilterSelect = memo(function FilterSelect({
  label,
  field,
  value,
  data,
  update,
}: {
  label: string;
  field: keyof CaseFilters;
  value: string | null;
  data: Option[];
  update: Update;
}) {
  const onChange = useCallback(
    (v: string | null) =>
      update((s) => ({ filters: { ...s.filters, [field]: field === 'assignee' && v === NOBODY ? '' : v } })),
    [field, update],
  );
  return (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      size="xs"
    />
  );
});

const SortSelect = memo(function SortSelect({ sort, update }: { sort: SortKey; update: Update }) {
  const onChange = useCallback((v: string | null) => v && update({ sort: v as SortKey }), [update]);
  return (
    <Select label="Sort by" data={SORT_OPTIONS} value={sort} onChange={onChange} allowDeselect={false} size="xs" />
  );
});

/** The filters and sort. */
function FilterBar({
  filters,
  sort,
  rows,
  update,
}: {
  filters: CaseFilters;
  sort: SortKey;
  rows: readonly CaseIndexRow[];
  update: Update;
}) {
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const stageOptions = useMemo(() => choices.stageNames.map((s) => ({ value: s, label: s })), [choices]);
  const handlerOptions = useMemo(
    () => choices.assignees.map((a) => (a ? { value: a, label: a } : { value: NOBODY, label: 'Nobody' })),
    [choices],
  );
  const procedures = useMemo(() => procedureOptions(), []);
  return (
    <SimpleGrid cols={{ base: 3, lg: 7 }} spacing="xs" verticalSpacing={4}>
      <FilterSelect
        label="Status"
        field="status"
        value={filters.status ?? null}
        data={STATUS_OPTIONS}
        update={update}
      />
      <FilterSelect
        label="Stage"
        field="stageName"
        value={filters.stageName ?? null}
        data={stageOptions}
        update={update}
      />
      <FilterSelect
        label="Category"
        field="category"
        value={filters.category ?? null}
        data={CATEGORY_OPTIONS}
        update={update}
      />
      <FilterSelect
        label="Channel"
        field="channel"
        value={filters.channel ?? null}
        data={CHANNEL_OPTIONS}
        update={update}
      />
      <FilterSelect
        label="Handler"
        field="assignee"
        value={filters.assignee === '' ? NOBODY : (filters.assignee ?? null)}
        data={handlerOptions}
        update={update}
      />
      <FilterSelect
        label="Procedure"
        field="procedureId"
        value={filters.procedureId ?? null}
        data={procedures}
        update={update}
      />
      <SortSelect sort={sort} update={update} />
    </SimpleGrid>
  );
}

/** "Overdue only" and "Clear filters". */
const QuickFilters = memo(function QuickFilters({
  overdue,
  any,
  update,
}: {
  overdue: boolean;
  any: boolean;
  update: Update;
}) {
  const toggle = useCallback(
    (checked: boolean) => update((s) => ({ filters: { ...s.filters, overdue: checked } })),
    [update],
  );
  const clear = useCallback(() => update({ filters: {} }), [update]);
  return (
    <Group gap="xs">
      <Chip size="xs" checked={overdue} onChange={toggle}>
        Overdue only
      </Chip>
      {any && (
        <Button size="compact-xs" variant="subtle" onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
});

/** The case list; `title` and `initial` make views of it, such as "My cases". */
export function CaseList({ title = 'Cases', initial }: CaseListPageProps) {
  const [, navigate] = useLocation();
  const today = todayIso();
  const { state, update, results, total, complete, rows } = useCaseSearch(today, initial);
  const table = useRef<CaseTableHandle>(null);
  const open = useCallback((row: CaseIndexRow) => navigate(`/cases/${row.caseId}`), [navigate]);
  const filtered = activeFilterCount(state.filters) > 0 || state.text.trim() !== '';

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      table.current?.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      table.current?.openActive();
    } else if (e.key === 'Escape' && state.text) {
      e.preventDefault();
      update({ text: '' });
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <ScreenTitle>{title}</ScreenTitle>
        <Group gap="xs">
          <CaseListExchange rows={results} filtered={filtered} />
          <Button onClick={() => navigate('/new')}>New complaint</Button>
        </Group>
      </Group>
      {complete && total === 0 ? (
        <Text c="dimmed">No complaints logged yet. Press “New complaint” to log the first one.</Text>
      ) : (
        <>
          <TextInput
            placeholder="Search by reference, name, phone, email, postcode, account or words in the summary"
            aria-label="Search cases"
            value={state.text}
            onChange={(e) => update({ text: e.currentTarget.value })}
            onKeyDown={onSearchKey}
            autoFocus
            rightSection={
              state.text ? (
                <CloseButton aria-label="Clear search" size="sm" onClick={() => update({ text: '' })} />
              ) : null
            }
          />
          <FilterBar filters={state.filters} sort={state.sort} rows={rows} update={update} />
          <Group justify="space-between" gap="xs">
            <QuickFilters
              overdue={!!state.filters.overdue}
              any={activeFilterCount(state.filters) > 0}
              update={update}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {!complete
                ? `Loading cases… ${count(total)} so far`
                : filtered
                  ? `${count(results.length)} of ${count(total)} cases`
                  : `${count(total)} cases`}
            </Text>
          </Group>
          <CaseTable
            ref={table}
            rows={results}
            today={today}
            onOpen={open}
            dataAttributes={{
              'data-query': state.text,
              'data-filters': JSON.stringify(state.filters),
              'data-sort': state.sort,
              'data-count': String(results.length),
              'data-ready': complete ? 'case-list' : 'loading',
            }}
          />
        </>
      )}
    </Stack>
  );
}
