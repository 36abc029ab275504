// The desk's settings: validated before they are stored.
import { z } from 'zod';
import { CALENDARS, type DeskSettings } from './case';
import { DESK_PREFIX_PATTERN } from './reference';

export interface SettingsForm {
  companyName: string;
  addressLines: string;
  postcode: string;
  phone: string;
  email: string;
  deskPrefix: string;
  calendar: string;
  defaultProcedureId: string;
  handlerName: string;
}
export type SettingsField = keyof SettingsForm;

const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

const schema = (procedureIds: readonly string[]) =>
  z.object({
    companyName: text(200, 'Company name').min(1, "Enter the company's name for the letterhead"),
    addressLines: text(500, 'Address').min(1, "Enter the company's postal address for the letterhead"),
    postcode: text(12, 'Postcode').min(1, 'Enter the postcode'),
    phone: text(40, 'Phone'),
    email: text(254, 'Email').refine((s) => s === '' || z.email().safeParse(s).success, 'Enter an email address like complaints@example.com'),
    deskPrefix: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(DESK_PREFIX_PATTERN, 'Use 2 to 6 capital letters or digits, starting with a letter (e.g. RDR)')),
    calendar: z.enum(CALENDARS, { error: 'Choose the working-day calendar for this office' }),
    defaultProcedureId: z.string().refine((id) => procedureIds.includes(id), 'Choose the complaints procedure this desk follows'),
    handlerName: text(100, 'Name').min(1, 'Enter the name of the person working at the desk'),
  });

export type SettingsResult = { ok: true; value: DeskSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> };

export function validateSettings(form: SettingsForm, procedureIds: readonly string[]): SettingsResult {
  const parsed = schema(procedureIds).safeParse(form);
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
      company: {
        name: f.companyName,
        addressLines: f.addressLines.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
        postcode: f.postcode.toUpperCase(),
        ...(f.phone ? { phone: f.phone } : {}),
        ...(f.email ? { email: f.email } : {}),
      },
    },
  };
}

export function settingsToForm(s: DeskSettings | null): SettingsForm {
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
  };
}
