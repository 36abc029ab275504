// The case list: search as you type, filters and sorting over every case, in a virtualised list (see
// features/search). Reads the in-memory case index, never the case records.
import { Button, Chip, CloseButton, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Select } from '#ui/Select';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { CATEGORIES, CHANNELS } from '#shared/model/case';
import { deskProviders } from '#shared/model/provider';
import { useSettings } from '#db/hooks';
import { procedureOptions } from '#lib/rules';
import { todayIso } from '#lib/today';
import type { CaseIndexRow } from '#db/schema';
import { CaseTable, type CaseTableHandle } from '#features/search';
import { filterChoices, SORTS, type CaseFilters, type SortKey } from '#features/search';
import { activeFilterCount, useCaseSearch, type ListState } from '#features/search';
import { CaseListExchange } from '#features/exchange';
import { ScreenTitle } from '#ui/ScreenTitle';
import { formatNumber } from '#lib/format';
import { type MessageKey, useLocale, useT } from '#lib/i18n/index';
import { stageFilterOptions } from './stage-options';

const STATUSES = ['open', 'resolved', 'closed'] as const;
const NOBODY = '\u0000nobody';

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
  const t = useT();
  const onChange = useCallback(
    (v: string | null) =>
      update((s) => ({ filters: { ...s.filters, [field]: field === 'assignee' && v === NOBODY ? '' : v } })),
    [field, update],
  );
  return (
    <Select
      label={label}
      placeholder={t('common.any')}
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
  const t = useT();
  const onChange = useCallback((v: string | null) => v && update({ sort: v as SortKey }), [update]);
  const options = useMemo(
    () => (Object.keys(SORTS) as SortKey[]).map((value) => ({ value, label: t(`caseList.sort.${value}`) })),
    [t],
  );
  return (
    <Select
      label={t('caseList.sortBy')}
      data={options}
      value={sort}
      onChange={onChange}
      allowDeselect={false}
      size="xs"
    />
  );
});

/** The filters and sort: memoised, so typing in the search box (which changes none of its props) does not redraw it. */
const FilterBar = memo(function FilterBar({
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
  const t = useT();
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const statusOptions = useMemo(() => STATUSES.map((v) => ({ value: v, label: t(`model.status.${v}`) })), [t]);
  const categoryOptions = useMemo(
    () => CATEGORIES.map((c) => ({ value: c, label: t(`model.category.${c}` as MessageKey) })),
    [t],
  );
  const channelOptions = useMemo(
    () => CHANNELS.map((c) => ({ value: c, label: t(`model.channel.${c}` as MessageKey) })),
    [t],
  );
  const { locale } = useLocale();
  const stageOptions = useMemo(() => stageFilterOptions(choices.stageNames, locale), [choices, locale]);
  const handlerOptions = useMemo(
    () => choices.assignees.map((a) => (a ? { value: a, label: a } : { value: NOBODY, label: t('common.nobody') })),
    [choices, t],
  );
  const procedures = useMemo(() => procedureOptions(), []);
  // A desk serving several providers narrows the list to one of them, as its dashboard does (issue #16).
  const settings = useSettings();
  const providerOptions = useMemo(
    () => (settings ? deskProviders(settings).map((p) => ({ value: p.id, label: p.name })) : []),
    [settings],
  );
  const byProvider = providerOptions.length > 1 || !!filters.providerId;
  return (
    <SimpleGrid cols={{ base: byProvider ? 4 : 3, lg: byProvider ? 8 : 7 }} spacing="xs" verticalSpacing={4}>
      {byProvider && (
        <FilterSelect
          label={t('filter.provider')}
          field="providerId"
          value={filters.providerId ?? null}
          data={providerOptions}
          update={update}
        />
      )}
      <FilterSelect
        label={t('caseList.filter.status')}
        field="status"
        value={filters.status ?? null}
        data={statusOptions}
        update={update}
      />
      <FilterSelect
        label={t('caseList.filter.stage')}
        field="stageName"
        value={filters.stageName ?? null}
        data={stageOptions}
        update={update}
      />
      <FilterSelect
        label={t('caseList.filter.category')}
        field="category"
        value={filters.category ?? null}
        data={categoryOptions}
        update={update}
      />
      <FilterSelect
        label={t('caseList.filter.channel')}
        field="channel"
        value={filters.channel ?? null}
        data={channelOptions}
        update={update}
      />
      <FilterSelect
        label={t('caseList.filter.handler')}
        field="assignee"
        value={filters.assignee === '' ? NOBODY : (filters.assignee ?? null)}
        data={handlerOptions}
        update={update}
      />
      <FilterSelect
        label={t('caseList.filter.procedure')}
        field="procedureId"
        value={filters.procedureId ?? null}
        data={procedures}
        update={update}
      />
      <SortSelect sort={sort} update={update} />
    </SimpleGrid>
  );
});

/** "Overdue only", "Open, nothing due" and "Clear filters". */
const QuickFilters = memo(function QuickFilters({
  overdue,
  nothingDue,
  any,
  update,
}: {
  overdue: boolean;
  nothingDue: boolean;
  any: boolean;
  update: Update;
}) {
  const toggle = useCallback(
    (checked: boolean) => update((s) => ({ filters: { ...s.filters, overdue: checked } })),
    [update],
  );
  const toggleNothingDue = useCallback(
    (checked: boolean) => update((s) => ({ filters: { ...s.filters, nothingDue: checked } })),
    [update],
  );
  const clear = useCallback(() => update({ filters: {} }), [update]);
  const t = useT();
  return (
    <Group gap="xs">
      <Chip size="xs" checked={overdue} onChange={toggle}>
        {t('caseList.overdueOnly')}
      </Chip>
      <Chip size="xs" checked={nothingDue} onChange={toggleNothingDue}>
        {t('caseList.nothingDueOnly')}
      </Chip>
      {any && (
        <Button size="compact-xs" variant="subtle" onClick={clear}>
          {t('caseList.clearFilters')}
        </Button>
      )}
    </Group>
  );
});

/** The title, the export and import, "New complaint": memoised, so typing in the search box does not redraw them. */
const ListHeader = memo(function ListHeader({
  title,
  rows,
  empty,
  filtered,
}: {
  title: string;
  rows: () => readonly CaseIndexRow[];
  empty: boolean;
  filtered: boolean;
}) {
  const t = useT();
  const [, navigate] = useLocation();
  return (
    <Group justify="space-between">
      <ScreenTitle>{title}</ScreenTitle>
      <Group gap="xs">
        <CaseListExchange rows={rows} empty={empty} filtered={filtered} />
        <Button onClick={() => navigate('/new')}>{t('caseList.newComplaint')}</Button>
      </Group>
    </Group>
  );
});

/** The case list; `title` and `initial` make views of it, such as "My cases". */
export function CaseList({ title, initial }: CaseListPageProps) {
  const t = useT();
  const [, navigate] = useLocation();
  const today = todayIso();
  const { state, update, results, total, complete, rows } = useCaseSearch(today, initial);
  const table = useRef<CaseTableHandle>(null);
  const open = useCallback((row: CaseIndexRow) => navigate(`/cases/${row.caseId}`), [navigate]);
  const filtered = activeFilterCount(state.filters) > 0 || state.text.trim() !== '';
  // The rows shown, for the export when it is asked for (read through a stable getter: see CaseListExchange).
  const shown = useRef(results);
  useLayoutEffect(() => {
    shown.current = results;
  }, [results]);
  const shownRows = useCallback(() => shown.current, []);

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
      <ListHeader
        title={title ?? t('caseList.title')}
        rows={shownRows}
        empty={results.length === 0}
        filtered={filtered}
      />
      {complete && total === 0 ? (
        <Text c="dimmed">{t('caseList.empty')}</Text>
      ) : (
        <>
          <TextInput
            placeholder={t('caseList.searchPlaceholder')}
            aria-label={t('caseList.searchLabel')}
            value={state.text}
            onChange={(e) => update({ text: e.currentTarget.value })}
            onKeyDown={onSearchKey}
            autoFocus
            rightSection={
              state.text ? (
                <CloseButton aria-label={t('caseList.clearSearch')} size="sm" onClick={() => update({ text: '' })} />
              ) : null
            }
          />
          <FilterBar filters={state.filters} sort={state.sort} rows={rows} update={update} />
          <Group justify="space-between" gap="xs">
            <QuickFilters
              overdue={!!state.filters.overdue}
              nothingDue={!!state.filters.nothingDue}
              any={activeFilterCount(state.filters) > 0}
              update={update}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {!complete
                ? t('caseList.loading', { count: formatNumber(total) })
                : filtered
                  ? t('caseList.countOf', { shown: formatNumber(results.length), total })
                  : t('caseList.count', { total })}
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
