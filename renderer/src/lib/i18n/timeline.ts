// The timeline entries' summaries in the interface language (issue #17). Each entry stores its summary in English
// (the desk's record); shared/casework/summaries.ts reads an entry's type and data back into a phrase when they say
// exactly what the stored summary says, and the catalogue's `summary.<kind>` says it. English interfaces show the
// stored summary as it is; an entry whose data does not say it all (an older entry, a note) is shown as stored too.
import type { TimelineEvent } from '#shared/model/case';
import { languageOfLocale } from '#shared/model/dates';
import {
  type CorrectedValue,
  type SummaryContext,
  type SummaryPhrase,
  type SummaryValue,
  summaryPhrase,
  VOID_QUOTE,
} from '#shared/casework/summaries';
import { short } from '#shared/casework/short';
import { formatShortDate } from '../format';
import type { MessageKey } from './messages/en-GB';
import { builtInWordsIn } from './built-in-procedures';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function valueIn(t: T, locale: string, v: SummaryValue): string {
  if (typeof v === 'string') return v;
  if ('kind' in v) return summaryIn(t, locale, v);
  if ('quoted' in v) return short(summaryIn(t, locale, v.quoted), VOID_QUOTE);
  if ('day' in v) return formatShortDate(v.day, locale);
  if ('channel' in v) return t(`model.channel.${v.channel}`).toLowerCase();
  if ('receivedBy' in v) return t(`model.channel.${v.receivedBy}`).toLowerCase();
  if ('scheme' in v) return v.scheme;
  if ('paymentKind' in v) return t(`field.record-payment.kind.option.${v.paymentKind}`);
  if ('money' in v)
    return new Intl.NumberFormat(locale, { style: 'currency', currency: v.money.currency }).format(v.money.amount);
  if ('letterKind' in v) return t(`letterName.${v.letterKind}`);
  if ('attachmentKind' in v) return t(`model.attachmentKind.${v.attachmentKind}`).toLowerCase();
  if ('changes' in v)
    return v.changes
      .map(
        (c) =>
          `${t(`correctable.${c.field}`).toLowerCase()} ${correctedValueIn(t, locale, c.from)} → ${correctedValueIn(t, locale, c.to)}`,
      )
      .join(languageOfLocale(locale) === 'fr' ? '\u00a0; ' : '; ');
  return v.fields.map((f) => t(`customerField.${f}`).toLowerCase()).join(', ');
}

/**
 * A corrected field's value: a channel, category or calendar by its name in the interface language (m17b), a date
 * received in the interface's date format, a representative's authority in its words and its day in that format
 * ("Ravi Shah (son), written consent seen (5 Dec 2026)").
 */
export function correctedValueIn(t: T, locale: string, v: CorrectedValue): string {
  if (typeof v === 'string') return v;
  if ('day' in v) return formatShortDate(v.day, locale);
  if ('channel' in v) return t(`model.channel.${v.channel}`);
  if ('category' in v) return t(`model.category.${v.category}`);
  if ('calendar' in v) return t(`model.calendar.${v.calendar}`);
  if ('representative' in v) {
    const { name, relationship, authority } = v.representative;
    const who = t('case.actingValue', { name, relationship });
    if (!authority) return who;
    return `${who}, ${t(`model.authority.${authority.kind}`).toLowerCase()} (${formatShortDate(authority.on, locale)})`;
  }
  return t('timelineDetails.none');
}

/** Values that are a stage's name: a built-in procedure's is said in the interface language (explore34a #5). */
const STAGE_VALUES: Partial<Record<SummaryPhrase['kind'], readonly string[]>> = { escalated: ['from', 'to'] };

export function summaryIn(t: T, locale: string, p: SummaryPhrase): string {
  const values: Record<string, string> = {};
  const stages = STAGE_VALUES[p.kind] ?? [];
  for (const [name, v] of Object.entries(p.values ?? {})) {
    const said = valueIn(t, locale, v);
    values[name] = stages.includes(name) ? builtInWordsIn(locale, said) : said;
  }
  return t(`summary.${p.kind}`, values);
}

/** An entry's summary in the interface language; the case and its procedure name what the entry's data points to. */
export function entrySummaryIn(t: T, locale: string, event: TimelineEvent, context: SummaryContext = {}): string {
  // English shows the stored summary, except where it writes codes or quotes another entry (m17b): a correction
  // ("channel in-person → letter") and a void (the voided entry said again from its data).
  if (languageOfLocale(locale) === 'en' && event.type !== 'corrected' && event.type !== 'voided') return event.summary;
  const p = summaryPhrase(event, context);
  return p ? summaryIn(t, locale, p) : event.summary;
}
