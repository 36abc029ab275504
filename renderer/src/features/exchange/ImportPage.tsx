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
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import {
  guessMapping,
  guessProviderSource,
  IMPORT_FIELDS,
  mappingConflicts,
  MAX_IMPORT_ROWS,
  rowToForm,
  unmappedRequired,
  type ColumnMapping,
  type DateOrder,
  type DuplicateRow,
  type ImportCheck,
  type ProviderSource,
} from '#shared/exports/cases-import';
import { CATEGORY_LABELS, CHANNEL_LABELS, type Category, type Channel } from '#shared/model/case';
import type { IntakeField } from '#shared/model/intake';
import { deskProviders, usualProvider } from '#shared/model/provider';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { decodeCsvBytes, ENCODING_NAMES, parseCsv, type CsvEncoding, type ParsedCsv } from './csv';
import { importCheckedCases, withoutDuplicates, type ImportResult } from './import';
import { useImportCheck } from './useImportCheck';
import { ScreenTitle } from '#ui/ScreenTitle';

const PREVIEW_ROWS = 5;
/** The report lists every problem; drawing more than this many at once would slow the page, so it says how many more. */
const REPORT_LIMIT = 1000;
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
  '|': 'vertical bars',
};
const PREVIEW_FIELDS: IntakeField[] = [
  'receivedOn',
  'channel',
  'category',
  'customerName',
  'phone',
  'email',
  'postcode',
  'summary',
];
/** No file yet: one empty list, so what is computed from the headers is not recomputed on every render. */
const NO_HEADERS: string[] = [];

interface LoadedFile {
  name: string;
  encoding: CsvEncoding;
  parsed: ParsedCsv;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function previewValue(field: IntakeField, value: string | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'channel') return CHANNEL_LABELS[value as Channel] ?? value;
  if (field === 'category') return CATEGORY_LABELS[value as Category] ?? value;
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
        setFileError(
          `${chosen.name} is empty: the first row should name the columns, with one complaint on each row below it.`,
        );
        return;
      }
      if (parsed.rows.length > MAX_IMPORT_ROWS) {
        setFileError(
          `${chosen.name} has ${count(parsed.rows.length, 'row', 'rows')}; up to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} can be imported at once. Split the file and import each part.`,
        );
        return;
      }
      setFile({ name: chosen.name, encoding: decoded.encoding, parsed });
      setMapping(guessMapping(parsed.headers));
    } catch (error) {
      setFileError(`Could not read ${chosen.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const headers = file?.parsed.headers ?? NO_HEADERS;
  const columnOptions = useMemo(
    () => headers.map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` })),
    [headers],
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
        .map((p) => ({ value: `provider:${p.id}`, label: `Every row: ${p.name}` })),
      ...headers.map((h, i) => ({ value: `column:${i}`, label: `From the column “${h || `Column ${i + 1}`}”` })),
    ],
    [providers, headers],
  );
  const missing = mapping ? unmappedRequired(mapping) : [];
  const conflicts = mapping ? mappingConflicts(mapping, headers) : [];
  const checkInput = useMemo(
    () => (file && file.parsed.errors.length === 0 ? { rows: file.parsed.rows, headers: file.parsed.headers } : null),
    [file],
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
      setResult({ ...outcome, fileName: file.name });
      setFile(null);
      setPicked(null);
      setMapping(null);
    } catch (error) {
      setImportError(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setImporting(false);
    }
  };

  return (
    <Stack gap="md" maw={1100} data-step={result ? 'done' : !file ? 'choose' : ready ? 'ready' : 'check'}>
      <Group justify="space-between">
        <ScreenTitle>Import cases</ScreenTitle>
        <Anchor component="button" onClick={() => navigate('/cases')}>
          Back to the cases
        </Anchor>
      </Group>

      {result && (
        <Alert color="teal" title={`${count(result.count, 'case', 'cases')} imported`} role="status">
          <Text size="sm">
            {result.count > 0
              ? `From ${result.fileName}: logged as ${result.firstReference}${result.count > 1 ? ` to ${result.lastReference}` : ''}, each with its first timeline entry.`
              : result.leftOut.length > 0
                ? `Every complaint in ${result.fileName} is already in Redress: nothing new was logged.`
                : `${result.fileName} had no complaints in it.`}
            {result.count > 0 &&
              result.leftOut.length > 0 &&
              ` ${count(result.leftOut.length, 'row was', 'rows were')} left out: already in Redress.`}
          </Text>
          <Group mt="xs">
            <Button size="xs" variant="light" onClick={() => navigate('/cases')}>
              Open the case list
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder>
        <Title order={4} mb={4}>
          1. Choose the file
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          A CSV file saved from Excel, LibreOffice or Google Sheets, separated by commas or semicolons. The first row
          names the columns; each row below it is one complaint. Nothing is written until every row is right.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv,text/plain"
          value={picked}
          onChange={(f) => void choose(f)}
          clearable
          maw={420}
          error={fileError}
        />
        {file && (
          <Text size="sm" mt="xs" aria-label="File summary">
            {file.name}: {count(file.parsed.rows.length, 'row', 'rows')} below the header,{' '}
            {count(headers.length, 'column', 'columns')}, separated by{' '}
            {DELIMITER_NAMES[file.parsed.delimiter] ?? `“${file.parsed.delimiter}”`}
            {file.encoding === 'utf-8'
              ? ''
              : `; read as ${ENCODING_NAMES[file.encoding]} text${file.encoding === 'windows-1252' ? ' (not UTF-8)' : ''}`}
            .
          </Text>
        )}
        {file && file.parsed.errors.length > 0 && (
          <Alert color="red" mt="sm" title="The file cannot be read as a table">
            <List size="sm">
              {file.parsed.errors.slice(0, 20).map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              Fix the file in the spreadsheet and choose it again.
            </Text>
          </Alert>
        )}
      </Card>

      {file && mapping && (
        <Card withBorder>
          <Title order={4} mb={4}>
            2. Match the columns
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Redress guessed from the column names; change any that are wrong. Fields marked * are needed for every
            complaint.
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
            {IMPORT_FIELDS.map((f) => (
              <Select
                key={f.field}
                label={f.label}
                withAsterisk={f.required}
                placeholder="Not in the file"
                data={columnOptions}
                value={mapping[f.field] === null ? null : String(mapping[f.field])}
                onChange={(v) => setMapping({ ...mapping, [f.field]: v === null ? null : Number(v) })}
                clearable
                size="xs"
                error={f.required && mapping[f.field] === null ? 'Choose a column' : undefined}
              />
            ))}
            <Select
              label="Provider"
              description="The provider each complaint is about"
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
              label="Dates like 03/04/2026 mean"
              data={[
                { value: 'day-first', label: '3 April (day first)' },
                { value: 'month-first', label: 'March 4 (month first)' },
              ]}
              value={dateOrder}
              onChange={(v) => v && setDateOrder(v as DateOrder)}
              allowDeselect={false}
              size="xs"
            />
          </SimpleGrid>
          {conflicts.length > 0 && (
            <Alert color="red" mt="sm">
              {conflicts.map((c) => (
                <Text key={c} size="sm">
                  {c}: choose one.
                </Text>
              ))}
            </Alert>
          )}
        </Card>
      )}

      {file && mapping && file.parsed.rows.length > 0 && (
        <Card withBorder>
          <Title order={4} mb={4}>
            3. Preview
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            The first {Math.min(PREVIEW_ROWS, file.parsed.rows.length)} of{' '}
            {count(file.parsed.rows.length, 'row', 'rows')} as they will be read.
          </Text>
          <ScrollArea>
            <Table aria-label="Preview" striped withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  {PREVIEW_FIELDS.map((f) => (
                    <Table.Th key={f}>{IMPORT_FIELDS.find((x) => x.field === f)!.label}</Table.Th>
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
                          {previewValue(f, form[f] ?? '')}
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
          <Title order={4} mb="sm">
            4. Check and import
          </Title>
          <Text size="sm" mb={6} aria-live="polite">
            Checking every row with the intake rules… {progress.done.toLocaleString('en-GB')} of{' '}
            {progress.total.toLocaleString('en-GB')}
          </Text>
          <Progress value={(100 * progress.done) / Math.max(1, progress.total)} aria-label="Rows checked" />
        </Card>
      )}

      {file && mapping && check && missing.length === 0 && conflicts.length === 0 && (
        <Card withBorder>
          <Title order={4} mb="sm">
            4. Check and import
          </Title>
          {check.problems.length > 0 ? (
            <>
              <Alert
                color="red"
                title={`Nothing can be imported yet: ${count(check.invalidRows, 'row has', 'rows have')} problems`}
                mb="sm"
              >
                <Text size="sm">
                  {count(file.parsed.rows.length - check.invalidRows, 'row is', 'rows are')} fine. Fix the rows below in
                  the spreadsheet (row numbers are as the spreadsheet shows them: the header is row 1), save it as CSV
                  and choose it again. No case has been written.
                </Text>
              </Alert>
              <ScrollArea.Autosize mah={420}>
                <Table aria-label="Validation report" striped withTableBorder fz="sm" stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>Row</Table.Th>
                      <Table.Th w={170}>Field</Table.Th>
                      <Table.Th w={170}>Column</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {check.problems.slice(0, REPORT_LIMIT).map((p) => (
                      <Table.Tr key={`${p.row}-${p.field}`} data-row={p.row} data-field={p.field}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{p.label}</Table.Td>
                        <Table.Td>
                          {p.column ?? (
                            <Text span c="dimmed" size="sm">
                              no column chosen
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {check.problems.length > REPORT_LIMIT && (
                <Text size="sm" c="dimmed" mt="xs">
                  and {count(check.problems.length - REPORT_LIMIT, 'more problem', 'more problems')} after these.
                </Text>
              )}
            </>
          ) : check.cases.length === 0 ? (
            <Text size="sm">The file has no complaints below its header row.</Text>
          ) : !fresh ? (
            <Text size="sm" c="dimmed">
              Looking for rows already in Redress…
            </Text>
          ) : (
            <Stack gap="sm">
              {fresh.duplicates.length > 0 && (
                <DuplicatesNotice duplicates={fresh.duplicates} allOfThem={fresh.check.cases.length === 0} />
              )}
              {fresh.check.cases.length > 0 && (
                <Group justify="space-between">
                  <Group gap="xs">
                    <Badge color="teal" variant="light">
                      All rows valid
                    </Badge>
                    <Text size="sm">
                      {count(fresh.check.cases.length, 'complaint is', 'complaints are')} ready. Each gets a new
                      reference and is assigned to {person || settings?.handlerName}.
                    </Text>
                  </Group>
                  <Button onClick={runImport} loading={importing} disabled={!ready}>
                    Import {count(fresh.check.cases.length, 'case', 'cases')}
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
  return (
    <Alert
      color="yellow"
      title={
        allOfThem
          ? 'Every complaint in the file is already in Redress: nothing new to import'
          : `${count(duplicates.length, 'row is', 'rows are')} already in Redress and will be left out`
      }
      data-duplicates={duplicates.length}
    >
      <Text size="sm" mb={4}>
        Same date received, same customer name and same summary as a case already logged (or an earlier row of the
        file), so importing them again would log each complaint twice.
      </Text>
      <List size="sm">
        {shown.map((d) => (
          <List.Item key={d.row} data-duplicate-row={d.row}>
            Row {d.row}: {d.reference ? `already logged as ${d.reference}` : `the same as row ${d.sameAsRow}`}
          </List.Item>
        ))}
      </List>
      {duplicates.length > shown.length && (
        <Text size="sm" c="dimmed" mt={4}>
          and {count(duplicates.length - shown.length, 'more row', 'more rows')}.
        </Text>
      )}
    </Alert>
  );
}
