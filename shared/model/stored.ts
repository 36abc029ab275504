// What a stored row may hold: ONE zod schema per table, used by every path that writes a row (intake, case actions,
// CSV import, settings, people, restore; renderer/src/db/schema.ts checks every write with them) and by the backup
// check (shared/backup/format.ts), so a value the restore would refuse can never be saved.
//
// Two kinds of rule, both in the schemas below:
// - STRUCTURE (types, known values, real dates, the reference pattern, bounded counters, the desk prefix, no personal
//   data on an anonymised case): a row that breaks one is refused everywhere, on writing and on restoring.
// - LIMITS (`STORED_LIMITS`: what fits a letter, e.g. an address in the envelope window): a row over one is refused
//   when written, but a backup made before the limits existed still restores: such rows are kept as they are and
//   listed for the desk to shorten (`checkStoredRow(...).overLimits`). Their issues carry `params.overLimit`.
import { z } from 'zod';
import { ANONYMISED_NAME, CASE_FIELDS } from './personal-data';
import { sayProblem as say } from './problems';
import {
  AUTHORITY_KINDS,
  CALENDARS,
  CATEGORIES,
  CHANNELS,
  CUSTOMER_TITLES,
  LETTER_LANGUAGES,
  TIMELINE_TYPES,
  VULNERABILITY_REASONS,
  type CaseRecord,
} from './case';
import {
  ATTACHMENT_FILE_TYPES,
  ATTACHMENT_KINDS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_NOTE,
  type BlobLike,
} from './attachment';
import { isIsoDate } from './dates';
import { REGULATOR_REGIONS } from './provider';
import { DESK_PREFIX_PATTERN, MAX_SEQUENCE, REFERENCE_PATTERN } from './reference';

/**
 * The DL envelope's window holds ADDRESS_WINDOW_LINES printed lines (7 at the address's 10.5 pt, which large-print
 * letters keep: at 16 pt only 5 lines would fit the 34 mm): the addressee's name, the postcode, and so at most 5
 * address lines between them (within the UK post's "at most six lines plus the postcode", name included). A Canadian
 * letter's No. 10 window is lower (28 mm): it holds the same 7 lines with the address set at 9 pt, and 4 in large
 * print (shared/letters/layout.ts PAGE_FORMATS).
 * Line length: the window is ADDRESS_WINDOW_WIDTH_MM (85 mm, 241 pt) wide; at 10.5 pt Roboto a line of capitals averages
 * 6.66 pt a letter, so 36 characters in capitals fit on one line (lower case: 45), and no line wraps out of the
 * window. test/unit/stored-limits.test.ts measures it with the letter font.
 */
export const ADDRESS_WINDOW_LINES = 7;
/** The width of the address block in the envelope window (the letters' layout, shared/letters/layout.ts, uses it). */
export const ADDRESS_WINDOW_WIDTH_MM = 85;
export const ADDRESS_MAX_LINES = ADDRESS_WINDOW_LINES - 2;
export const ADDRESS_LINE_MAX_CHARS = 36;

/** The one set of limits for what is stored; the forms say them next to their fields. */
export const STORED_LIMITS = {
  addressLines: ADDRESS_MAX_LINES,
  addressLineChars: ADDRESS_LINE_MAX_CHARS,
  postcode: 12,
  name: 200,
  relationship: 100,
  phone: 40,
  email: 254,
  accountNumber: 40,
  summary: 5000,
  /** A person's name: handlers, assignees, the author of a timeline entry. */
  personName: 200,
  companyName: 200,
} as const;

/** The words shown next to an address field. */
export const ADDRESS_HINT = `At most ${ADDRESS_MAX_LINES} lines, each at most ${ADDRESS_LINE_MAX_CHARS} characters, to fit the envelope window`;

/** What is wrong with an address as typed (one line per row), or null. Shared by intake, case actions and settings. */
export function addressTextProblem(text: string): string | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > ADDRESS_MAX_LINES) {
    return say('address-too-many-lines', { lines: lines.length, max: ADDRESS_MAX_LINES });
  }
  const long = lines.findIndex((l) => l.length > ADDRESS_LINE_MAX_CHARS);
  if (long >= 0) {
    return say('address-line-too-long', { line: long + 1, length: lines[long].length, max: ADDRESS_LINE_MAX_CHARS });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** zod's `error` option: "missing" when the field is absent, else what it must be. */
const must = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : what),
});

/** A ceiling no row of any version ever needed; beyond it a value is refused, not listed. */
const HARD_TEXT = 100_000;

const id = z.string(must('must be text')).min(1, 'must not be empty').max(200, 'is longer than 200 characters');
const text = (max: number) => z.string(must('must be text')).max(max, `is longer than ${max} characters`);

/** Text with a LIMIT: over it is refused on writing, listed on restoring. */
const limited = (max: number, what = 'characters') =>
  z
    .string(must('must be text'))
    .max(HARD_TEXT, `is longer than ${HARD_TEXT} characters`)
    .check((ctx) => {
      if (ctx.value.length > max) {
        ctx.issues.push({
          code: 'custom',
          message: `has ${ctx.value.length} ${what}; at most ${max}`,
          input: ctx.value,
          // The facts too, for the screens to say it in their language (shared/backup/row-problems.ts; h17).
          params: { overLimit: true, length: ctx.value.length, max },
        });
      }
    });

export const storedDate = z.string(must('must be a date (YYYY-MM-DD)')).refine(isIsoDate, 'not a date (YYYY-MM-DD)');
const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** A real instant: its date part a real calendar date (no 0000-01-01, no 30 February), a real time and offset. */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_TIMESTAMP.exec(value);
  return m !== null && isIsoDate(m[1]) && Number.isFinite(Date.parse(value));
}
export const storedTimestamp = z
  .string(must('must be a timestamp'))
  .refine(isTimestamp, 'not a timestamp (e.g. 2026-11-22T14:30:00.000Z)');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, must(`must be one of ${values.join(', ')}`));
const plainObject = z.record(z.string(), z.unknown(), must('must be an object'));

/** The pattern's 6 to 8 digits keep a sequence within MAX_SEQUENCE. */
export const storedReference = z
  .string(must('must be text'))
  .regex(REFERENCE_PATTERN, 'not a reference like RDR-2026-000042');
export const storedDeskPrefix = z
  .string(must('must be text'))
  .regex(DESK_PREFIX_PATTERN, 'not a desk prefix (2 to 6 capital letters or digits, starting with a letter)');

export const storedAddress = z.looseObject(
  {
    lines: z
      .array(
        z.string(must('must be text')).max(HARD_TEXT, `is longer than ${HARD_TEXT} characters`),
        must('must be a list of lines'),
      )
      .max(1000, 'has more than 1000 lines')
      .check((ctx) => {
        const lines = ctx.value;
        if (lines.length > ADDRESS_MAX_LINES) {
          ctx.issues.push({
            code: 'custom',
            message: `has ${lines.length} lines; letters need at most ${ADDRESS_MAX_LINES}`,
            input: lines,
            params: { overLimit: true, lines: lines.length, max: ADDRESS_MAX_LINES },
          });
        }
        lines.forEach((line, i) => {
          if (line.length > ADDRESS_LINE_MAX_CHARS) {
            ctx.issues.push({
              code: 'custom',
              message: `line ${i + 1} has ${line.length} characters; at most ${ADDRESS_LINE_MAX_CHARS} fit the envelope window`,
              input: line,
              path: [i],
              params: { overLimit: true, line: i + 1, length: line.length, max: ADDRESS_LINE_MAX_CHARS },
            });
          }
        });
      }),
    postcode: limited(STORED_LIMITS.postcode),
  },
  must('must be an object'),
);

/** Whether a case still holds anything that says who the customer is (what anonymising removes). */
export function holdsPersonalData(record: Partial<CaseRecord>): boolean {
  for (const [key, policy] of Object.entries(CASE_FIELDS)) {
    if (policy !== 'remove' || key === 'customer' || key === 'summary') continue;
    if ((record as Record<string, unknown>)[key] !== undefined) return true;
  }
  if (record.summary) return true;
  const customer = (record.customer ?? {}) as unknown as Record<string, unknown>;
  if (customer.name !== ANONYMISED_NAME) return true;
  return Object.keys(customer).some(
    (k) => !['name', 'isBusiness', 'employees'].includes(k) && customer[k] !== undefined,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The rows. looseObject: fields this version does not know are kept as they are, never dropped on the way through.

export const storedCase = z
  .looseObject({
    id,
    reference: storedReference,
    receivedOn: storedDate,
    channel: oneOf(CHANNELS),
    customer: z.looseObject(
      {
        name: limited(STORED_LIMITS.name),
        title: oneOf(CUSTOMER_TITLES).optional(),
        address: storedAddress.optional(),
        phone: limited(STORED_LIMITS.phone).optional(),
        email: limited(STORED_LIMITS.email).optional(),
        accountNumber: limited(STORED_LIMITS.accountNumber).optional(),
        isBusiness: z.boolean(must('must be true or false')).optional(),
        employees: z
          .number(must('must be a number'))
          .int('must be a whole number')
          .min(1, 'must be 1 or more')
          .max(10_000_000, 'is more than 10,000,000')
          .optional(),
      },
      must('must be an object'),
    ),
    representative: z
      .looseObject(
        {
          name: limited(STORED_LIMITS.name),
          relationship: limited(STORED_LIMITS.relationship),
          address: storedAddress.optional(),
          authority: z
            .looseObject({ kind: oneOf(AUTHORITY_KINDS), on: storedDate, details: text(HARD_TEXT).optional() })
            .optional(),
        },
        must('must be an object'),
      )
      .optional(),
    communication: z
      .looseObject({
        language: oneOf(LETTER_LANGUAGES).optional(),
        largePrint: z.boolean().optional(),
        prefersPost: z.boolean().optional(),
      })
      .optional(),
    category: oneOf(CATEGORIES),
    summary: limited(STORED_LIMITS.summary),
    procedureId: id,
    calendar: oneOf(CALENDARS),
    providerId: id.optional(),
    stage: text(200),
    status: oneOf(['open', 'closed'] as const),
    assignee: limited(STORED_LIMITS.personName).optional(),
    createdAt: storedTimestamp,
    updatedAt: storedTimestamp,
    vulnerability: z
      .looseObject({
        details: text(HARD_TEXT),
        reason: oneOf(VULNERABILITY_REASONS),
        note: text(HARD_TEXT).optional(),
        recordedOn: storedDate,
        recordedBy: text(500),
      })
      .optional(),
    anonymisedOn: storedDate.optional(),
  })
  .superRefine((record, ctx) => {
    if (record.anonymisedOn !== undefined && holdsPersonalData(record as unknown as CaseRecord)) {
      ctx.addIssue({
        code: 'custom',
        path: ['anonymisedOn'],
        message: 'is set but the case still holds personal data',
      });
    }
  });

export const storedEvent = z
  .looseObject({
    id,
    caseId: id,
    type: oneOf(TIMELINE_TYPES),
    on: storedDate,
    at: storedTimestamp,
    by: limited(STORED_LIMITS.personName),
    summary: text(HARD_TEXT),
    data: plainObject.optional(),
  })
  // A withdrawal says which kind of letter it withdrew (kept when the case is anonymised; the reason is not).
  .refine((e) => e.type !== 'letter-withdrawn' || typeof e.data?.kind === 'string', {
    path: ['data', 'kind'],
    message: 'a withdrawn letter must say its kind',
  });

export const storedCounter = z
  .looseObject({
    key: z.string(must('must be text')).regex(/^[A-Z][A-Z0-9]{1,5}-\d{4}$/, 'not a counter key like RDR-2026'),
    last: z
      .number(must('must be a number'))
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(MAX_SEQUENCE, `is more than ${MAX_SEQUENCE}, the last reference of a year`),
  })
  .refine((c) => DESK_PREFIX_PATTERN.test(c.key.slice(0, -5)), { path: ['key'], message: 'not a desk prefix' });

const storedCompany = z.looseObject(
  {
    name: limited(STORED_LIMITS.companyName),
    addressLines: storedAddress.shape.lines,
    postcode: limited(STORED_LIMITS.postcode),
    phone: limited(STORED_LIMITS.phone).optional(),
    email: limited(STORED_LIMITS.email).optional(),
  },
  must('must be an object'),
);

/** A provider (brand) of the desk (model/provider.ts), stored in the desk's settings. */
export const storedProvider = z
  .looseObject(
    {
      id,
      name: limited(STORED_LIMITS.companyName).min(1, 'must not be empty'),
      company: storedCompany,
      logoDataUrl: text(1_000_000).optional(),
      procedureId: id,
      calendar: oneOf(CALENDARS),
      adrSchemeId: text(200).optional(),
      languages: z.array(oneOf(LETTER_LANGUAGES), must('must be a list')).min(1, 'must name at least one language'),
      defaultLanguage: oneOf(LETTER_LANGUAGES),
      region: oneOf(REGULATOR_REGIONS),
      retiredOn: storedDate.optional(),
      mismatchReason: text(2000).optional(),
      mismatchesAccepted: z.array(text(100)).optional(),
    },
    must('must be an object'),
  )
  .refine((p) => p.languages.includes(p.defaultLanguage), {
    path: ['defaultLanguage'],
    message: 'must be one of its languages',
  });

/**
 * A desk's procedure version (issue #16), one row per version: `key` is `<id>@<version>`. The envelope is checked
 * here; the procedure itself is checked with THE procedure schema of the rules (shared/rules/procedure.ts) by the
 * repository that writes it, by the backup check and when the desk's procedures are loaded. No customer data.
 */
export const storedProcedure = z
  .looseObject(
    {
      key: id,
      id,
      version: z.number(must('must be a number')).int('must be a whole number').min(1, 'must be 1 or more'),
      savedAt: storedTimestamp,
      procedure: z.looseObject({ id, version: z.number(must('must be a number')) }, must('must be an object')),
      retiredOn: storedDate.optional(),
    },
    must('must be an object'),
  )
  .superRefine((row, ctx) => {
    if (row.key !== `${row.id}@${row.version}`)
      ctx.addIssue({ code: 'custom', path: ['key'], message: `must be "${row.id}@${row.version}"` });
    if (row.procedure.id !== row.id || row.procedure.version !== row.version)
      ctx.addIssue({ code: 'custom', path: ['procedure'], message: 'must be the version the row names' });
  });

export const storedSettings = z.looseObject({
  key: z.literal('desk', must('must be "desk"')),
  value: z
    .looseObject({
      deskPrefix: storedDeskPrefix,
      calendar: oneOf(CALENDARS),
      defaultProcedureId: id,
      company: storedCompany,
      handlerName: limited(STORED_LIMITS.personName),
      logoDataUrl: text(1_000_000).optional(),
      adrSchemeId: text(200).optional(),
      providers: z.array(storedProvider, must('must be a list')).max(500, 'holds more than 500').optional(),
      defaultProviderId: id.optional(),
    })
    .superRefine((settings, ctx) => {
      const ids = (settings.providers ?? []).map((p) => p.id);
      const twice = ids.find((pid, i) => ids.indexOf(pid) !== i);
      if (twice !== undefined)
        ctx.addIssue({ code: 'custom', path: ['providers'], message: `holds provider "${twice}" twice` });
      if (settings.defaultProviderId !== undefined && settings.providers && !ids.includes(settings.defaultProviderId))
        ctx.addIssue({ code: 'custom', path: ['defaultProviderId'], message: 'names no provider of the desk' });
    }),
});

const sha256Hex = z.string(must('must be text')).regex(/^[0-9a-f]{64}$/, 'not a SHA-256 (64 hexadecimal digits)');

/** A letter as the database holds it (bytes as bytes; the backup file carries them as base64). */
export const storedLetterFields = {
  id,
  caseId: id,
  kind: text(100),
  fileName: text(500),
  issuedOn: storedDate,
  issuedAt: storedTimestamp,
  sha256: sha256Hex,
};
export const storedLetter = z.looseObject({
  ...storedLetterFields,
  bytes: z.custom<Uint8Array>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]', {
    message: 'must be the letter’s bytes',
  }),
});

/** An attachment's fields other than its bytes (the backup file carries the bytes its own way). */
export const storedAttachmentFields = {
  id,
  caseId: id,
  fileName: text(500).min(1, 'must not be empty'),
  fileType: oneOf(ATTACHMENT_FILE_TYPES),
  mime: text(200),
  size: z
    .number(must('must be a number'))
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(MAX_ATTACHMENT_BYTES, `is more than ${MAX_ATTACHMENT_BYTES} bytes`),
  sha256: sha256Hex,
  kind: oneOf(ATTACHMENT_KINDS),
  note: text(MAX_ATTACHMENT_NOTE),
  addedBy: limited(STORED_LIMITS.personName),
  addedAt: storedTimestamp,
  deleted: z
    .looseObject({
      at: storedTimestamp,
      by: limited(STORED_LIMITS.personName),
      reason: text(HARD_TEXT).min(1, 'must not be empty'),
      fileDeleted: z.boolean(must('must be true or false')),
    })
    .optional(),
};
/** An attachment as the database holds it: its bytes as a Blob, absent once the file itself was deleted. */
export const storedAttachment = z
  .looseObject({
    ...storedAttachmentFields,
    blob: z
      .custom<BlobLike>((v) => /^\[object (Blob|File)\]$/.test(Object.prototype.toString.call(v)), {
        message: 'must be the file’s bytes (a Blob)',
      })
      .optional(),
  })
  .refine((a) => a.blob !== undefined || a.deleted?.fileDeleted === true, {
    path: ['blob'],
    message: 'missing (only a removed attachment whose file was deleted has no bytes)',
  })
  .refine((a) => a.blob === undefined || a.blob.size === a.size, {
    path: ['size'],
    message: 'is not the size of its bytes',
  });

export const storedPerson = z.looseObject({
  id,
  name: limited(STORED_LIMITS.personName),
  active: z.boolean(must('must be true or false')),
});
export const storedNotified = z.looseObject({ id: text(1000).min(1, 'must not be empty'), at: storedTimestamp });
export const storedAudit = z.looseObject({
  id,
  at: storedTimestamp,
  kind: text(100),
  by: text(500),
  summary: text(10_000),
  detail: plainObject.optional(),
});
export const storedMeta = z.looseObject({ key: id, value: z.unknown() });

/** Every stored table's row schema (the derived case index is not stored in backups and is not listed). */
export const STORED_ROWS = {
  cases: storedCase,
  events: storedEvent,
  counters: storedCounter,
  settings: storedSettings,
  providers: storedProvider,
  procedures: storedProcedure,
  letters: storedLetter,
  attachments: storedAttachment,
  people: storedPerson,
  notified: storedNotified,
  audit: storedAudit,
  meta: storedMeta,
} as const;
export type StoredTable = keyof typeof STORED_ROWS;

export function isOverLimit(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue as { params?: { overLimit?: unknown } }).params?.overLimit === true;
}

/** `customer.address.lines[3]` from a zod path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'missing';
  return issue.message.replace(/^Invalid input: /, '');
}

export interface RowCheck {
  /** Broken structure: refused everywhere. */
  refused: { path: PropertyKey[]; message: string }[];
  /** Over a limit: refused when written, listed when restored. */
  overLimits: { path: PropertyKey[]; message: string }[];
}

/** Check one row of a table against its stored schema. */
export function checkStoredRow(table: StoredTable, row: unknown): RowCheck {
  const parsed = (STORED_ROWS[table] as z.ZodType).safeParse(row);
  const out: RowCheck = { refused: [], overLimits: [] };
  if (parsed.success) return out;
  for (const issue of parsed.error.issues)
    (isOverLimit(issue) ? out.overLimits : out.refused).push({ path: [...issue.path], message: issueMessage(issue) });
  return out;
}

/** What a row is called in a message: its table, place and (for a case) its reference. */
export function rowName(table: StoredTable, index: number | null, row: unknown): string {
  const r = (row ?? {}) as Record<string, unknown>;
  const where = index === null ? table : `${table}[${index}]`;
  if (table === 'cases' && typeof r.reference === 'string') return `${where} ${r.reference}`;
  if ((table === 'events' || table === 'letters' || table === 'attachments') && typeof r.caseId === 'string')
    return `${where} (case ${r.caseId})`;
  return where;
}

export class StoredRowError extends Error {
  constructor(
    readonly table: StoredTable,
    readonly problems: string[],
  ) {
    super(`Not saved: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`);
    this.name = 'StoredRowError';
  }
}

const valueAt = (row: unknown, path: readonly PropertyKey[]): unknown => {
  let at: unknown = row;
  for (const key of path)
    at = at === null || typeof at !== 'object' ? undefined : (at as Record<PropertyKey, unknown>)[key];
  return at;
};

/**
 * Refuse a row about to be written unless it passes its schema. `before` is the row it replaces: a value over a
 * limit that was already stored (restored from an older backup) and is not changed by this write is let through,
 * so the desk can still work on the case while it shortens it.
 */
export function assertStorable(table: StoredTable, row: unknown, before?: unknown): void {
  const { refused, overLimits } = checkStoredRow(table, row);
  const kept =
    before === undefined
      ? []
      : overLimits.filter((p) => JSON.stringify(valueAt(row, p.path)) === JSON.stringify(valueAt(before, p.path)));
  const problems = [...refused, ...overLimits.filter((p) => !kept.includes(p))];
  if (problems.length)
    throw new StoredRowError(
      table,
      problems.map((p) => `${rowName(table, null, row)} ${formatPath(p.path)}: ${p.message}`),
    );
}
