// A provider mismatch (shared/rules/provider-checks.ts: a procedure, calendar, scheme or language that does not fit
// the provider's region) in the interface language: the catalogue's `providerMismatch.<code>` with the values the
// check found; the calendar named the interface's way.
import type { ProviderMismatch } from '#shared/rules/index';
import type { MessageKey, Translate } from './index';

export function mismatchIn(t: Translate, m: Pick<ProviderMismatch, 'code' | 'values'>): string {
  const v = m.values;
  return t(`providerMismatch.${m.code}` as MessageKey, {
    procedure: v.procedure,
    procedureCountry: v.procedureCountry,
    calendar: t(`model.calendar.${v.calendar}` as MessageKey),
    calendarCountry: v.calendarCountry,
    region: v.region,
    scheme: v.scheme,
    schemeCountry: v.schemeCountry,
  });
}
