// The desk's settings: validated before they are stored.
import { z } from 'zod';
import { CALENDARS, type CompanyDetails, type DeskSettings } from './case';
import { settingsForUsual } from './provider';
import { DESK_PREFIX_PATTERN } from './reference';
import { addressTextProblem, STORED_LIMITS as L } from './stored';
import { fieldCharacterProblem } from './text';
import { fillTemplate } from './template';
import { type Saying, sayingInEnglish } from './saying';
import { PROBLEMS_EN, sayProblem } from './problems';

/** A letterhead as a form holds it: the desk's in Settings, and each provider's. */
export interface LetterheadForm {
  companyName: string;
  /** One line of the address per line of text. */
  addressLines: string;
  postcode: string;
  phone: string;
  email: string;
  /** A PNG or JPEG `data:` URL, or '' for no logo. */
  logoDataUrl: string;
}

export interface SettingsForm extends LetterheadForm {
  deskPrefix: string;
  calendar: string;
  defaultProcedureId: string;
  handlerName: string;
  /** An ADR scheme id from the directory, or '' for the scheme of each case's procedure. */
  adrSchemeId: string;
}
export type SettingsField = keyof SettingsForm;

// ---------------------------------------------------------------------------------------------------------------
// The letterhead logo. Kept small: it is stored with the settings and embedded in every letter. pdfmake draws PNG
// and JPEG only, so those are the formats accepted.

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** The first bytes of each format, base64-encoded: PNG 89 50 4E 47 0D 0A 1A 0A, JPEG FF D8 FF. */
const LOGO_SIGNATURES: Record<(typeof LOGO_TYPES)[number], string> = {
  'image/png': 'iVBORw0KGgo',
  'image/jpeg': '/9j/',
};

/**
 * Why a file or a stored logo is refused, as a code and values (issue #17): the screens say it with the catalogue's
 * `logoProblem.<code>` in the person's language; `LOGO_PROBLEMS_EN` is the one home of the English (the checks'
 * strings, the settings schema's message). `name` is the chosen file's name; `bytes` a size; `type` PNG or JPEG.
 */
export const LOGO_PROBLEMS_EN = {
  'file-not-image': '“{name}” is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.',
  'file-empty': '“{name}” is empty. Choose the logo image again.',
  'file-too-large':
    '“{name}” is {size}; the logo can be at most {max}. Save a smaller copy (about 600 pixels wide is plenty for a letterhead).',
  'file-unreadable': '“{name}” could not be read. Check the file and choose it again.',
  'file-undecodable':
    '“{name}” is damaged or not a picture the app can read. Save it again as PNG or JPEG and choose it again.',
  'not-image': 'The logo must be a PNG or JPEG image.',
  damaged: 'The logo image is damaged or incomplete. Choose it again.',
  'not-really': 'The logo file is not really a {type} image. Choose a PNG or JPEG file.',
  'too-large': 'The logo is {size}; it can be at most {max}.',
} as const;
export type LogoProblemCode = keyof typeof LOGO_PROBLEMS_EN;
export interface LogoProblem {
  code: LogoProblemCode;
  /** The chosen file's name: a problem found in a file's contents is said after it (“logo.png”: …). */
  name?: string;
  bytes?: number;
  type?: 'PNG' | 'JPEG';
}

/** A problem found in a chosen file's contents is said after the file's name: `“logo.png”: {problem}`. */
export const LOGO_IN_FILE_EN = '“{name}”: {problem}';

/** Whether the problem is said after the chosen file's name (one found in its contents, not in the file as chosen). */
export const logoProblemInFile = (problem: LogoProblem): problem is LogoProblem & { name: string } =>
  problem.name !== undefined && !problem.code.startsWith('file-');

/** A logo problem as a saying: the values its templates name (`size` and `max` sizes, `type`, the file's `name`). */
export function logoSaying(problem: LogoProblem): Saying<LogoProblemCode, string | { bytes: number }> {
  return {
    code: problem.code,
    values: {
      name: problem.name ?? '',
      size: { bytes: problem.bytes ?? 0 },
      max: { bytes: LOGO_MAX_BYTES },
      type: problem.type ?? '',
    },
  };
}

/** A logo problem in English. */
export function logoProblemInEnglish(problem: LogoProblem): string {
  const said = sayingInEnglish(LOGO_PROBLEMS_EN, logoSaying(problem));
  return logoProblemInFile(problem)
    ? fillTemplate(LOGO_IN_FILE_EN, (name) => (name === 'name' ? problem.name : said))
    : said;
}

/** A file's problem as a logo, before it is read; null when it may be read. */
export function logoFileProblem(file: { name: string; type: string; size: number }): LogoProblem | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return { code: 'file-not-image', name: file.name };
  if (file.size === 0) return { code: 'file-empty', name: file.name };
  if (file.size > LOGO_MAX_BYTES) return { code: 'file-too-large', name: file.name, bytes: file.size };
  return null;
}

/** A file's problem as a logo, in plain English, before it is read; null when it may be read. */
export function checkLogoFile(file: { name: string; type: string; size: number }): string | null {
  const problem = logoFileProblem(file);
  return problem && logoProblemInEnglish(problem);
}

/** Bytes encoded by a base64 string. */
function base64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

/** A stored logo's problem; null for a well-formed PNG or JPEG data URL within the size limit. */
export function logoDataProblem(url: string): LogoProblem | null {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/.exec(url);
  if (!m) return { code: 'not-image' };
  const type = m[1] as (typeof LOGO_TYPES)[number];
  const data = m[2];
  if (data.length === 0 || data.length % 4 !== 0) return { code: 'damaged' };
  if (!data.startsWith(LOGO_SIGNATURES[type]))
    return { code: 'not-really', type: type === 'image/png' ? 'PNG' : 'JPEG' };
  const bytes = base64Bytes(data);
  if (bytes > LOGO_MAX_BYTES) return { code: 'too-large', bytes };
  return null;
}

/** A stored logo's problem in plain English; null for a well-formed PNG or JPEG data URL within the size limit. */
export function checkLogoDataUrl(url: string): string | null {
  const problem = logoDataProblem(url);
  return problem && logoProblemInEnglish(problem);
}

// ---------------------------------------------------------------------------------------------------------------

/** A one-line setting: at most `max` characters, none of them invisible or a control character (as the intake). */
export const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, sayProblem('too-long', { label, max }))
    .superRefine((s, ctx) => {
      const problem = fieldCharacterProblem(s, 'single-line', label);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export interface SettingsChoices {
  /** Ids of the procedures a desk may follow. */
  procedureIds: readonly string[];
  /** Ids of the ADR schemes in the directory; '' (the procedure's own scheme) is always allowed. */
  adrSchemeIds?: readonly string[];
  /**
   * The desk's prefix while it belongs to a team (p8b, issue #16 G5): it cannot change then. Joining checked that no
   * other desk of the team uses it; a new one could be another desk's, and two cases would share a reference.
   */
  teamPrefix?: string;
}

/**
 * The letterhead's fields (company, address, postcode, phone, email, logo) and the ADR scheme: the same checks for the
 * desk's first-run settings and for every provider (./provider-form.ts).
 */
export const letterheadShape = ({ adrSchemeIds = [] }: Pick<SettingsChoices, 'adrSchemeIds'>) => ({
  companyName: text(L.companyName, 'Company name').min(1, PROBLEMS_EN['company-name-missing']),
  addressLines: z
    .string()
    .trim()
    .min(1, PROBLEMS_EN['company-address-missing'])
    .superRefine((s, ctx) => {
      const problem = addressTextProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      const characters = fieldCharacterProblem(s, 'multi-line', 'Address');
      if (characters) ctx.addIssue({ code: 'custom', message: characters });
    }),
  postcode: text(L.postcode, 'Postcode').min(1, PROBLEMS_EN['postcode-enter']),
  phone: text(L.phone, 'Phone'),
  email: text(L.email, 'Email').refine(
    (s) => s === '' || z.email().safeParse(s).success,
    PROBLEMS_EN['letterhead-email-invalid'],
  ),
  logoDataUrl: z
    .string()
    .optional()
    .default('')
    .superRefine((url, ctx) => {
      const problem = url === '' ? null : checkLogoDataUrl(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  adrSchemeId: z
    .string()
    .optional()
    .default('')
    .refine((id) => id === '' || adrSchemeIds.includes(id), PROBLEMS_EN['adr-scheme-choose']),
});

/** The letterhead as stored, from the checked letterhead fields. */
export function companyFromForm(f: {
  companyName: string;
  addressLines: string;
  postcode: string;
  phone: string;
  email: string;
}): CompanyDetails {
  return {
    name: f.companyName,
    addressLines: f.addressLines
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    postcode: f.postcode.toUpperCase(),
    ...(f.phone ? { phone: f.phone } : {}),
    ...(f.email ? { email: f.email } : {}),
  };
}

const schema = ({ procedureIds, adrSchemeIds = [], teamPrefix }: SettingsChoices) =>
  z.object({
    ...letterheadShape({ adrSchemeIds }),
    deskPrefix: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(DESK_PREFIX_PATTERN, PROBLEMS_EN['desk-prefix-invalid']))
      .refine((p) => teamPrefix === undefined || p === teamPrefix, PROBLEMS_EN['desk-prefix-in-team']),
    calendar: z.enum(CALENDARS, { error: PROBLEMS_EN['desk-calendar-choose'] }),
    defaultProcedureId: z.string().refine((id) => procedureIds.includes(id), PROBLEMS_EN['desk-procedure-choose']),
    handlerName: text(100, 'Name').min(1, PROBLEMS_EN['handler-name-missing']),
  });

export type SettingsResult =
  { ok: true; value: DeskSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> };

/**
 * Check the settings form and turn it into the stored settings. `choices` is the list of procedure ids (older
 * callers) or the procedure and ADR scheme ids a desk may choose from.
 */
export function validateSettings(form: SettingsForm, choices: readonly string[] | SettingsChoices): SettingsResult {
  const options: SettingsChoices = Array.isArray(choices)
    ? { procedureIds: choices as readonly string[] }
    : (choices as SettingsChoices);
  const parsed = schema(options).safeParse(form);
  if (!parsed.success) {
    const errors: Partial<Record<SettingsField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as SettingsField;
      if (field && !errors[field]) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  const f = parsed.data;
  return {
    ok: true,
    value: {
      deskPrefix: f.deskPrefix,
      calendar: f.calendar,
      defaultProcedureId: f.defaultProcedureId,
      handlerName: f.handlerName,
      company: companyFromForm(f),
      ...(f.logoDataUrl ? { logoDataUrl: f.logoDataUrl } : {}),
      ...(f.adrSchemeId ? { adrSchemeId: f.adrSchemeId } : {}),
    },
  };
}

/** The settings form's values: the desk's, with its usual provider's letterhead, procedure, calendar and scheme. */
export function settingsToForm(desk: DeskSettings | null): SettingsForm {
  const s = desk ? settingsForUsual(desk) : null;
  return {
    companyName: s?.company.name ?? '',
    addressLines: s?.company.addressLines.join('\n') ?? '',
    postcode: s?.company.postcode ?? '',
    phone: s?.company.phone ?? '',
    email: s?.company.email ?? '',
    deskPrefix: s?.deskPrefix ?? 'RDR',
    calendar: s?.calendar ?? 'england-and-wales',
    defaultProcedureId: s?.defaultProcedureId ?? 'ofcom',
    handlerName: s?.handlerName ?? '',
    logoDataUrl: s?.logoDataUrl ?? '',
    adrSchemeId: s?.adrSchemeId ?? '',
  };
}
