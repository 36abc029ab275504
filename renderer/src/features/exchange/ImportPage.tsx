// Import cases from a CSV made in a spreadsheet: choose the file, match its columns to the case's fields, look at the
// first rows, read the check of every row (the intake form's own rules), and import — only when every row is valid,
// all in one transaction, leaving out the rows whose complaint is already in Redress.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Select } from '#ui/Select';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import {
  anonymisedRows,
  guessMapping,
  guessProviderSource,
  IMPORT_FIELDS,
  mappingClashes,
  unusedColumns,
  MAX_IMPORT_ROWS,
  referencesIn,
  rowToForm,
  unmappedRequired,
  type ColumnMapping,
  type DateOrder,
  type DuplicateRow,
  type ImportCheck,
  type ProviderSource,
} from '#shared/exports/cases-import';
import type { IntakeField } from '#shared/model/intake';
import { deskProviders, usualProvider } from '#shared/model/provider';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import {
  CsvDecodeError,
  NotTextError,
  csvDecodeErrorIn,
  csvProblemIn,
  decodeCsvBytes,
  parseCsv,
  type CsvEncoding,
  type ParsedCsv,
} from './csv';
import { anonymisedCasesNamed, importCheckedCases, withoutDuplicates, type ImportResult } from './import';
import { useImportCheck } from './useImportCheck';
import { ScreenTitle } from '#ui/ScreenTitle';
import { enGB, errorDetailIn, type MessageKey, problemIn, type Translate, useT } from '#lib/i18n/index';

const PREVIEW_ROWS = 5;
/** The report lists every problem; drawing more than this many at once would slow the page, so it says how many more. */
const REPORT_LIMIT = 1000;
const DELIMITER_NAMES: Record<string, MessageKey> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
  '|': 'import.delimiter.bar',
};
const PREVIEW_FIELDS: IntakeField[] = [
  'receivedOn',
  'channel',
  'category',
  'customerName',
  'addressLines',
  'phone',
  'email',
  'postcode',
  'summary',
];
/** No file yet: one empty list, so what is computed from the headers is not recomputed on every render. */
const NO_HEADERS: string[] = [];
const NO_ROWS: DuplicateRow[] = [];

interface LoadedFile {
  name: string;
  encoding: CsvEncoding;
  parsed: ParsedCsv;
}

/** A field's name (shared/exports' IMPORT_FIELDS, in the interface language). */
const fieldName = (t: Translate, field: string) => t(`import.field.${field}` as MessageKey);

function previewValue(t: Translate, field: IntakeField, value: string | boolean): string {
  if (typeof value === 'boolean') return value ? t('import.yes') : t('import.no');
  if ((field === 'channel' || field === 'category') && value) {
    const key = `model.${field}.${value}`;
    return key in enGB ? t(key as MessageKey) : value;
  }
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}

export function ImportPage() {
  const [, navigate] = useLocation();
  const settings = useSettings();
  const person = useWorkingPerson();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [picked, setPicked] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder>('day-first');
  const [chosenSource, setProviderSource] = useState<ProviderSource | null>(null);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<(ImportResult & { fileName: string }) | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const today = todayIso();
  const t = useT();

  const choose = async (chosen: File | null) => {
    setPicked(chosen);
    setResult(null);
    setImportError(null);
    setFileError(null);
    setFile(null);
    setMapping(null);
    setProviderSource(null);
    if (!chosen) return;
    try {
      const decoded = decodeCsvBytes(new Uint8Array(await chosen.arrayBuffer()));
      const parsed = parseCsv(decoded.text);
      if (parsed.headers.length === 0) {
        setFileError(t('import.empty', { file: chosen.name }));
        return;
      }
      if (parsed.rows.length > MAX_IMPORT_ROWS) {
        setFileError(t('import.tooMany', { file: chosen.name, rows: parsed.rows.length, max: MAX_IMPORT_ROWS }));
        return;
      }
      setFile({ name: chosen.name, encoding: decoded.encoding, parsed });
      setMapping(guessMapping(parsed.headers));
    } catch (error) {
      const why =
        error instanceof CsvDecodeError
          ? csvDecodeErrorIn(t, error.encoding, error.oddLength)
          : error instanceof NotTextError
            ? t('import.notText', { kind: error.kind })
            : errorDetailIn(t, error);
      setFileError(t('import.unreadable', { file: chosen.name, error: why }));
    }
  };

  const headers = file?.parsed.headers ?? NO_HEADERS;
  const columnOptions = useMemo(
    () => headers.map((h, i) => ({ value: String(i), label: h || t('import.column', { n: i + 1 }) })),
    [headers, t],
  );
  // The provider: a column naming it, or one for the whole file (the desk's usual one unless another is chosen).
  const providers = useMemo(() => (settings ? deskProviders(settings) : []), [settings]);
  const guessedSource = useMemo(
    () => (settings && file ? guessProviderSource(file.parsed.headers, usualProvider(settings).id) : null),
    [settings, file],
  );
  const providerSource = chosenSource ?? guessedSource;
  const providerOptions = useMemo(
    () =>
      settings && providerSource
        ? { source: providerSource, providers, usualProviderId: usualProvider(settings).id }
        : undefined,
    [settings, providerSource, providers],
  );
  const providerChoices = useMemo(
    () => [
      ...providers
        .filter((p) => !p.retiredOn)
        .map((p) => ({ value: `provider:${p.id}`, label: t('import.everyRow', { provider: p.name }) })),
      ...headers.map((h, i) => ({
        value: `column:${i}`,
        label: t('import.fromColumn', { column: h || t('import.column', { n: i + 1 }) }),
      })),
    ],
    [providers, headers, t],
  );
  const missing = mapping ? unmappedRequired(mapping) : [];
  const conflicts = useMemo(() => (mapping ? mappingClashes(mapping, headers) : []), [mapping, headers]);
  const unused = useMemo(
    () =>
      mapping
        ? unusedColumns(mapping, headers, providerSource && 'column' in providerSource ? [providerSource.column] : [])
        : [],
    [mapping, headers, providerSource],
  );
  // Rows of this desk's own export whose case has been anonymised since: looked up by reference before the check,
  // and left out as already in Redress (their removed details are not problems for the desk to fix).
  const [namedAnonymised, setNamedAnonymised] = useState<{ of: LoadedFile; cases: Map<string, string> } | null>(null);
  useEffect(() => {
    if (!file) return;
    let current = true;
    anonymisedCasesNamed(db(), referencesIn(file.parsed.rows, file.parsed.headers))
      .then((cases) => current && setNamedAnonymised({ of: file, cases }))
      .catch(() => current && setNamedAnonymised({ of: file, cases: new Map() }));
    return () => {
      current = false;
    };
  }, [file]);
  const anonymisedCases = file && namedAnonymised?.of === file ? namedAnonymised.cases : null;
  const anonymised = useMemo(
    () =>
      file && mapping && anonymisedCases
        ? anonymisedRows(file.parsed.rows, file.parsed.headers, mapping, dateOrder, anonymisedCases)
        : NO_ROWS,
    [file, mapping, dateOrder, anonymisedCases],
  );
  const checkInput = useMemo(
    () =>
      file && file.parsed.errors.length === 0 && anonymisedCases
        ? { rows: file.parsed.rows, headers: file.parsed.headers, skip: new Set(anonymised.map((d) => d.row - 2)) }
        : null,
    [file, anonymisedCases, anonymised],
  );
  // Rows are checked once the columns make sense: every required field chosen, no column chosen twice.
  const { check, progress } = useImportCheck(
    checkInput,
    missing.length === 0 && conflicts.length === 0 ? mapping : null,
    { today, dateOrder, provider: providerOptions },
  );
  // Valid rows already in Redress (an import run twice, or an export edited and imported again) are left out.
  const [sorted, setSorted] = useState<{ of: ImportCheck; check: ImportCheck; duplicates: DuplicateRow[] } | null>(
    null,
  );
  useEffect(() => {
    if (!check || check.problems.length > 0) return;
    let current = true;
    withoutDuplicates(db(), check)
      .then((out) => current && setSorted({ of: check, ...out }))
      .catch(() => current && setSorted({ of: check, check, duplicates: [] }));
    return () => {
      current = false;
    };
  }, [check]);
  const fresh = sorted && sorted.of === check ? sorted : null;
  const ready =
    !!check &&
    check.problems.length === 0 &&
    !!fresh &&
    fresh.check.cases.length > 0 &&
    conflicts.length === 0 &&
    missing.length === 0 &&
    !!settings;

  const runImport = async () => {
    if (!check || !file || !settings || !ready) return;
    setImporting(true);
    setImportError(null);
    try {
      const outcome = await importCheckedCases(db(), fresh!.check, {
        settings,
        by: person || settings.handlerName,
        fileName: file.name,
      });
      setResult({ ...outcome, leftOut: [...anonymised, ...outcome.leftOut], fileName: file.name });
      setFile(null);
      setPicked(null);
      setMapping(null);
    } catch (error) {
      setImportError(t('import.failed', { error: errorDetailIn(t, error) }));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Stack gap="md" maw={1100} data-step={result ? 'done' : !file ? 'choose' : ready ? 'ready' : 'check'}>
      <Group justify="space-between">
        <ScreenTitle>{t('import.title')}</ScreenTitle>
        <Anchor component="button" onClick={() => navigate('/cases')}>
          {t('import.back')}
        </Anchor>
      </Group>

      {result && (
        <Alert color="teal" title={t('import.imported', { n: result.count })} role="status">
          <Text size="sm">
            {result.count > 0
              ? t(result.count > 1 ? 'import.loggedMany' : 'import.loggedOne', {
                  file: result.fileName,
                  first: result.firstReference ?? '',
                  last: result.lastReference ?? '',
                })
              : result.leftOut.length > 0
                ? t('import.allThere', { file: result.fileName })
                : t('import.noComplaints', { file: result.fileName })}
            {result.count > 0 && result.leftOut.length > 0 && ` ${t('import.leftOut', { n: result.leftOut.length })}`}
          </Text>
          <Group mt="xs">
            <Button size="xs" variant="light" onClick={() => navigate('/cases')}>
              {t('import.openList')}
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder>
        <Title order={2} size="h4" mb={4}>
          {t('import.step1')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('import.step1Intro')}
        </Text>
        <FileInput
          label={t('import.file')}
          placeholder={t('import.filePlaceholder')}
          accept=".csv,text/csv,text/plain"
          value={picked}
          onChange={(f) => void choose(f)}
          clearable
          maw={420}
          error={fileError}
        />
        {file && (
          <Text size="sm" mt="xs" aria-label={t('import.summaryLabel')}>
            {t(
              file.encoding === 'utf-8'
                ? 'import.summary'
                : file.encoding === 'windows-1252'
                  ? 'import.summaryNotUtf8'
                  : 'import.summaryEncoding',
              {
                file: file.name,
                rows: file.parsed.rows.length,
                columns: headers.length,
                delimiter: DELIMITER_NAMES[file.parsed.delimiter]
                  ? t(DELIMITER_NAMES[file.parsed.delimiter])
                  : t('import.quoted', { delimiter: file.parsed.delimiter }),
                encoding: t(`import.encoding.${file.encoding}`),
              },
            )}
          </Text>
        )}
        {file && file.parsed.errors.length > 0 && (
          <Alert color="red" mt="sm" title={t('import.notTable')}>
            <List size="sm">
              {file.parsed.errors.slice(0, 20).map((e, i) => (
                <List.Item key={i}>{csvProblemIn(t, e)}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              {t('import.fixFile')}
            </Text>
          </Alert>
        )}
      </Card>

      {file && mapping && (
        <Card withBorder>
          <Title order={2} size="h4" mb={4}>
            {t('import.step2')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('import.step2Intro')}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            {IMPORT_FIELDS.map((f) => (
              <Select
                key={f.field}
                label={fieldName(t, f.field)}
                withAsterisk={f.required}
                placeholder={t('import.notInFile')}
                data={columnOptions}
                value={mapping[f.field] === null ? null : String(mapping[f.field])}
                onChange={(v) => setMapping({ ...mapping, [f.field]: v === null ? null : Number(v) })}
                clearable
                size="xs"
                error={f.required && mapping[f.field] === null ? t('import.chooseColumn') : undefined}
              />
            ))}
            <Select
              // Two columns wide: "Every row: Northwind Broadband Ltd" was cut off in one (explore39-data #7).
              style={{ gridColumn: 'span 2' }}
              label={t('import.provider')}
              description={t('import.providerHint')}
              data={providerChoices}
              value={
                providerSource === null
                  ? null
                  : 'column' in providerSource
                    ? `column:${providerSource.column}`
                    : `provider:${providerSource.providerId}`
              }
              onChange={(v) => {
                if (!v) return;
                const [kind, value] = [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)];
                setProviderSource(kind === 'column' ? { column: Number(value) } : { providerId: value });
              }}
              allowDeselect={false}
              size="xs"
            />
            <Select
              label={t('import.dateOrder')}
              data={[
                { value: 'day-first', label: t('import.dayFirst') },
                { value: 'month-first', label: t('import.monthFirst') },
              ]}
              value={dateOrder}
              onChange={(v) => v && setDateOrder(v as DateOrder)}
              allowDeselect={false}
              size="xs"
            />
          </SimpleGrid>
          {unused.length > 0 && (
            <Text size="sm" mt="sm" data-unused-columns>
              {t('import.unused', {
                n: unused.length,
                columns: unused.map((c) => c.header || t('import.column', { n: c.index + 1 })).join(', '),
              })}
            </Text>
          )}
          {conflicts.length > 0 && (
            <Alert color="red" mt="sm">
              {conflicts.map((c) => (
                <Text key={c.column} size="sm">
                  {t('import.clash', {
                    column: c.column,
                    fields: c.fields.map((f) => fieldName(t, f)).reduce((a, b) => t('import.and', { a, b })),
                  })}
                </Text>
              ))}
            </Alert>
          )}
        </Card>
      )}

      {file && mapping && file.parsed.rows.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb={4}>
            {t('import.step3')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {file.parsed.rows.length <= PREVIEW_ROWS
              ? t('import.step3IntroAll', { rows: file.parsed.rows.length })
              : t('import.step3Intro', { shown: PREVIEW_ROWS, rows: file.parsed.rows.length })}
          </Text>
          <ScrollArea>
            <Table aria-label={t('import.preview')} striped withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  {PREVIEW_FIELDS.map((f) => (
                    <Table.Th key={f}>{fieldName(t, f)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.parsed.rows.slice(0, PREVIEW_ROWS).map((cells, i) => {
                  const { form } = rowToForm(cells, mapping, dateOrder);
                  return (
                    <Table.Tr key={i}>
                      <Table.Td>{i + 2}</Table.Td>
                      {PREVIEW_FIELDS.map((f) => (
                        <Table.Td key={f} style={{ whiteSpace: 'pre-line' }}>
                          {previewValue(t, f, form[f] ?? '')}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Card>
      )}

      {file && mapping && progress && missing.length === 0 && conflicts.length === 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('import.step4')}
          </Title>
          <Text size="sm" mb={6} aria-live="polite">
            {t('import.checking', { done: progress.done, total: progress.total })}
          </Text>
          <Progress value={(100 * progress.done) / Math.max(1, progress.total)} aria-label={t('import.rowsChecked')} />
        </Card>
      )}

      {file && mapping && check && missing.length === 0 && conflicts.length === 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('import.step4')}
          </Title>
          {check.problems.length > 0 ? (
            <>
              <Alert color="red" title={t('import.problems', { n: check.invalidRows })} mb="sm">
                <Text size="sm">{t('import.fine', { n: file.parsed.rows.length - check.invalidRows })}</Text>
              </Alert>
              <ScrollArea.Autosize mah={420}>
                <Table aria-label={t('import.report')} striped withTableBorder fz="sm" stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('import.row')}</Table.Th>
                      <Table.Th w={170}>{t('import.field')}</Table.Th>
                      <Table.Th w={170}>{t('import.columnHeader')}</Table.Th>
                      <Table.Th>{t('import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {check.problems.slice(0, REPORT_LIMIT).map((p) => (
                      <Table.Tr key={`${p.row}-${p.field}`} data-row={p.row} data-field={p.field}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{fieldName(t, p.field)}</Table.Td>
                        <Table.Td>
                          {p.columnNumber !== undefined ? (
                            headers[p.columnNumber - 1] || t('import.column', { n: p.columnNumber })
                          ) : (
                            <Text span c="dimmed" size="sm">
                              {t('import.noColumn')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{p.problem ? problemIn(t, p.problem, fieldName(t, p.field)) : p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {check.problems.length > REPORT_LIMIT && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('import.moreProblems', { n: check.problems.length - REPORT_LIMIT })}
                </Text>
              )}
            </>
          ) : check.cases.length === 0 && anonymised.length === 0 ? (
            <Text size="sm">{t('import.noRows')}</Text>
          ) : !fresh ? (
            <Text size="sm" c="dimmed">
              {t('import.lookingForDuplicates')}
            </Text>
          ) : (
            <Stack gap="sm">
              {anonymised.length + fresh.duplicates.length > 0 && (
                <DuplicatesNotice
                  duplicates={[...anonymised, ...fresh.duplicates].sort((a, b) => a.row - b.row)}
                  allOfThem={fresh.check.cases.length === 0}
                />
              )}
              {fresh.check.cases.length > 0 && (
                <Group justify="space-between">
                  <Group gap="xs">
                    <Badge color="teal" variant="light">
                      {t('import.allValid')}
                    </Badge>
                    <Text size="sm">
                      {t('import.ready', {
                        n: fresh.check.cases.length,
                        person: person || settings?.handlerName || '',
                      })}
                    </Text>
                  </Group>
                  <Button onClick={runImport} loading={importing} disabled={!ready}>
                    {t('import.import', { n: fresh.check.cases.length })}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
          {importError && (
            <Alert color="red" mt="sm">
              {importError}
            </Alert>
          )}
        </Card>
      )}
    </Stack>
  );
}

/** The valid rows left out because their complaint is already in Redress (or earlier in the file). */
function DuplicatesNotice({ duplicates, allOfThem }: { duplicates: DuplicateRow[]; allOfThem: boolean }) {
  const shown = duplicates.slice(0, 20);
  const t = useT();
  return (
    <Alert
      color="yellow"
      title={allOfThem ? t('import.duplicatesAll') : t('import.duplicates', { n: duplicates.length })}
      data-duplicates={duplicates.length}
    >
      <Text size="sm" mb={4}>
        {t('import.duplicatesWhy')}
        {duplicates.some((d) => d.anonymised) && ` ${t('import.anonymisedWhy')}`}
      </Text>
      <List size="sm">
        {shown.map((d) => (
          <List.Item key={d.row} data-duplicate-row={d.row}>
            {d.anonymised
              ? t('import.anonymisedOf', { row: d.row, reference: d.reference ?? '' })
              : d.reference
                ? t('import.duplicateOf', { row: d.row, reference: d.reference })
                : t('import.duplicateRow', { row: d.row, same: d.sameAsRow ?? '' })}
          </List.Item>
        ))}
      </List>
      {duplicates.length > shown.length && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('import.moreRows', { n: duplicates.length - shown.length })}
        </Text>
      )}
    </Alert>
  );
}
