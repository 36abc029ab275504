// The date box of every form (issue #15): Mantine's DateInput, shown and typed in the interface language's order
// (dd/mm/yyyy in English (UK)), whatever the operating system's regional setting, never the browser's own date box.
// What is typed is read by parseTypedDate: "01122026" is 1 December 2026, and anything it cannot read without
// guessing is refused with a message that says how to type it, and stays in the box to be put right.
import { openConfirm } from './confirm';
import { List, Stack, Text } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/en-ca';
import 'dayjs/locale/fr-ca';
import { type FocusEvent, type FormEvent, type ReactNode, useState } from 'react';
import { useIntl } from 'react-intl';
import { RECEIVED_LONG_AGO_DAYS, type ReceivedDateQuestion } from '#shared/casework/index';
import { dateStyleFor, isIsoDate, languageOfLocale, parseTypedDate } from '#shared/model/dates';
import { calendarDaysBetween } from '#shared/rules/index';
import { formatLongDate } from '#lib/format';
import { calendarNameIn, holidayNameIn, type Translate, useT } from '#lib/i18n/index';
import { todayIso } from '#lib/today';

/** "Tuesday 1 December 2026 — yesterday" / "mardi 1er décembre 2026 — hier", in the interface language. */
export function dateInWords(iso: string, today: string, t: Translate, locale: string): string {
  const n = calendarDaysBetween(today, iso);
  const when =
    n === 0
      ? t('dateField.today')
      : n === -1
        ? t('dateField.yesterday')
        : n === 1
          ? t('dateField.tomorrow')
          : n < 0
            ? t('dateField.daysAgo', { days: -n })
            : t('dateField.inDays', { days: n });
  return t('dateField.inWords', { date: formatLongDate(iso, locale), when });
}

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'onChange' | 'defaultValue' | 'dateParser' | 'valueFormat' | 'error'
> {
  /** An ISO date, '' for none, or the text typed when it is not (yet) a date. */
  value?: string;
  /** Called with an ISO date, '' when the box is emptied, or the typed text while it is not a date. */
  onChange: (value: string) => void;
  error?: ReactNode;
  /** The interface language (the person's, from the catalogue's provider, unless given). */
  locale?: string;
  /** Under the box, the date written out in words ("Tuesday 1 December 2026 — yesterday"); on by default. */
  withWords?: boolean;
}

export function DateField({
  value,
  onChange,
  error,
  locale: givenLocale,
  withWords = true,
  description,
  onBlur,
  name,
  popoverProps,
  ...rest
}: DateFieldProps) {
  const t = useT();
  const intl = useIntl();
  const locale = givenLocale ?? intl.locale;
  const style = dateStyleFor(locale);
  const [problem, setProblem] = useState<string | null>(null);
  // Its calendar opens as the box takes the focus. While it is open, Escape closes the calendar only: the dialog the
  // box is in (an action form) reads this mark and stays open, with what was typed in it.
  const [calendarOpen, setCalendarOpen] = useState(false);
  // While the box says what is wrong, its calendar (below it) would cover the message: it opens on a click only, not
  // as the box takes the focus (a refused Save puts the focus back here: explore34-keyboard #9).
  const [clicked, setClicked] = useState(false);
  const iso = isIsoDate(value) ? value : null;
  const read = (text: string) => parseTypedDate(text, style);

  // Every keystroke: the form holds the date once the text reads as one, else the text itself (so a half-typed or
  // mistyped date is never taken for the date that was in the box before).
  const onInput = (e: FormEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const typed = read(text);
    if (typed.ok) setProblem(null);
    onChange(typed.ok ? typed.iso : text.trim());
  };
  const blurred = (e: FocusEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const typed = read(text);
    // The reader's own message in English; in another language, how to type a date in it.
    const problem =
      languageOfLocale(locale) === 'en'
        ? typed.ok
          ? ''
          : typed.message
        : t('dateField.notADate', { typed: text.trim(), placeholder: style.placeholder });
    setProblem(text.trim() === '' || typed.ok ? null : problem);
    setClicked(false);
    onBlur?.(e);
  };
  const words = withWords && iso ? dateInWords(iso, todayIso(), t, locale) : null;
  const calendarHeld = Boolean(problem ?? error) && !clicked;

  return (
    <DateInput
      {...rest}
      value={iso}
      onChange={(v) => {
        setProblem(null);
        onChange(v ?? '');
      }}
      onInput={onInput}
      onBlur={blurred}
      locale={style.locale.toLowerCase()}
      valueFormat={style.format}
      placeholder={style.placeholder}
      dateParser={(text) => {
        const typed = read(text);
        return typed.ok ? typed.iso : null;
      }}
      // A date that was read is put back in the language's order; text that was not stays in the box to be corrected.
      fixOnBlur={iso !== null}
      error={problem ?? error}
      description={words ?? description}
      data-name={name}
      data-date-field
      data-mantine-stop-propagation={(calendarOpen && !calendarHeld) || undefined}
      onClick={(e) => {
        setClicked(true);
        rest.onClick?.(e);
      }}
      popoverProps={{
        ...popoverProps,
        disabled: popoverProps?.disabled || calendarHeld,
        onOpen: () => {
          setCalendarOpen(true);
          popoverProps?.onOpen?.();
        },
        onClose: () => {
          setCalendarOpen(false);
          popoverProps?.onClose?.();
        },
      }}
    />
  );
}

/**
 * Asks "Are you sure?" about a received date, with the date written out in words and why it is asked. Resolves true
 * to save it as it is, false to go back and change it.
 */
export function confirmReceivedDate(
  question: ReceivedDateQuestion,
  words: { t: Translate; locale: string; date: string },
): Promise<boolean> {
  const { t, locale, date } = words;
  const doubt = (d: ReceivedDateQuestion['doubts'][number]) =>
    d.code === 'long-ago'
      ? t('dateField.doubt.longAgo', { days: RECEIVED_LONG_AGO_DAYS })
      : d.code === 'future'
        ? t('dateField.doubt.future')
        : d.holiday
          ? t('dateField.doubt.bankHoliday', {
              name: holidayNameIn(t, d.holiday.name),
              calendar: calendarNameIn(t, d.holiday.calendarId, d.holiday.calendar),
            })
          : d.saturday
            ? t('dateField.doubt.saturday')
            : t('dateField.doubt.sunday');
  return new Promise((resolve) => {
    openConfirm({
      title: t('dateField.sure'),
      centered: true,
      // "Change the date" puts the focus in the date box (the caller does), not back on the button that asked.
      returnFocus: false,
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('dateField.receivedOn')}</Text>
          <Text fw={700} data-received-words>
            {dateInWords(date, todayIso(), t, locale)}
          </Text>
          <List size="sm">
            {question.doubts.map((d) => (
              <List.Item key={d.code}>{doubt(d)}</List.Item>
            ))}
          </List>
        </Stack>
      ),
      labels: { confirm: t('dateField.yes'), cancel: t('dateField.change') },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
