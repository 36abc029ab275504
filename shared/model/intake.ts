// Validation of the intake form. The form is flat (one key per field on screen) so every message can be shown
// next to its field; `validateIntake` turns a valid form into the parts of a new case.
import { z } from 'zod';
import {
  CALENDARS,
  CATEGORIES,
  CHANNELS,
  CUSTOMER_TITLES,
  LETTER_LANGUAGES,
  type CalendarId,
  type Category,
  type Channel,
  type CommunicationNeeds,
  type Customer,
  type PostalAddress,
  type Representative,
} from './case';
import { isIsoDate } from './dates';
import { fieldCharacterProblem, type TextLines } from './text';
import { addressTextProblem, STORED_LIMITS as L } from './stored';
import { validateVulnerability } from './vulnerability';
import { type Problem, problemOf, sayProblem as say } from './problems';
import type { VulnerabilityRecord } from './case';
import { regionOfPostcode } from './postcode';
import type { RegulatorRegion } from './provider';

export interface IntakeForm {
  receivedOn: string;
  channel: string;
  customerName: string;
  /** A CUSTOMER_TITLES code, or '' for none. */
  title?: string;
  addressLines: string;
  postcode: string;
  phone: string;
  email: string;
  accountNumber: string;
  /** The customer is a business (Ofcom's rules cover only those with 10 or fewer employees). */
  isBusiness?: boolean;
  /** The business's number of employees as typed; '' when not known (ignored unless `isBusiness`). */
  employees?: string;
  repName: string;
  repRelationship: string;
  repAddressLines: string;
  repPostcode: string;
  category: string;
  summary: string;
  /** Letter language; '' for the desk's default. */
  language: string;
  largePrint: boolean;
  prefersPost: boolean;
  /** Vulnerability or health details (optional; special-category data, only with a reason). */
  vulnerabilityDetails?: string;
  /** A VULNERABILITY_REASONS id, or ''. */
  vulnerabilityReason?: string;
  vulnerabilityNote?: string;
}

export type IntakeField = keyof IntakeForm;

export function emptyIntakeForm(today: string): IntakeForm {
  return {
    receivedOn: today,
    channel: '',
    customerName: '',
    title: '',
    addressLines: '',
    postcode: '',
    phone: '',
    email: '',
    accountNumber: '',
    isBusiness: false,
    employees: '',
    repName: '',
    repRelationship: '',
    repAddressLines: '',
    repPostcode: '',
    category: '',
    summary: '',
    language: '',
    largePrint: false,
    prefersPost: false,
    vulnerabilityDetails: '',
    vulnerabilityReason: '',
    vulnerabilityNote: '',
  };
}

export interface NewCaseParts {
  receivedOn: string;
  channel: Channel;
  customer: Customer;
  representative?: Representative;
  communication?: CommunicationNeeds;
  category: Category;
  summary: string;
  vulnerability?: VulnerabilityRecord;
}

export type IntakeResult =
  | { ok: true; value: NewCaseParts }
  | {
      ok: false;
      /** The message per field, in English (shown as it is when the interface has no words for it). */
      errors: Partial<Record<IntakeField, string>>;
      /** The same messages as codes and values (./problems.ts), for the interface to say in its language. */
      problems: Partial<Record<IntakeField, Problem>>;
    };

const trimmed = (max: number, label: string, lines: TextLines = 'single-line') =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, say('too-long', { label, max }))
        // Control and invisible format characters are refused, named (model/text.ts; the CSV import says the same).
        .superRefine((s, ctx) => {
          const problem = fieldCharacterProblem(s, lines, label);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    );

const optionalText = (max: number, label: string, lines: TextLines = 'single-line') => trimmed(max, label, lines);

/** An address as typed, one line per row: it must fit the envelope window (shared/model/stored.ts). */
const windowAddress = () =>
  z
    .string()
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const problem = addressTextProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      const characters = fieldCharacterProblem(s, 'multi-line', 'Address');
      if (characters) ctx.addIssue({ code: 'custom', message: characters });
    });

/** The most employees a case may record: more is certainly a typing slip. */
export const MAX_EMPLOYEES = 10_000_000;

/**
 * Read a business's number of employees as typed ("25", " 1,200 "): a whole number, 1 or more; '' means not known.
 * Shared by the intake form, the CSV import and the customer-edit action so all three say the same thing.
 */
export function parseEmployees(text: string): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(t)) return { ok: false, error: say('employees-not-number') };
  const n = Number(t.replace(/,/g, ''));
  if (n < 1) return { ok: false, error: say('employees-none') };
  if (n > MAX_EMPLOYEES) return { ok: false, error: say('employees-too-many', { max: { number: MAX_EMPLOYEES } }) };
  return { ok: true, value: n };
}

function intakeSchema(today: string) {
  return z.object({
    receivedOn: z
      .string()
      .trim()
      .min(1, say('received-missing'))
      .refine(isIsoDate, say('date-invalid'))
      .refine((d) => !isIsoDate(d) || d <= today, say('received-future'))
      .refine((d) => !isIsoDate(d) || d >= '2000-01-01', say('received-before-2000')),
    channel: z.enum(CHANNELS, { error: say('channel-missing') }),
    customerName: trimmed(L.name, 'Name').pipe(z.string().min(1, say('customer-name-missing'))),
    title: z.union([z.literal(''), z.enum(CUSTOMER_TITLES)], { error: say('title-invalid') }).optional(),
    addressLines: windowAddress(),
    postcode: optionalText(L.postcode, 'Postcode'),
    phone: optionalText(L.phone, 'Phone').refine(
      (s) => s === '' || /^[+()0-9 .-]{6,40}$/.test(s),
      say('phone-invalid'),
    ),
    email: optionalText(L.email, 'Email').refine(
      (s) => s === '' || z.email().safeParse(s).success,
      say('email-invalid'),
    ),
    accountNumber: optionalText(L.accountNumber, 'Account number'),
    isBusiness: z.boolean(),
    // Checked below with parseEmployees, only for a business (the field is hidden otherwise).
    employees: z.string(),
    repName: optionalText(L.name, 'Name'),
    repRelationship: optionalText(L.relationship, 'Relationship'),
    repAddressLines: windowAddress(),
    repPostcode: optionalText(L.postcode, 'Postcode'),
    category: z.enum(CATEGORIES, { error: say('category-missing') }),
    summary: trimmed(L.summary, 'Summary', 'multi-line').pipe(z.string().min(1, say('summary-missing'))),
    language: z.union([z.literal(''), z.enum(LETTER_LANGUAGES)], {
      error: say('language-invalid'),
    }),
    largePrint: z.boolean(),
    prefersPost: z.boolean(),
  });
}

const FLAGS: ReadonlySet<IntakeField> = new Set<IntakeField>(['largePrint', 'prefersPost', 'isBusiness']);
type TextField = Exclude<IntakeField, 'largePrint' | 'prefersPost' | 'isBusiness'>;
type Trimmed = Record<TextField, string>;

/** Rules between fields; run on the trimmed form even when single fields fail, so every message shows at once. */
function crossFieldErrors(f: Trimmed): Array<[IntakeField, string]> {
  const out: Array<[IntakeField, string]> = [];
  const hasAddress = f.addressLines !== '';
  if (hasAddress && f.postcode === '') out.push(['postcode', say('postcode-missing')]);
  if (!hasAddress && f.postcode !== '') out.push(['addressLines', say('address-for-postcode')]);
  if (f.channel === 'letter' && !hasAddress && f.repAddressLines === '') {
    out.push(['addressLines', say('letter-needs-address')]);
  }
  if (!hasAddress && f.phone === '' && f.email === '' && f.repAddressLines === '') {
    out.push(['addressLines', say('no-way-to-reach')]);
  }
  const hasRep = f.repName !== '' || f.repRelationship !== '' || f.repAddressLines !== '' || f.repPostcode !== '';
  if (hasRep) {
    if (f.repName === '') out.push(['repName', say('rep-name-missing')]);
    if (f.repRelationship === '') out.push(['repRelationship', say('rep-relationship-missing')]);
    if (f.repAddressLines !== '' && f.repPostcode === '') out.push(['repPostcode', say('postcode-missing')]);
  }
  return out;
}

/** A form's address box and postcode (trimmed) as the case keeps them: one line per row, the postcode in capitals. */
export function postalAddressOf(lines: string, postcode: string): PostalAddress | undefined {
  if (lines === '') return undefined;
  return {
    lines: lines
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    postcode: postcode.toUpperCase(),
  };
}

const dropEmpty = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;

function communicationNeeds(
  language: string,
  largePrint: boolean,
  prefersPost: boolean,
): CommunicationNeeds | undefined {
  const needs: CommunicationNeeds = {
    ...(language ? { language: language as CommunicationNeeds['language'] } : {}),
    ...(largePrint ? { largePrint } : {}),
    ...(prefersPost ? { prefersPost } : {}),
  };
  return Object.keys(needs).length ? needs : undefined;
}

/**
 * Validate the intake form against `today` (YYYY-MM-DD, the desk's date). `recorder.by` names who records any
 * vulnerability details (the person working).
 */
// Building the schema costs milliseconds; an import checks thousands of rows against the same day's schema.
let lastSchema: { today: string; schema: ReturnType<typeof intakeSchema> } | null = null;
function intakeSchemaFor(today: string): ReturnType<typeof intakeSchema> {
  if (lastSchema?.today !== today) lastSchema = { today, schema: intakeSchema(today) };
  return lastSchema.schema;
}

export function validateIntake(
  form: Partial<IntakeForm>,
  today: string,
  recorder: { by: string } = { by: '' },
): IntakeResult {
  const input = { ...emptyIntakeForm(''), ...form };
  for (const key of Object.keys(input) as IntakeField[]) {
    if (FLAGS.has(key)) (input as Record<string, unknown>)[key] = input[key] === true;
    else if (typeof input[key] !== 'string') input[key] = '' as never;
  }
  const parsed = intakeSchemaFor(today).safeParse(input);
  const errors: Partial<Record<IntakeField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as IntakeField;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const trimmedInput = Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => [k, String(v).trim()]),
  ) as Trimmed;
  for (const [field, message] of crossFieldErrors(trimmedInput)) errors[field] ??= message;
  const employees = input.isBusiness
    ? parseEmployees(trimmedInput.employees)
    : ({ ok: true, value: undefined } as const);
  if (!employees.ok) errors.employees ??= employees.error;
  const vulnerability = validateVulnerability(
    {
      details: String(form.vulnerabilityDetails ?? ''),
      reason: String(form.vulnerabilityReason ?? ''),
      note: String(form.vulnerabilityNote ?? ''),
    },
    { on: today, by: recorder.by },
  );
  if (!vulnerability.ok) {
    const names = {
      details: 'vulnerabilityDetails',
      reason: 'vulnerabilityReason',
      note: 'vulnerabilityNote',
    } as const;
    for (const [field, message] of Object.entries(vulnerability.errors))
      errors[names[field as keyof typeof names]] ??= message;
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    const problems: Partial<Record<IntakeField, Problem>> = {};
    for (const [field, message] of Object.entries(errors) as Array<[IntakeField, string]>) {
      const p = problemOf(message);
      if (p) problems[field] = p;
    }
    return { ok: false, errors, problems };
  }
  const f = parsed.data;
  const customer: Customer = dropEmpty({
    name: f.customerName,
    title: f.title || undefined,
    address: postalAddressOf(f.addressLines, f.postcode),
    phone: f.phone,
    email: f.email,
    accountNumber: f.accountNumber,
    isBusiness: f.isBusiness ? true : undefined,
    employees: f.isBusiness && employees.ok ? employees.value : undefined,
  });
  const representative: Representative | undefined =
    f.repName === ''
      ? undefined
      : dropEmpty({
          name: f.repName,
          relationship: f.repRelationship,
          address: postalAddressOf(f.repAddressLines, f.repPostcode),
        });
  return {
    ok: true,
    value: dropEmpty({
      receivedOn: f.receivedOn,
      channel: f.channel,
      customer,
      representative,
      communication: communicationNeeds(f.language, f.largePrint, f.prefersPost),
      category: f.category,
      summary: f.summary,
      vulnerability: vulnerability.ok ? (vulnerability.value ?? undefined) : undefined,
    }),
  };
}

export const calendarSchema = z.enum(CALENDARS);
export type { CalendarId };

/**
 * The postcodes typed in the form that do not look like the provider's region's (a Canadian desk's "SW1A 1AA", a
 * half-typed "H2J 2L"): the desk is asked to check them, never refused (a representative may live abroad), as the
 * letters print a postcode as typed (explore34a #16).
 */
export function postcodesToCheck(
  f: Pick<IntakeForm, 'postcode' | 'repPostcode'>,
  region: RegulatorRegion,
): Array<{ field: 'postcode' | 'repPostcode'; postcode: string }> {
  return (['postcode', 'repPostcode'] as const).flatMap((field) => {
    const postcode = f[field].trim();
    return postcode && regionOfPostcode(postcode) !== region ? [{ field, postcode }] : [];
  });
}
