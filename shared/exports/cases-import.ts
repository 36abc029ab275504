// Importing cases from a CSV made in a spreadsheet: which column holds which field (guessed from the headers, changed
// by the user), each row turned into the intake form and checked by the SAME validation as the intake screen
// (model/intake.ts). Pure: parsing the file (papaparse) and writing the cases happen in the renderer.
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  LETTER_LANGUAGES,
  LETTER_LANGUAGE_LABELS,
} from '#shared/model/case';
import { isIsoDate } from '#shared/model/dates';
import { validateIntake, type IntakeField, type IntakeForm, type NewCaseParts } from '#shared/model/intake';
import { type Problem, problemInEnglish } from '#shared/model/problems';
import type { ProviderChoice } from '#shared/model/provider';
import { unguardCell } from './cases-csv';

export interface ImportField {
  field: IntakeField;
  label: string;
  required: boolean;
  /**
   * Header names recognised for this field, compared without case, accents, spaces or punctuation: English, then
   * French (the French interface's cases export names its columns as the import screen names the fields).
   */
  aliases: string[];
}

export const IMPORT_FIELDS: readonly ImportField[] = [
  {
    field: 'receivedOn',
    label: 'Date received',
    required: true,
    aliases: ['receivedon', 'datereceived', 'received', 'date', 'receiveddate', 'complaintdate', 'datedereception'],
  },
  {
    field: 'channel',
    label: 'Channel',
    required: true,
    aliases: ['channel', 'how', 'howreceived', 'method', 'source', 'modedereception', 'canal'],
  },
  {
    field: 'category',
    label: 'Category',
    required: true,
    aliases: ['category', 'type', 'complainttype', 'reason', 'categorie'],
  },
  {
    field: 'summary',
    label: 'Summary',
    required: true,
    aliases: ['summary', 'description', 'details', 'complaint', 'notes', 'resume'],
  },
  {
    field: 'customerName',
    label: 'Customer name',
    required: true,
    aliases: [
      'customername',
      'customer',
      'name',
      'fullname',
      'client',
      'clientname',
      'nomdelapersonnecliente',
      'nomduclient',
      'nom',
    ],
  },
  {
    field: 'addressLines',
    label: 'Address',
    required: false,
    aliases: ['address', 'postaladdress', 'customeraddress', 'street', 'adresse', 'adressepostale'],
  },
  {
    field: 'postcode',
    label: 'Postcode',
    required: false,
    aliases: ['postcode', 'postalcode', 'zip', 'zipcode', 'customerpostcode', 'codepostal'],
  },
  {
    field: 'phone',
    label: 'Phone',
    required: false,
    aliases: ['phone', 'telephone', 'phonenumber', 'tel', 'mobile', 'numerodetelephone', 'cellulaire'],
  },
  {
    field: 'email',
    label: 'Email',
    required: false,
    aliases: ['email', 'emailaddress', 'mail', 'courriel', 'adressecourriel'],
  },
  {
    field: 'accountNumber',
    label: 'Account number',
    required: false,
    aliases: ['accountnumber', 'account', 'accountno', 'customeraccount', 'numerodecompte', 'compte'],
  },
  {
    field: 'isBusiness',
    label: 'Business customer',
    required: false,
    aliases: ['business', 'isbusiness', 'businesscustomer', 'customertype', 'entreprise', 'comptedentreprise'],
  },
  {
    field: 'employees',
    label: 'Number of employees',
    required: false,
    aliases: [
      'employees',
      'numberofemployees',
      'noofemployees',
      'employeecount',
      'headcount',
      'staff',
      'nombredemembresdupersonnel',
      'nombredemployes',
    ],
  },
  {
    field: 'repName',
    label: 'Representative',
    required: false,
    aliases: [
      'representative',
      'representativename',
      'repname',
      'actingfor',
      'actingforthem',
      'personnerepresentante',
      'nomdelapersonnerepresentante',
    ],
  },
  {
    field: 'repRelationship',
    label: 'Representative relationship',
    required: false,
    aliases: ['representativerelationship', 'relationship', 'reprelationship', 'liendelapersonnerepresentante', 'lien'],
  },
  {
    field: 'repAddressLines',
    label: 'Representative address',
    required: false,
    aliases: ['representativeaddress', 'repaddress', 'adressedelapersonnerepresentante'],
  },
  {
    field: 'repPostcode',
    label: 'Representative postcode',
    required: false,
    aliases: ['representativepostcode', 'reppostcode', 'codepostaldelapersonnerepresentante'],
  },
  {
    field: 'language',
    label: 'Letter language',
    required: false,
    aliases: ['letterlanguage', 'language', 'languedeslettres', 'langue'],
  },
  {
    field: 'largePrint',
    label: 'Large print',
    required: false,
    aliases: ['largeprint', 'groscaracteres', 'lettresengroscaracteres'],
  },
  {
    field: 'prefersPost',
    label: 'Letters by post',
    required: false,
    aliases: ['lettersbypost', 'bypost', 'preferspost', 'post', 'lettresparlaposte'],
  },
];

const FIELD_LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.field, f.label])) as Record<IntakeField, string>;

/** Column number (0-based) for each field, or null when no column holds it. */
export type ColumnMapping = Record<IntakeField, number | null>;

/** How slashed dates such as 03/04/2026 are read; ISO dates (2026-04-03) are always understood. */
export type DateOrder = 'day-first' | 'month-first';

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Guess which column holds which field from the header names; each column is used at most once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const names = headers.map(normalise);
  const used = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const f of IMPORT_FIELDS) {
    let found: number | null = null;
    // Earlier aliases are better matches: "customer name" beats "name".
    for (const alias of f.aliases) {
      const i = names.findIndex((n, index) => n === alias && !used.has(index));
      if (i >= 0) {
        found = i;
        break;
      }
    }
    if (found !== null) used.add(found);
    mapping[f.field] = found;
  }
  return mapping;
}

/** The required fields that no column is chosen for. */
export function unmappedRequired(mapping: ColumnMapping): ImportField[] {
  return IMPORT_FIELDS.filter((f) => f.required && mapping[f.field] === null);
}

/** Columns chosen for more than one field: "Column “Name” is chosen for Customer name and Representative". */
export function mappingConflicts(mapping: ColumnMapping, headers: readonly string[]): string[] {
  return mappingClashes(mapping, headers).map(
    ({ column, fields }) => `Column “${column}” is chosen for ${fields.map((f) => FIELD_LABELS[f]).join(' and ')}`,
  );
}

/** The same as mappingConflicts, as facts (the column's name, the fields chosen for it) for the interface to word. */
export function mappingClashes(
  mapping: ColumnMapping,
  headers: readonly string[],
): { column: string; fields: IntakeField[] }[] {
  const byColumn = new Map<number, IntakeField[]>();
  for (const f of IMPORT_FIELDS) {
    const c = mapping[f.field];
    if (c === null) continue;
    byColumn.set(c, [...(byColumn.get(c) ?? []), f.field]);
  }
  return [...byColumn.entries()]
    .filter(([, fields]) => fields.length > 1)
    .map(([c, fields]) => ({ column: headers[c] ?? String(c + 1), fields }));
}

/**
 * The file's columns that nothing is read from: no field, and not the provider's column (`readAlso`). Said on the
 * import page, so a column such as another system's "Reference" is not dropped unmentioned (explore39-data #9).
 */
export function unusedColumns(
  mapping: ColumnMapping,
  headers: readonly string[],
  readAlso: readonly number[] = [],
): { index: number; header: string }[] {
  const used = new Set<number>(readAlso);
  for (const f of IMPORT_FIELDS) {
    const c = mapping[f.field];
    if (c !== null) used.add(c);
  }
  return headers.flatMap((header, index) => (used.has(index) ? [] : [{ index, header }]));
}

function choice<T extends string>(
  value: string,
  ids: readonly T[],
  labels: Record<T, string>,
  extra: Record<string, T> = {},
): T | null {
  const n = normalise(value);
  for (const id of ids) if (normalise(id) === n || normalise(labels[id]) === n) return id;
  return extra[n] ?? null;
}

// The French words are the French interface's own (its cases export writes them), so a desk can import its export again.
const CHANNEL_SYNONYMS: Record<string, (typeof CHANNELS)[number]> = {
  telephone: 'phone',
  call: 'phone',
  mail: 'letter',
  post: 'letter',
  webform: 'web',
  website: 'web',
  online: 'web',
  visit: 'in-person',
  inperson: 'in-person',
  shop: 'in-person',
  store: 'in-person',
  livechat: 'chat',
  courriel: 'email',
  formulaireweb: 'web',
  lettre: 'letter',
  poste: 'letter',
  enpersonne: 'in-person',
  clavardage: 'chat',
};
const CATEGORY_SYNONYMS: Record<string, (typeof CATEGORIES)[number]> = {
  fault: 'fault-repair',
  repair: 'fault-repair',
  faults: 'fault-repair',
  bill: 'billing',
  price: 'pricing',
  customerservice: 'service',
  ventes: 'sales',
  facturation: 'billing',
  reparationdepanne: 'fault-repair',
  panne: 'fault-repair',
  tarification: 'pricing',
  autre: 'other',
};
const LANGUAGE_SYNONYMS: Record<string, (typeof LETTER_LANGUAGES)[number]> = {
  english: 'en-GB',
  en: 'en-GB',
  french: 'fr-CA',
  fr: 'fr-CA',
  francais: 'fr-CA',
  francaiscanada: 'fr-CA',
  anglaisroyaumeuni: 'en-GB',
  anglaiscanada: 'en-CA',
};

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui']);
const NO = new Set(['no', 'n', 'false', '0', '', 'non']);
/** A "customer type" column answers the business question in words. */
const BUSINESS_WORDS = new Set([
  'business',
  'company',
  'smallbusiness',
  'soletrader',
  'notforprofit',
  'charity',
  'entreprise',
]);
const PERSON_WORDS = new Set([
  'individual',
  'personal',
  'consumer',
  'residential',
  'domestic',
  'person',
  'particulier',
]);

/** A date as YYYY-MM-DD: ISO is kept, 3/4/2026, 03-04-2026 or 03.04.2026 read in the given order; else unchanged. */
export function normaliseDate(value: string, order: DateOrder): string {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  // Spreadsheets sometimes add a time to a date cell: "2026-04-03 00:00:00" or "2026-04-03T00:00".
  const isoWithTime = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2})?$/.exec(v);
  if (isoWithTime && isIsoDate(isoWithTime[1])) return isoWithTime[1];
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m) return v;
  const [a, b] = [m[1].padStart(2, '0'), m[2].padStart(2, '0')];
  const [day, month] = order === 'day-first' ? [a, b] : [b, a];
  const iso = `${m[3]}-${month}-${day}`;
  // No such day (31/11/2026): kept as written, for the row's problem to quote it (not "2026-11-31").
  return isIsoDate(iso) ? iso : v;
}

/** A slashed (or dotted, or dashed) day, month and year that is no real day: 31/11/2026, 29/02/2027. */
const notARealDay = (text: string) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text.trim()) && !isIsoDate(text.trim());

export interface RowProblem {
  /** The row as the spreadsheet numbers it: the header is row 1, the first case row 2. */
  row: number;
  field: IntakeField | 'provider';
  /** The field's name on screen, and the column it came from (if one is chosen). */
  label: string;
  column?: string;
  /** The column's number (the first is 1), when one is chosen: a column with no header has only this. */
  columnNumber?: number;
  /** In English (shared/model/problems.ts): what a log or a script sees. */
  message: string;
  /** The same as a code and values, for the interface to say in its language (absent for a message without one). */
  problem?: Problem;
}

/** A row's problem as data and in English. */
const said = (code: Problem['code'], values?: Problem['values']): { message: string; problem: Problem } => {
  const problem: Problem = values ? { code, values } : { code };
  return { message: problemInEnglish(problem), problem };
};

/** One row's cells as the intake form, with problems found while reading the values (before validation). */
export function rowToForm(
  cells: readonly string[],
  mapping: ColumnMapping,
  order: DateOrder,
): { form: IntakeForm; problems: Array<[IntakeField, { message: string; problem: Problem }]> } {
  const cell = (field: IntakeField) => {
    const c = mapping[field] ?? null;
    return c === null ? '' : unguardCell(cells[c] ?? '');
  };
  const problems: Array<[IntakeField, { message: string; problem: Problem }]> = [];
  const channelText = cell('channel').trim();
  const channel = channelText ? choice(channelText, CHANNELS, CHANNEL_LABELS, CHANNEL_SYNONYMS) : '';
  if (channel === null)
    problems.push([
      'channel',
      said('import-not-channel', { text: channelText, choices: CHANNELS.map((c) => CHANNEL_LABELS[c]).join(', ') }),
    ]);
  const categoryText = cell('category').trim();
  const category = categoryText ? choice(categoryText, CATEGORIES, CATEGORY_LABELS, CATEGORY_SYNONYMS) : '';
  if (category === null)
    problems.push([
      'category',
      said('import-not-category', {
        text: categoryText,
        choices: CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(', '),
      }),
    ]);
  const languageText = cell('language').trim();
  const language = languageText
    ? choice(languageText, LETTER_LANGUAGES, LETTER_LANGUAGE_LABELS, LANGUAGE_SYNONYMS)
    : '';
  if (language === null) problems.push(['language', said('import-not-language', { text: languageText })]);
  const flag = (field: 'largePrint' | 'prefersPost' | 'isBusiness') => {
    const text = cell(field).trim();
    const n = text.toLowerCase();
    if (YES.has(n) || (field === 'isBusiness' && BUSINESS_WORDS.has(normalise(n)))) return true;
    if (field === 'isBusiness' && PERSON_WORDS.has(normalise(n))) return false;
    if (!NO.has(n))
      problems.push([
        field,
        said(field === 'isBusiness' ? 'import-not-yes-no-business' : 'import-not-yes-no', { text }),
      ]);
    return false;
  };
  const employees = cell('employees').trim();
  // A number of employees with the business cell left empty says the customer is a business.
  const isBusiness = flag('isBusiness') || (cell('isBusiness').trim() === '' && employees !== '');
  if (!isBusiness && employees !== '' && !problems.some(([f]) => f === 'isBusiness')) {
    problems.push(['employees', said('import-employees-not-business')]);
  }
  const receivedText = cell('receivedOn');
  const receivedOn = normaliseDate(receivedText, order);
  if (receivedOn === receivedText.trim() && notARealDay(receivedText))
    problems.push(['receivedOn', said('import-date-not-real', { text: receivedText.trim() })]);
  const form: IntakeForm = {
    receivedOn,
    channel: channel ?? channelText,
    customerName: cell('customerName'),
    addressLines: cell('addressLines'),
    postcode: cell('postcode'),
    phone: cell('phone'),
    email: cell('email'),
    accountNumber: cell('accountNumber'),
    isBusiness,
    employees,
    repName: cell('repName'),
    repRelationship: cell('repRelationship'),
    repAddressLines: cell('repAddressLines'),
    repPostcode: cell('repPostcode'),
    category: category ?? categoryText,
    summary: cell('summary'),
    language: language ?? '',
    largePrint: flag('largePrint'),
    prefersPost: flag('prefersPost'),
  };
  return { form, problems };
}

// --- The provider (issue #16) -----------------------------------------------------------------------------------
// Each imported case is logged for one of the desk's providers: named in a column of the file (by the provider's
// name, without case or punctuation), or one chosen for the whole file. An empty cell takes the whole file's.

/** Where the cases' provider comes from: a column of the file, or one provider for every row. */
export type ProviderSource = { column: number } | { providerId: string };

const PROVIDER_ALIASES = ['provider', 'providername', 'brand', 'company', 'operator', 'network', 'fournisseur'];

/** A column that names the provider when the headers have one, else the desk's usual provider for the whole file. */
export function guessProviderSource(headers: readonly string[], usualProviderId: string): ProviderSource {
  const column = headers.findIndex((h) => PROVIDER_ALIASES.includes(normalise(h)));
  return column >= 0 ? { column } : { providerId: usualProviderId };
}

export interface ProviderOptions {
  source: ProviderSource;
  /** The desk's providers; an empty cell (or a whole-file source) takes `usualProviderId`. */
  providers: readonly ProviderChoice[];
  usualProviderId: string;
}

/** The provider of one row, or why the row's cell names none the desk can log cases for. */
export function rowProvider(
  cells: readonly string[],
  options: ProviderOptions,
): { providerId: string } | { problem: string; said: Problem } {
  const wholeFile = 'providerId' in options.source ? options.source.providerId : null;
  const text = wholeFile === null ? unguardCell(cells[(options.source as { column: number }).column] ?? '').trim() : '';
  if (wholeFile !== null || text === '') return { providerId: wholeFile ?? options.usualProviderId };
  const found = options.providers.find((p) => normalise(p.name) === normalise(text) || p.id === text);
  const active = options.providers.filter((p) => !p.retiredOn).map((p) => p.name);
  const refuse = ({ message, problem }: { message: string; problem: Problem }) => ({ problem: message, said: problem });
  if (!found) return refuse(said('import-provider-unknown', { text, choices: active.join(', ') }));
  if (found.retiredOn)
    return refuse(said('import-provider-retired', { provider: found.name, on: { date: found.retiredOn } }));
  return { providerId: found.id };
}

export interface ImportCheck {
  /** Every row's new case, in file order, when there are no problems at all (with its provider when one was asked). */
  cases: Array<{ row: number; parts: NewCaseParts; providerId?: string }>;
  /** Every problem of every row, in row order then field order. */
  problems: RowProblem[];
  /** Rows with at least one problem. */
  invalidRows: number;
}

/** One row's outcome: its new case's parts when valid, else its problems. */
export interface RowCheck {
  row: number;
  parts?: NewCaseParts;
  /** The row's provider, when `options.provider` was given and the row names one the desk holds. */
  providerId?: string;
  problems: RowProblem[];
}

/** Check one data row (`index` 0 is the first row below the header). */
export function checkRow(
  cells: readonly string[],
  index: number,
  headers: readonly string[],
  mapping: ColumnMapping,
  options: { today: string; dateOrder: DateOrder; provider?: ProviderOptions },
): RowCheck {
  const row = index + 2;
  const { form, problems: read } = rowToForm(cells, mapping, options.dateOrder);
  const result = validateIntake(form, options.today);
  const byField = new Map<IntakeField, { message: string; problem?: Problem }>(read);
  if (!result.ok)
    for (const [field, message] of Object.entries(result.errors) as Array<[IntakeField, string]>)
      if (!byField.has(field))
        byField.set(field, { message, ...(result.problems[field] ? { problem: result.problems[field] } : {}) });
  const provider = options.provider ? rowProvider(cells, options.provider) : null;
  const providerId = provider && 'providerId' in provider ? { providerId: provider.providerId } : {};
  if (byField.size === 0 && result.ok && !(provider && 'problem' in provider))
    return { row, parts: result.value, ...providerId, problems: [] };
  const problems: RowProblem[] = [];
  const order = IMPORT_FIELDS.map((f) => f.field);
  // Fields in screen order; any other field the intake rules name (none is imported today) comes last.
  for (const field of [...order, ...[...byField.keys()].filter((f) => !order.includes(f))]) {
    const found = byField.get(field);
    if (!found) continue;
    const c = mapping[field] ?? null;
    problems.push({
      row,
      field,
      label: FIELD_LABELS[field] ?? field,
      ...(c !== null ? { column: headers[c] || `Column ${c + 1}`, columnNumber: c + 1 } : {}),
      ...found,
    });
  }
  if (provider && 'problem' in provider) {
    const c = (options.provider!.source as { column: number }).column;
    problems.push({
      row,
      field: 'provider',
      label: 'Provider',
      column: headers[c] || `Column ${c + 1}`,
      columnNumber: c + 1,
      message: provider.problem,
      problem: provider.said,
    });
  }
  return { row, problems };
}

/** The whole file's check from its rows' checks (in row order). */
export function summariseChecks(rows: readonly RowCheck[]): ImportCheck {
  const problems = rows.flatMap((r) => r.problems);
  const invalidRows = rows.filter((r) => r.problems.length > 0).length;
  const cases = problems.length
    ? []
    : rows.map((r) => ({ row: r.row, parts: r.parts!, ...(r.providerId ? { providerId: r.providerId } : {}) }));
  return { cases, problems, invalidRows };
}

/** Check every row; `rows` are the data rows (no header). Nothing may be imported unless `problems` is empty. */
export function checkImport(
  rows: readonly (readonly string[])[],
  headers: readonly string[],
  mapping: ColumnMapping,
  options: { today: string; dateOrder: DateOrder; provider?: ProviderOptions },
): ImportCheck {
  return summariseChecks(rows.map((cells, index) => checkRow(cells, index, headers, mapping, options)));
}

/** Largest import at once: a bigger file is refused with a message (split it). */
export const MAX_IMPORT_ROWS = 10_000;

// --- Rows already in Redress ------------------------------------------------------------------------------------
// A file imported twice, or exported, edited and imported again, must not log every complaint a second time. A row is
// the same complaint as a case (or an earlier row) when it was received the same day, from the same customer, in the
// same words: names and summaries compared without case and with runs of spaces and line breaks folded.

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

/** What makes two complaints the same for an import. */
export function sameComplaintKey(c: { receivedOn: string; customer: { name: string }; summary: string }): string {
  return `${c.receivedOn}\u0000${fold(c.customer.name)}\u0000${fold(c.summary)}`;
}

/** A valid row left out because the complaint is already in Redress, or earlier in the same file. */
export interface DuplicateRow {
  row: number;
  /** The case it repeats. */
  reference?: string;
  /** The earlier row of the file it repeats. */
  sameAsRow?: number;
  /** The case it names has been anonymised since the file was exported (see anonymisedRows). */
  anonymised?: true;
}

/** The column of a file Redress exported that names each case's reference ("Reference", « Numéro »), or null. */
export function referenceColumn(headers: readonly string[]): number | null {
  const i = headers.findIndex((h) => ['reference', 'numero', 'numerodedossier'].includes(normalise(unguardCell(h))));
  return i < 0 ? null : i;
}

/** The references a file names in its "Reference" column (none when it has no such column). */
export function referencesIn(rows: readonly (readonly string[])[], headers: readonly string[]): string[] {
  const c = referenceColumn(headers);
  if (c === null) return [];
  return [...new Set(rows.map((cells) => unguardCell(cells[c] ?? '').trim()).filter(Boolean))];
}

/**
 * Rows of a desk's own export whose case has been anonymised since (`anonymised`: this desk's anonymised cases, their
 * reference → date received). Such a row cannot pass the intake's checks (the customer's name, address and the summary
 * were removed), and its complaint is already in Redress: it is left out, not listed as a row to fix, so a desk with a
 * retention policy can import its own export again. A row is that case when it names its reference and was received
 * the same day (another desk's file with the same prefix names other days).
 */
export function anonymisedRows(
  rows: readonly (readonly string[])[],
  headers: readonly string[],
  mapping: ColumnMapping,
  order: DateOrder,
  anonymised: ReadonlyMap<string, string>,
): DuplicateRow[] {
  const c = referenceColumn(headers);
  const received = mapping.receivedOn;
  if (c === null || received === null || anonymised.size === 0) return [];
  const out: DuplicateRow[] = [];
  rows.forEach((cells, i) => {
    const reference = unguardCell(cells[c] ?? '').trim();
    const on = anonymised.get(reference);
    if (on !== undefined && normaliseDate(unguardCell(cells[received] ?? ''), order) === on)
      out.push({ row: i + 2, reference, anonymised: true });
  });
  return out;
}

/**
 * The check with the rows already in Redress (`existing`: the cases received on the rows' dates) and the repeats
 * within the file left out, and which rows those were. A check with problems is returned as it is.
 */
export function leaveOutDuplicates(
  check: ImportCheck,
  existing: Iterable<{ reference: string; receivedOn: string; customer: { name: string }; summary: string }>,
): { check: ImportCheck; duplicates: DuplicateRow[] } {
  if (check.problems.length > 0) return { check, duplicates: [] };
  const known = new Map<string, string>();
  for (const c of existing) if (!known.has(sameComplaintKey(c))) known.set(sameComplaintKey(c), c.reference);
  const seen = new Map<string, number>();
  const cases: ImportCheck['cases'] = [];
  const duplicates: DuplicateRow[] = [];
  for (const c of check.cases) {
    const key = sameComplaintKey(c.parts);
    const reference = known.get(key);
    const earlier = seen.get(key);
    if (reference !== undefined) duplicates.push({ row: c.row, reference });
    else if (earlier !== undefined) duplicates.push({ row: c.row, sameAsRow: earlier });
    else {
      seen.set(key, c.row);
      cases.push(c);
    }
  }
  return { check: { ...check, cases }, duplicates };
}
