// Calendars and their holidays in the interface language: a built-in calendar by its catalogue name
// ("model.calendar.<id>"), a built-in holiday by its id ("holiday.<id>", shared/rules/calendars.ts BUILT_IN_HOLIDAYS),
// with its substitute day; any other name (a holidays file the desk imported) as it is written.
import { builtInHoliday, CALENDAR_IDS } from '#shared/rules/index';
import type { MessageKey } from './messages/en-GB';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const KNOWN_CALENDARS: ReadonlySet<string> = new Set(CALENDAR_IDS);

/** "Canada (fédéral)": a built-in calendar in the interface's words, any other by `name`. */
export function calendarNameIn(t: T, id: string, name: string): string {
  return KNOWN_CALENDARS.has(id) ? t(`model.calendar.${id}` as MessageKey) : name;
}

/** "lendemain de Noël (jour substitut)" from "Boxing Day (substitute day)"; a name not built in, as it is. */
export function holidayNameIn(t: T, name: string): string {
  const found = builtInHoliday(name);
  if (!found) return name;
  const holiday = t(`holiday.${found.id}`);
  return found.substitute ? t('holiday.substitute', { name: holiday }) : holiday;
}
