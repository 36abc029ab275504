// Reports (issue #7): complaint volumes and handling figures for a period and filters, each figure with its
// definition; charts with a table beside each; CSV and PDF downloads. Every case is read once per page view
// (./load.ts) and boiled down to a summary; the period and filters only add the summaries up again (cheap).
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, type Category, type Channel } from '#shared/model/case';
import {
  buildReport,
  checkPeriod,
  COMPENSATION_DEFINITION,
  type CaseSummary,
  dateLabel,
  describePeriod,
  type Measure,
  moneyLabel,
  PERIOD_PRESET_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
  procedureLabel,
  type Report,
  type ReportFilters,
  type ReportPeriod,
  RULES_ERROR_DEFINITION,
  UNASSIGNED_LABEL,
  VOLUME_SECTIONS,
  VOLUMES_DEFINITION,
  type VolumeRow,
} from '#shared/reports/index';
import { useToday } from '#lib/today';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSettings } from '#db/hooks';
import { deskCaseIds } from '#db/case-index/queries';
import { CasesScopeChoice, useCasesScope } from '#features/sharing';
import { db } from '#db/schema';
import type { LoadProgress } from './load';
import { summaryCache } from './summary-cache';
import { saveReportCsv, saveReportPdf } from './export';
import { deskProviders } from '#shared/model/provider';
import { ScreenTitle } from '#ui/ScreenTitle';

const UNASSIGNED = '__unassigned__';
type PeriodChoice = PeriodPreset | 'custom';

const PERIOD_OPTIONS = [
  ...PERIOD_PRESETS.map((p) => ({ value: p, label: PERIOD_PRESET_LABELS[p] })),
  { value: 'custom', label: 'Custom dates' },
];

function useSummaries(today: string, reloads: number) {
  const [summaries, setSummaries] = useState<CaseSummary[] | null>(null);
  const [progress, setProgress] = useState<LoadProgress>({ stage: 'all', done: 0, total: 0 });
  const [error, setError] = useState<string | null>(null);
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
      .summaries(today, setProgress, controller.signal, refresh)
      .then((list) => {
        if (controller.signal.aborted) return;
        performance.measure('redress:reports-load', { start: started, end: performance.now() });
        setSummaries(list);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [today, reloads]);
  return { summaries, progress, error };
}

function MeasureCard({ m }: { m: Measure }) {
  return (
    <Paper withBorder p="md" radius="md" data-measure={m.id} role="group" aria-label={m.label}>
      <Text size="sm" fw={600} c="dark.6">
        {m.label}
      </Text>
      <Group gap="xs" align="baseline" mt={4}>
        <Text fz={28} fw={700} lh={1.1} c="teal.9" data-value>
          {m.display}
        </Text>
        {m.detail && (
          <Text size="sm" c="dimmed" data-detail>
            {m.detail}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={6} lh={1.35}>
        {m.definition}
      </Text>
    </Paper>
  );
}

function VolumeSection({ title, rows, horizontal }: { title: string; rows: VolumeRow[]; horizontal: boolean }) {
  const data = rows.map((r) => ({ label: r.label, Cases: r.count }));
  const total = rows.reduce((n, r) => n + r.count, 0);
  const chartLabel = `Bar chart of complaints ${title.toLowerCase()}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
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
          <Table withRowBorders verticalSpacing={4} fz="sm" data-volumes={title} aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {title.replace(/^Received by /, '').replace(/^./, (c) => c.toUpperCase())}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Cases
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={400}>
                    {r.label}
                  </Table.Th>
                  <Table.Td ta="right">{r.count.toLocaleString('en-GB')}</Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={2} c="dimmed">
                    No cases
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Th ta="right">{total.toLocaleString('en-GB')}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

function CompensationSection({ report }: { report: Report }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Compensation paid">
      <Title order={3} size="h4">
        Compensation paid
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {COMPENSATION_DEFINITION}
      </Text>
      <Table withRowBorders verticalSpacing={4} fz="sm" maw={640} data-compensation>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Currency</Table.Th>
            <Table.Th scope="col" ta="right">
              Compensation
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Goodwill
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Total
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Payments
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.compensation.map((c) => (
            <Table.Tr key={c.currency}>
              <Table.Th scope="row" fw={400}>
                {c.currency}
              </Table.Th>
              <Table.Td ta="right">{moneyLabel(c.compensation, c.currency)}</Table.Td>
              <Table.Td ta="right">{moneyLabel(c.goodwill, c.currency)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {moneyLabel(c.total, c.currency)}
              </Table.Td>
              <Table.Td ta="right">{c.payments}</Table.Td>
            </Table.Tr>
          ))}
          {report.compensation.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5} c="dimmed">
                None recorded in the period.
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function ReportsPage() {
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
  const report = useMemo(
    () => (summaries && from && to && scoped ? buildReport(summaries, { period: { from, to }, filters, today }) : null),
    [summaries, from, to, filters, today, scoped],
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
      .map((n) => ({ value: n || UNASSIGNED, label: n || UNASSIGNED_LABEL }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [summaries]);

  const providers = settings ? deskProviders(settings) : [];
  const providerNames = Object.fromEntries(providers.map((p) => [p.id, p.name]));
  const meta = { company: settings?.company.name ?? '', providerNames };
  const download = async (kind: 'csv' | 'pdf') => {
    if (!report) return;
    setExporting(kind);
    try {
      const result = kind === 'csv' ? await saveReportCsv(report, meta) : await saveReportPdf(report, meta);
      if (!result.ok) notifications.show({ color: 'red', title: 'The report was not saved', message: result.error });
      else if (result.saved)
        notifications.show({ title: kind === 'csv' ? 'CSV saved' : 'PDF saved', message: result.fileName });
    } catch (e) {
      notifications.show({
        color: 'red',
        title: 'The report could not be made',
        message: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setExporting(null);
    }
  };

  return (
    <Stack gap="lg" maw={1240} data-ready={report ? 'reports' : undefined}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Box>
          <ScreenTitle>Reports</ScreenTitle>
          <Text c="dimmed" size="sm">
            {period ? `${describePeriod(period)} · ` : ''}figures as of {dateLabel(today)}
          </Text>
        </Box>
        <Group gap="sm">
          <CasesScopeChoice scope={scope} />
          <Button variant="default" onClick={() => setReloads((n) => n + 1)} disabled={!summaries}>
            Refresh
          </Button>
          <Button variant="light" onClick={() => void download('csv')} loading={exporting === 'csv'} disabled={!report}>
            Download CSV
          </Button>
          <Button onClick={() => void download('pdf')} loading={exporting === 'pdf'} disabled={!report}>
            Download PDF
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md" radius="md" component="section" aria-label="Period and filters">
        <Group gap="md" align="flex-start" wrap="wrap">
          <Select
            label="Period"
            data={PERIOD_OPTIONS}
            value={choice}
            onChange={(v) => v && setChoice(v as PeriodChoice)}
            allowDeselect={false}
            w={160}
          />
          {choice === 'custom' && (
            <DatePickerInput
              type="range"
              label="From – to"
              placeholder="Pick the first and last day"
              value={custom}
              onChange={(v) =>
                setCustom([v[0] ? String(v[0]).slice(0, 10) : null, v[1] ? String(v[1]).slice(0, 10) : null])
              }
              valueFormat="D MMM YYYY"
              allowSingleDateInRange
              maxDate={today}
              w={260}
              error={custom[0] || custom[1] ? periodProblem : null}
            />
          )}
          <Select
            label="Category"
            placeholder="All categories"
            data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            value={category}
            onChange={setCategory}
            clearable
            w={150}
          />
          <Select
            label="Channel"
            placeholder="All channels"
            data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={channel}
            onChange={setChannel}
            clearable
            w={140}
          />
          {providers.length > 1 && (
            <Select
              label="Provider"
              placeholder="All providers"
              data={providers.map((p) => ({ value: p.id, label: p.name }))}
              value={providerId}
              onChange={setProviderId}
              clearable
              w={200}
            />
          )}
          <Select
            label="Procedure"
            placeholder="All procedures"
            data={procedureOptions}
            value={procedureId}
            onChange={setProcedureId}
            clearable
            w={250}
          />
          <Select
            label="Handler"
            placeholder="All handlers"
            data={handlerOptions}
            value={handler}
            onChange={setHandler}
            clearable
            searchable
            w={170}
          />
        </Group>
      </Paper>

      {error && (
        <Alert color="red" title="The cases could not be read">
          {error}
        </Alert>
      )}
      {!summaries && !error && (
        <Paper withBorder p="md" radius="md" aria-live="polite">
          <Text size="sm" mb="xs">
            {progress.stage === 'all' ? 'Reading cases' : 'Reading the cases written since'}:{' '}
            {progress.done.toLocaleString('en-GB')} of {progress.total.toLocaleString('en-GB')}
          </Text>
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} aria-label="Reading cases" />
        </Paper>
      )}
      {summaries && !period && (
        <Text c="dimmed" size="sm">
          {periodProblem}
        </Text>
      )}

      {report && (
        <>
          <Box component="section" aria-label="Figures">
            <Title order={3} size="h4" mb="sm">
              Figures
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {report.measures.map((m) => (
                <MeasureCard key={m.id} m={m} />
              ))}
            </SimpleGrid>
            {report.rulesErrors > 0 && (
              <Alert
                color="yellow"
                mt="md"
                title={`Not counted: ${report.rulesErrors} ${report.rulesErrors === 1 ? 'case' : 'cases'}`}
              >
                {RULES_ERROR_DEFINITION}
              </Alert>
            )}
          </Box>
          <Text size="sm" c="dimmed">
            {VOLUMES_DEFINITION}
          </Text>
          {VOLUME_SECTIONS.map((s) => (
            <VolumeSection
              key={s.key}
              title={s.title}
              rows={report.volumes[s.key]}
              horizontal={s.key === 'byProcedure' || s.key === 'byHandler'}
            />
          ))}
          <CompensationSection report={report} />
        </>
      )}
    </Stack>
  );
}
