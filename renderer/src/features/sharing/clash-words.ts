// A field changed at two desks, as the case page says it: the field by the name the forms give it, and each value as
// the rest of the page shows it ("Fault repair", "18 Nov 2026", an address on one line), in the interface language.
// The timeline's note keeps the values as stored (renderer/src/sync/conflicts.ts describeValue).
import { CALENDARS, CATEGORIES, CHANNELS } from '#shared/model/case';
import { isIsoDate } from '#shared/model/dates';
import { enGB, type MessageKey, type Translate } from '#lib/i18n/index';
import { formatShortDate } from '#lib/format';
import { describeValue, fieldHeading } from '#sync';

/** A clash's path, as the customer form and the corrections form name the field; else as words from the path. */
export function clashFieldIn(t: Translate, path: readonly string[]): string {
  const customerKey: Record<string, string> = { name: 'customerName', address: 'addressLines' };
  if (path[0] === 'customer') {
    const field = path[1] === 'address' ? (path[2] === 'postcode' ? 'postcode' : 'addressLines') : path[1];
    const key = `customerField.${customerKey[field] ?? field}`;
    if (key in enGB) return t(key as MessageKey);
  }
  const key = `correctable.${path[0]}`;
  if (path.length === 1 && key in enGB) return t(key as MessageKey);
  return fieldHeading(path);
}

/** A clash's value as the page shows it elsewhere. */
export function clashValueIn(t: Translate, locale: string, path: readonly string[], value: unknown): string {
  const field = path.at(-1);
  if (value === undefined || value === null || value === '') return t('timelineDetails.none');
  if (typeof value === 'boolean') return t(value ? 'editConflict.yes' : 'editConflict.no');
  if (typeof value === 'string') {
    if (field === 'channel' && (CHANNELS as readonly string[]).includes(value))
      return t(`model.channel.${value}` as MessageKey);
    if (field === 'category' && (CATEGORIES as readonly string[]).includes(value))
      return t(`model.category.${value}` as MessageKey);
    if (field === 'calendar' && (CALENDARS as readonly string[]).includes(value))
      return t(`model.calendar.${value}` as MessageKey);
    if (isIsoDate(value)) return formatShortDate(value, locale);
    return value;
  }
  // Address lines, and an address with its postcode, as the page writes an address on one line.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (typeof value === 'object' && Array.isArray((value as { lines?: unknown }).lines)) {
    const { lines, postcode } = value as { lines: unknown[]; postcode?: unknown };
    return [...lines, postcode].filter((v): v is string => typeof v === 'string' && v !== '').join(', ');
  }
  return describeValue(value);
}
