// A received date that is probably a slip (issue #15): long ago, in the future, or a letter "received" on a day with
// no post. Such a date is not refused (it can be right) but asked about, with the date written out in words, before it
// is saved: a wrong received date moves every regulatory deadline of the case.
import type { CalendarId, Channel } from '#shared/model/case';
import { calendarDaysBetween, describeDateInWords, type HolidayCalendar, weekdayName } from '#shared/rules/index';

/** A received date further back than this many days is asked about. */
export const RECEIVED_LONG_AGO_DAYS = 30;

export type ReceivedDateDoubtCode = 'long-ago' | 'future' | 'no-post';

export interface ReceivedDateDoubt {
  code: ReceivedDateDoubtCode;
  /** Why it is asked, in plain words. */
  message: string;
  /**
   * A day without post (`no-post`): the bank holiday it is, with its calendar (id and name); absent for a weekend day.
   */
  holiday?: { name: string; calendar: string; calendarId: CalendarId };
  /** A day without post (`no-post`) because it is a Saturday in Canada (Canada Post delivers letters Monday to Friday). */
  saturday?: true;
}

export interface ReceivedDateQuestion {
  /** "Monday 12 January 2026 — 324 days ago" */
  words: string;
  doubts: ReceivedDateDoubt[];
}

/**
 * The doubts about a received date, or null when there are none. `date` and `today` are ISO dates; `calendar` is the
 * desk's working-day calendar, whose bank holidays are days without post (as is every Sunday, and in Canada every
 * Saturday: Canada Post delivers letters Monday to Friday).
 */
export function receivedDateQuestion(
  date: string,
  { today, channel, calendar }: { today: string; channel: Channel | '' | null; calendar: HolidayCalendar },
): ReceivedDateQuestion | null {
  const doubts: ReceivedDateDoubt[] = [];
  const ago = calendarDaysBetween(date, today);
  if (ago > RECEIVED_LONG_AGO_DAYS) {
    doubts.push({
      code: 'long-ago',
      message: `That is more than ${RECEIVED_LONG_AGO_DAYS} days ago: the complaint's deadlines are counted from it.`,
    });
  }
  if (ago < 0) doubts.push({ code: 'future', message: 'That date has not come yet.' });
  if (channel === 'letter') {
    const holiday = calendar.holidayOn(date);
    if (weekdayName(date) === 'Sunday') {
      doubts.push({ code: 'no-post', message: 'It is a Sunday: no post is delivered on a Sunday.' });
    } else if (weekdayName(date) === 'Saturday' && calendar.id === 'canada') {
      doubts.push({
        code: 'no-post',
        message: 'It is a Saturday: Canada Post delivers letters Monday to Friday.',
        saturday: true,
      });
    } else if (holiday) {
      doubts.push({
        code: 'no-post',
        message: `It is a bank holiday (${holiday.name}, ${calendar.name}): no post is delivered on a bank holiday.`,
        holiday: { name: holiday.name, calendar: calendar.name, calendarId: calendar.id },
      });
    }
  }
  return doubts.length ? { words: describeDateInWords(date, today), doubts } : null;
}
