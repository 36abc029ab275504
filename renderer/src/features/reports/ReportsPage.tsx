// Reports (issue #7): complaint volumes and handling figures for a period and filters, each figure with its
// definition; charts with a table beside each; CSV and PDF downloads. Every case is read once per page view
// (./load.ts) and boiled down to a summary; the period and filters only add the summaries up again (cheap).
import { BarChart } from '@mantine/charts';
import { Alert, Box, Button, Grid, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Select } from '#ui/Select';
import { DateField } from '#ui/DateField';
import { notifications } from '@mantine/notifications';
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { CATEGORIES, CHANNELS, type Category, type Channel } from '#shared/model/case';
import {
  buildReport,
  checkPeriod,
  type CaseSummary,
  type Measure,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
  procedureLabel,
  type Report,
  type ReportFilters,
  type ReportPeriod,
  VOLUME_SECTIONS,
  type VolumeRow,
} from '#shared/reports/index';
import { useToday } from '#lib/today';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSettings } from '#db/hooks';
import { deskCaseIds } from '#db/case-index/queries';
import { CasesScopeChoice, useCasesScope } from '#features/sharing';
import { db } from '#db/schema';
import { ProgressStore } from './load';
import { summaryCache } from './summary-cache';
import { saveReportCsv, saveReportPdf } from './export';
import { figure, money, periodWords, reportWordsIn, volumeLabel } from './words';
import { deskCompanyName, deskProviders } from '#shared/model/provider';
import { deskPaperSize } from '#shared/model/paper';
import { ScreenTitle } from '#ui/ScreenTitle';
import { formatNumber, formatShortDate } from '#lib/format';
import {
  errorIn,
  failureIn,
  type MessageKey,
  messageIn,
  type Translate,
  unprintableIn,
  useLocale,
  useT,
} from '#lib/i18n/index';
import { UnprintableError } from '#shared/letters/index';

const UNASSIGNED = '__unassigned__';
type PeriodChoice = PeriodPreset | 'custom';

const periodOptions = (t: Translate) => [
  ...PERIOD_PRESETS.map((p) => ({ value: p, label: t(`reports.period.${p}`) })),
  { value: 'custom', label: t('reports.period.custom') },
];

function detail(t: Translate, m: Measure): string {
  if (m.kind === 'percent')
    return m.denominator
      ? t('reports.detail.of', { numerator: formatNumber(m.numerator ?? 0), denominator: m.denominator })
      : t('reports.detail.noneToMeasure');
  if (m.kind === 'days')
    return m.denominator ? t('reports.detail.days', { denominator: m.denominator }) : t('reports.detail.noneResolved');
  return '';
}

function useSummaries(today: string, reloads: number) {
  const [summaries, setSummaries] = useState<CaseSummary[] | null>(null);
  const [progress] = useState(() => new ProgressStore());
  // The error as thrown, said in the interface language where it is shown (say9).
  const [error, setError] = useState<{ thrown: unknown } | null>(null);
  const seenReloads = useRef(reloads);
  useEffect(() => {
    const controller = new AbortController();
    setSummaries(null);
    setError(null);
    const started = performance.now();
    // Refresh reads everything again; otherwise only the cases written since the last visit are summarised again.
    const refresh = reloads !== seenReloads.current;
    seenReloads.current = reloads;
    summaryCache(db())
      .summaries(today, progress.set, controller.signal, refresh)
      .then((list) => {
        if (controller.signal.aborted) return;
        performance.measure('redress:reports-load', { start: started, end: performance.now() });
        setSummaries(list);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError({ thrown: e });
      });
    return () => controller.abort();
  }, [today, reloads, progress]);
  return { summaries, progress, error };
}

/** How far the first read has come (the only part of the page that re-renders per chunk read). */
export function ReadingProgress({ progress }: { progress: ProgressStore }) {
  const t = useT();
  const p = useSyncExternalStore(progress.subscribe, progress.get);
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite">
      <Text size="sm" mb="xs">
        {t(p.stage === 'all' ? 'reports.reading' : 'reports.readingSince', {
          done: formatNumber(p.done),
          total: formatNumber(p.total),
        })}
      </Text>
      <Progress value={p.total ? (100 * p.done) / p.total : 0} aria-label={t('reports.readingLabel')} />
    </Paper>
  );
}

const MeasureCard = memo(function MeasureCard({ m }: { m: Measure }) {
  const t = useT();
  const label = t(`reports.measure.${m.id}`);
  const words = detail(t, m);
  return (
    <Paper withBorder p="md" radius="md" data-measure={m.id} role="group" aria-label={label}>
      <Text size="sm" fw={600} c="dark.6">
        {label}
      </Text>
      <Group gap="xs" align="baseline" mt={4}>
        <Text fz={28} fw={700} lh={1.1} c="teal.9" data-value>
          {figure(m)}
        </Text>
        {words && (
          <Text size="sm" c="dimmed" data-detail>
            {words}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={6} lh={1.35}>
        {t(`reports.measureDefinition.${m.id}`)}
      </Text>
    </Paper>
  );
}, sameMeasure);

/** Two figures that read the same (a new report has new objects even where nothing changed). */
function sameMeasure(a: { m: Measure }, b: { m: Measure }): boolean {
  const x = a.m;
  const y = b.m;
  return (
    x.id === y.id &&
    x.display === y.display &&
    x.value === y.value &&
    x.numerator === y.numerator &&
    x.denominator === y.denominator &&
    x.kind === y.kind
  );
}

/** Two volume lists with the same rows, counts and labels. */
function sameVolumes(a: readonly VolumeRow[], b: readonly VolumeRow[]): boolean {
  return (
    a === b ||
    (a.length === b.length && a.every((r, i) => r.key === b[i].key && r.count === b[i].count && r.label === b[i].label))
  );
}

/** A chart and its table; drawn again only when its rows change (a filter leaves some volumes as they were). */
const VolumeSection = memo(
  function VolumeSection({
    sectionKey,
    rows,
    horizontal,
  }: {
    sectionKey: (typeof VOLUME_SECTIONS)[number]['key'];
    rows: VolumeRow[];
    horizontal: boolean;
  }) {
    const t = useT();
    const title = t(`reports.volume.${sectionKey}`);
    const label = (r: VolumeRow) => volumeLabel(t, sectionKey, r);
    const data = rows.map((r) => ({ label: label(r), Cases: r.count }));
    const total = rows.reduce((n, r) => n + r.count, 0);
    const chartLabel = t('reports.chart', {
      title: title.toLowerCase(),
      values: rows.map((r) => `${label(r)} ${formatNumber(r.count)}`).join(', '),
    });
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
        <Title order={2} size="h4" mb="sm">
          {title}
        </Title>
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Box role="img" aria-label={chartLabel}>
              <BarChart
                h={horizontal ? Math.max(160, rows.length * 34 + 40) : 240}
                data={data}
                dataKey="label"
                series={[{ name: 'Cases', color: 'teal.6' }]}
                orientation={horizontal ? 'vertical' : 'horizontal'}
                yAxisProps={horizontal ? { width: 190 } : { allowDecimals: false }}
                xAxisProps={horizontal ? { allowDecimals: false } : undefined}
                gridAxis={horizontal ? 'x' : 'y'}
                withTooltip={false}
                withBarValueLabel
                tickLine="none"
                maxBarWidth={horizontal ? 22 : 48}
              />
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Table
              withRowBorders
              verticalSpacing={4}
              fz="sm"
              data-volumes={VOLUME_SECTIONS.find((v) => v.key === sectionKey)?.title}
              aria-label={title}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`reports.volumeColumn.${sectionKey}`)}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('common.cases')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={400}>
                      {label(r)}
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
                  </Table.Tr>
                ))}
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={2} c="dimmed">
                      {t('reports.noCases')}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('common.total')}</Table.Th>
                  <Table.Th ta="right">{formatNumber(total)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Grid.Col>
        </Grid>
      </Paper>
    );
  },
  (a, b) => a.sectionKey === b.sectionKey && a.horizontal === b.horizontal && sameVolumes(a.rows, b.rows),
);

function CompensationSection({ report }: { report: Report }) {
  const t = useT();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('reports.compensation.title')}>
      <Title order={2} size="h4">
        {t('reports.compensation.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('reports.definition.compensation')}
      </Text>
      {/* A narrow window scrolls the table in its own box, not the page (WCAG 1.4.10). */}
      <Table.ScrollContainer minWidth={420} type="native" maw={640}>
        <Table withRowBorders verticalSpacing={4} fz="sm" data-compensation>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.compensation.currency')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.compensation.compensation')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.compensation.goodwill')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('common.total')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.compensation.payments')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.compensation.map((c) => (
              <Table.Tr key={c.currency}>
                <Table.Th scope="row" fw={400}>
                  {c.currency}
                </Table.Th>
                <Table.Td ta="right">{money(c.compensation, c.currency)}</Table.Td>
                <Table.Td ta="right">{money(c.goodwill, c.currency)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {money(c.total, c.currency)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(c.payments)}</Table.Td>
              </Table.Tr>
            ))}
            {report.compensation.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5} c="dimmed">
                  {t('reports.compensation.none')}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

type Option = { value: string; label: string };

/**
 * The period and filters: drawn again only when one of them or their choices change (each Select is a few dozen
 * Mantine components, and the page renders several times while it loads: settings, the scope, the summaries).
 */
const FilterBar = memo(function FilterBar({
  choice,
  setChoice,
  custom,
  setCustom,
  periodProblem,
  today,
  category,
  setCategory,
  channel,
  setChannel,
  providerId,
  setProviderId,
  procedureId,
  setProcedureId,
  handler,
  setHandler,
  providers,
  procedureOptions,
  handlerOptions,
}: {
  choice: PeriodChoice;
  setChoice: (c: PeriodChoice) => void;
  custom: [string | null, string | null];
  setCustom: (c: [string | null, string | null]) => void;
  periodProblem: string | null;
  today: string;
  category: string | null;
  setCategory: (v: string | null) => void;
  channel: string | null;
  setChannel: (v: string | null) => void;
  providerId: string | null;
  setProviderId: (v: string | null) => void;
  procedureId: string | null;
  setProcedureId: (v: string | null) => void;
  handler: string | null;
  setHandler: (v: string | null) => void;
  providers: Option[];
  procedureOptions: Option[];
  handlerOptions: Option[];
}) {
  const t = useT();
  // The filters' choices, made once (a new list makes a Select work through its options again).
  const { periods, categories, channels } = useMemo(
    () => ({
      periods: periodOptions(t),
      categories: CATEGORIES.map((c) => ({ value: c, label: t(`model.category.${c}` as MessageKey) })),
      channels: CHANNELS.map((c) => ({ value: c, label: t(`model.channel.${c}` as MessageKey) })),
    }),
    [t],
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('reports.periodAndFilters')}>
      <Group gap="md" align="flex-start" wrap="wrap">
        <Select
          label={t('reports.period')}
          data={periods}
          value={choice}
          onChange={(v) => v && setChoice(v as PeriodChoice)}
          allowDeselect={false}
          w={190}
        />
        {choice === 'custom' && (
          // Two date boxes that take a typed date, as every other (explore33-manager #4: a range picker only opened a
          // calendar, a year back was a dozen "previous month" presses, and a day picked wrongly went unseen).
          <>
            <DateField
              label={t('reports.from')}
              value={custom[0] ?? ''}
              onChange={(v) => setCustom([v || null, custom[1]])}
              maxDate={today}
              withWords={false}
              w={170}
            />
            <DateField
              label={t('reports.to')}
              value={custom[1] ?? ''}
              onChange={(v) => setCustom([custom[0], v || null])}
              maxDate={today}
              withWords={false}
              w={170}
              error={custom[0] && custom[1] && periodProblem ? messageIn(t, periodProblem) : null}
            />
          </>
        )}
        <Select
          label={t('reports.category')}
          placeholder={t('reports.allCategories')}
          data={categories}
          value={category}
          onChange={setCategory}
          clearable
          w={200}
        />
        <Select
          label={t('reports.channel')}
          placeholder={t('reports.allChannels')}
          data={channels}
          value={channel}
          onChange={setChannel}
          clearable
          w={200}
        />
        {providers.length > 1 && (
          <Select
            label={t('filter.provider')}
            placeholder={t('filter.allProviders')}
            data={providers}
            value={providerId}
            onChange={setProviderId}
            clearable
            w={200}
          />
        )}
        <Select
          label={t('reports.procedure')}
          placeholder={t('reports.allProcedures')}
          data={procedureOptions}
          value={procedureId}
          onChange={setProcedureId}
          clearable
          w={250}
        />
        <Select
          label={t('reports.handler')}
          placeholder={t('reports.allHandlers')}
          data={handlerOptions}
          value={handler}
          onChange={setHandler}
          clearable
          searchable
          w={240}
        />
      </Group>
    </Paper>
  );
});

export function ReportsPage() {
  const t = useT();
  const { locale } = useLocale();
  const today = useToday();
  const settings = useSettings();
  const [reloads, setReloads] = useState(0);
  const { summaries, progress, error } = useSummaries(today, reloads);
  const [choice, setChoice] = useState<PeriodChoice>('last-12-months');
  const [custom, setCustom] = useState<[string | null, string | null]>([null, null]);
  const [category, setCategory] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [providerId, setProviderId] = useState<string | null>(null);
  const [handler, setHandler] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'pdf' | null>(null);

  const periodProblem = choice === 'custom' ? checkPeriod({ from: custom[0], to: custom[1] }) : null;
  const period: ReportPeriod | null =
    choice === 'custom' ? (periodProblem ? null : { from: custom[0]!, to: custom[1]! }) : presetPeriod(choice, today);
  const scope = useCasesScope();
  const deskIds = useLiveQuery(
    async () => (scope.desk ? { prefix: scope.desk, caseIds: await deskCaseIds(db(), scope.desk) } : null),
    [scope.desk],
  );
  const desk = scope.desk && deskIds?.prefix === scope.desk ? deskIds : undefined;
  const filters = useMemo<ReportFilters>(
    () => ({
      ...(desk ? { desk } : {}),
      ...(category ? { category: category as Category } : {}),
      ...(channel ? { channel: channel as Channel } : {}),
      ...(procedureId ? { procedureId } : {}),
      ...(providerId ? { providerId } : {}),
      ...(handler ? { handler: handler === UNASSIGNED ? '' : handler } : {}),
    }),
    [category, channel, procedureId, providerId, handler, desk],
  );
  const from = period?.from;
  const to = period?.to;
  // Waits for the scope (and this desk's cases) so a desk that counts only its own never shows the team's figures.
  const scoped = scope.ready && (!scope.desk || desk !== undefined);
  // The regions of the providers reported on: a Canadian provider's report has no Ofcom rows, a UK one's no CCTS row.
  const regions = useMemo(() => {
    if (!settings) return undefined;
    const reported = deskProviders(settings).filter((p) => !providerId || p.id === providerId);
    return reported.length ? new Set(reported.map((p) => p.region)) : undefined;
  }, [settings, providerId]);
  // The desk's providers by name, for the cases received by provider on a desk of several.
  const providersByName = useMemo(
    () => (settings ? deskProviders(settings).map((p) => ({ id: p.id, name: p.name })) : undefined),
    [settings],
  );
  const report = useMemo(
    () =>
      summaries && from && to && scoped
        ? buildReport(summaries, { period: { from, to }, filters, today, regions, providers: providersByName })
        : null,
    [summaries, from, to, filters, today, scoped, regions, providersByName],
  );

  const procedureOptions = useMemo(
    () =>
      [...new Set((summaries ?? []).map((s) => s.procedureId))]
        .map((id) => ({ value: id, label: procedureLabel(id) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [summaries],
  );
  const handlerOptions = useMemo(() => {
    const names = [...new Set((summaries ?? []).map((s) => s.handler))];
    return names
      .map((n) => ({ value: n || UNASSIGNED, label: n || t('reports.unassigned') }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [summaries, t]);

  const providers = settings ? deskProviders(settings) : [];
  const providerChoices = useMemo(
    () => (settings ? deskProviders(settings) : []).map((p) => ({ value: p.id, label: p.name })),
    [settings],
  );
  const providerNames = Object.fromEntries(providers.map((p) => [p.id, p.name]));
  const meta = {
    // A report on one provider's cases is headed by that provider's company, not the desk's usual one (explore32-desk #8).
    company: providers.find((p) => p.id === providerId)?.company.name ?? (settings ? deskCompanyName(settings) : ''),
    providerNames,
    words: reportWordsIn(locale, t),
    // A Canadian desk's report on US Letter, as its letters are; a desk with UK providers keeps A4.
    paper: settings ? deskPaperSize(settings) : undefined,
  };
  const download = async (kind: 'csv' | 'pdf') => {
    if (!report) return;
    setExporting(kind);
    try {
      const result = kind === 'csv' ? await saveReportCsv(report, meta) : await saveReportPdf(report, meta);
      if (!result.ok) notifications.show({ color: 'red', title: t('reports.notSaved'), message: failureIn(t, result) });
      else if (result.saved)
        notifications.show({
          title: kind === 'csv' ? t('reports.csvSaved') : t('reports.pdfSaved'),
          message: result.fileName,
        });
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('reports.notMade'),
        message: e instanceof UnprintableError ? unprintableIn(t, locale, e.found, e.what) : errorIn(t, e),
      });
    } finally {
      setExporting(null);
    }
  };

  return (
    <Stack gap="lg" maw={1240} data-ready={report ? 'reports' : undefined}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <ScreenTitle>{t('reports.title')}</ScreenTitle>
          <Text c="dimmed" size="sm">
            {period ? `${periodWords(t, period)} · ` : ''}
            {t('reports.asOf', { date: formatShortDate(today) })}
          </Text>
        </Box>
        <Group gap="sm">
          <CasesScopeChoice scope={scope} />
          <Button variant="default" onClick={() => setReloads((n) => n + 1)} disabled={!summaries}>
            {t('reports.refresh')}
          </Button>
          <Button variant="light" onClick={() => void download('csv')} loading={exporting === 'csv'} disabled={!report}>
            {t('reports.downloadCsv')}
          </Button>
          <Button onClick={() => void download('pdf')} loading={exporting === 'pdf'} disabled={!report}>
            {t('reports.downloadPdf')}
          </Button>
        </Group>
      </Group>

      <FilterBar
        choice={choice}
        setChoice={setChoice}
        custom={custom}
        setCustom={setCustom}
        periodProblem={periodProblem}
        today={today}
        category={category}
        setCategory={setCategory}
        channel={channel}
        setChannel={setChannel}
        providerId={providerId}
        setProviderId={setProviderId}
        procedureId={procedureId}
        setProcedureId={setProcedureId}
        handler={handler}
        setHandler={setHandler}
        providers={providerChoices}
        procedureOptions={procedureOptions}
        handlerOptions={handlerOptions}
      />

      {error && (
        <Alert color="red" title={t('reports.readError')}>
          {errorIn(t, error.thrown)}
        </Alert>
      )}
      {!summaries && !error && <ReadingProgress progress={progress} />}
      {/* A period with both days typed is refused under its "To" box; here, only what is still to be typed. */}
      {summaries && !period && periodProblem && !(custom[0] && custom[1]) && (
        <Text c="dimmed" size="sm">
          {messageIn(t, periodProblem)}
        </Text>
      )}

      {report && (
        <>
          <Box component="section" aria-label={t('reports.figures')}>
            <Title order={2} size="h4" mb="sm">
              {t('reports.figures')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {report.measures.map((m) => (
                <MeasureCard key={m.id} m={m} />
              ))}
            </SimpleGrid>
            {report.rulesErrors > 0 && (
              <Alert color="yellow" mt="md" title={t('reports.notCounted', { count: report.rulesErrors })}>
                {t('reports.definition.rulesErrors')}
              </Alert>
            )}
          </Box>
          <Text size="sm" c="dimmed">
            {t('reports.definition.volumes')}
          </Text>
          {VOLUME_SECTIONS.filter((s) => s.key !== 'byProvider' || report.volumes.byProvider.length > 0).map((s) => (
            <VolumeSection
              key={s.key}
              sectionKey={s.key}
              rows={report.volumes[s.key]}
              horizontal={s.key === 'byProcedure' || s.key === 'byHandler' || s.key === 'byProvider'}
            />
          ))}
          <CompensationSection report={report} />
        </>
      )}
    </Stack>
  );
}
