// The rules engine's explanations, next-action reasons and warnings in the interface language (issue #17). The engine
// returns them as phrases (shared/rules/explain.ts: a kind and its values) beside its English sentence, which stays
// the desk's record (CSV, PDF reports, an English interface's calendar file). Each kind is the catalogue's
// `explain.<kind>` (English taken from shared's own words); days are written the interface's way, periods, events and
// channels in its words.
import {
  type Explanation,
  joinExplanation,
  joinReason,
  type Phrase,
  type PhraseValue,
  type Reason,
} from '#shared/rules/index';
import { formatShortDate } from '../format';
import { clockLabel } from './clocks';
import { calendarNameIn, holidayNameIn } from './holidays';
import { regimeNameIn, regulationIn } from './regulations';
import { builtInWordsIn } from './built-in-procedures';
import type { MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const weekdayNames = new Map<string, string[]>();
/** "Saturday" / "samedi": 1 Jan 2023 was a Sunday. */
function weekdayName(locale: string, weekday: number): string {
  let names = weekdayNames.get(locale);
  if (!names) {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2023, 0, 1 + i, 12))));
    weekdayNames.set(locale, names);
  }
  return names[weekday] ?? String(weekday);
}

function valueIn(t: T, locale: string, v: PhraseValue): string | number {
  if (typeof v === 'number') return v;
  // A procedure's own words (what its acknowledgement gives…): a built-in procedure's in the interface language.
  if (typeof v === 'string') return builtInWordsIn(locale, v);
  if ('kind' in v) return phraseIn(t, locale, v);
  if ('date' in v) return formatShortDate(v.date, locale);
  if ('duration' in v)
    return v.duration.amount === 0
      ? t('explain.value.atOnce')
      : t(`explain.value.duration.${v.duration.unit}`, { amount: v.duration.amount });
  if ('event' in v) return t(`explain.value.event.${v.event}`);
  if ('channel' in v) return t(`model.channel.${v.channel}`).toLowerCase();
  if ('category' in v) return t(`model.category.${v.category}`);
  if ('calendar' in v) return calendarNameIn(t, v.calendar, v.name);
  if ('holiday' in v) return holidayNameIn(t, v.holiday);
  if ('clock' in v) return clockLabel(t, v.clock);
  if ('regime' in v) return regimeNameIn(t, v.regime, v.name);
  if ('regulation' in v) return regulationIn(t, v.regulation);
  if ('ordinal' in v) return t('explain.value.ordinal', { n: String(v.ordinal) });
  if ('weekday' in v) return weekdayName(locale, v.weekday);
  return v.list.map((item) => valueIn(t, locale, item)).join(v.separator);
}

/** A phrase's values in the interface language. */
function valuesIn(t: T, locale: string, p: Phrase): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(p.values ?? {})) values[name] = valueIn(t, locale, v);
  return values;
}

/** One phrase in the interface language. */
export function phraseIn(t: T, locale: string, p: Phrase): string {
  return t(`explain.${p.kind}`, valuesIn(t, locale, p));
}

/**
 * A clock's explanation: "Due 30 Dec 2026: received 18 Nov 2026 + 6 weeks, …" / "Échéance le 30 déc. 2026 : …" (on
 * the screen it starts a line, so with a capital; the records keep the engine's "due …"). One that starts with a name
 * given as written (a procedure's, "kinex communications complaints procedure v1") keeps it as its owner spells it
 * (explore40-manager #6).
 */
export function explanationIn(t: T, locale: string, parts: Explanation): string {
  const [first, ...rest] = parts;
  if (!first) return '';
  const values = valuesIn(t, locale, first);
  const lead = t(`explain.${first.kind}`, values);
  const text = joinExplanation([lead, ...rest.map((p) => phraseIn(t, locale, p))]);
  const startsWithName = Object.entries(first.values ?? {}).some(([name, v]) => {
    const written = values[name];
    return typeof v === 'string' && typeof written === 'string' && written !== '' && lead.startsWith(written);
  });
  return startsWithName ? text : text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** A next action's reason: its own sentence, then the clock's explanation. */
export function reasonIn(t: T, locale: string, reason: Reason): string {
  return joinReason(reason.lead && phraseIn(t, locale, reason.lead), explanationIn(t, locale, reason.explanation));
}
