// The date box of every form (issue #15): Mantine's DateInput, shown and typed in the interface language's order
// (dd/mm/yyyy in English (UK)), whatever the operating system's regional setting, never the browser's own date box.
// What is typed is read by parseTypedDate: "01122026" is 1 December 2026, and anything it cannot read without
// guessing is refused with a message that says how to type it, and stays in the box to be put right.
import { List, Stack, Text } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { modals } from '@mantine/modals';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/en-ca';
import 'dayjs/locale/fr-ca';
import { type FocusEvent, type FormEvent, type ReactNode, useState } from 'react';
import type { ReceivedDateQuestion } from '#shared/casework/index';
import { DEFAULT_INTERFACE_LOCALE, dateStyleFor, isIsoDate, parseTypedDate } from '#shared/model/dates';
import { describeDateInWords } from '#shared/rules/index';
import { todayIso } from '#lib/today';

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'onChange' | 'defaultValue' | 'dateParser' | 'valueFormat' | 'error'
> {
  /** An ISO date, '' for none, or the text typed when it is not (yet) a date. */
  value?: string;
  /** Called with an ISO date, '' when the box is emptied, or the typed text while it is not a date. */
  onChange: (value: string) => void;
  error?: ReactNode;
  /** The interface language (en-GB unless the desk's settings say otherwise). */
  locale?: string;
  /** Under the box, the date written out in words ("Tuesday 1 December 2026 — yesterday"); on by default. */
  withWords?: boolean;
}

export function DateField({
  value,
  onChange,
  error,
  locale = DEFAULT_INTERFACE_LOCALE,
  withWords = true,
  description,
  onBlur,
  name,
  ...rest
}: DateFieldProps) {
  const style = dateStyleFor(locale);
  const [problem, setProblem] = useState<string | null>(null);
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
    setProblem(text.trim() === '' || typed.ok ? null : typed.message);
    onBlur?.(e);
  };
  const words = withWords && iso ? describeDateInWords(iso, todayIso()) : null;

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
    />
  );
}

/**
 * Asks "Are you sure?" about a received date, with the date written out in words and why it is asked. Resolves true
 * to save it as it is, false to go back and change it.
 */
export function confirmReceivedDate(question: ReceivedDateQuestion): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: 'Are you sure?',
      centered: true,
      // "Change the date" puts the focus in the date box (the caller does), not back on the button that asked.
      returnFocus: false,
      children: (
        <Stack gap="xs">
          <Text size="sm">The complaint was received on</Text>
          <Text fw={700} data-received-words>
            {question.words}
          </Text>
          <List size="sm">
            {question.doubts.map((d) => (
              <List.Item key={d.code}>{d.message}</List.Item>
            ))}
          </List>
        </Stack>
      ),
      labels: { confirm: 'Yes, that date', cancel: 'Change the date' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
