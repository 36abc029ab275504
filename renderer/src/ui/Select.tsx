// Every select of the app: Mantine's, with a native select's type-ahead (explore34-keyboard, "Selects do not react to
// typing"): typing the first letters of an option chooses it, so a keyboard user need not arrow through every option
// ("Pho" chooses Phone). With the list shut the choice is made at once, as a native select's; with it open, the
// option is chosen and the list shuts, as a click on it would (Mantine's highlight cannot be moved from outside, and
// Enter would choose the highlighted option instead). A space still opens the list. A searchable select filters as it
// is typed instead, and keeps Mantine's behaviour. The lint forbids Mantine's own Select elsewhere.
import { getParsedComboboxData, Select as MantineSelect, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { typeAheadIndex, TypedPrefix } from '#lib/type-ahead';

export interface TypeAheadSelectProps extends SelectProps {
  /**
   * For a select whose choice replaces the rest of the form (the letter dialog's letter, which starts with the focus):
   * typed letters only open the list, where the arrows and Enter choose, so words typed by mistake before the text
   * box is reached never switch the letter and lose the draft (explore36-handler #1).
   */
  typingOpensOnly?: boolean;
}

export type { SelectProps };

export function Select({ typingOpensOnly = false, ...props }: TypeAheadSelectProps) {
  const { data, value, defaultValue, onChange, onKeyDown, searchable, readOnly, disabled } = props;
  const { onDropdownOpen, onDropdownClose } = props;
  // The list's state is held here too, so that a letter typed while it is open can shut it.
  const [opened, setOpened] = useState(false);
  // An uncontrolled select is held here, so the letters typed can choose its value as a click does.
  const [own, setOwn] = useState<string | null>(defaultValue ?? null);
  const chosen = value === undefined ? own : value;
  const options = useMemo(
    () =>
      getParsedComboboxData(data)
        .flatMap((item) => ('group' in item ? item.items : [item]))
        .filter((item): item is ComboboxItem => !item.disabled),
    [data],
  );
  const typed = useRef(new TypedPrefix());

  const typeAhead = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || searchable || readOnly || disabled) return;
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    // A space opens and shuts the list (Mantine's), so it is never part of what is typed.
    if (event.key === ' ') return;
    if (typingOpensOnly) {
      event.preventDefault();
      if (!opened) {
        setOpened(true);
        onDropdownOpen?.();
      }
      return;
    }
    const now = event.timeStamp;
    const prefix = typed.current.add(event.key, now);
    const current = options.findIndex((o) => o.value === chosen);
    const found = typeAheadIndex(
      options.map((o) => o.label),
      prefix,
      current,
    );
    event.preventDefault();
    if (found < 0) return;
    if (opened) {
      setOpened(false);
      onDropdownClose?.();
    }
    if (found === current) return;
    const option = options[found]!;
    if (value === undefined) setOwn(option.value);
    onChange?.(option.value, option);
  };

  return (
    <MantineSelect
      {...props}
      {...(value === undefined && !searchable ? { value: own, defaultValue: undefined } : {})}
      onChange={(next, option) => {
        if (value === undefined) setOwn(next);
        onChange?.(next, option);
      }}
      onKeyDown={typeAhead}
      dropdownOpened={opened}
      onDropdownOpen={() => {
        setOpened(true);
        onDropdownOpen?.();
      }}
      onDropdownClose={() => {
        setOpened(false);
        onDropdownClose?.();
      }}
    />
  );
}
