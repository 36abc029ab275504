// Forms that help instead of trap (issue #15): the keys of a form, and the draft a closed form leaves behind.
import { formatDayMonth, formatLocale } from './format';
import { isIsoDate } from '#shared/model/dates';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What submitOnModEnter reads of a keydown event (a DOM KeyboardEvent has all of it). */
export interface ModEnterEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
  preventDefault(): void;
}

/**
 * Ctrl+Enter (Cmd+Enter on a Mac) submits the form the key was pressed in, from any of its fields, a multi-line box
 * included, as its submit button would (nothing happens while that button is disabled or busy). A plain Enter is left
 * to the browser: a new line in a multi-line box, the form's submit in a one-line box. True when it submitted.
 */
export function submitOnModEnter(event: ModEnterEvent): boolean {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing || event.defaultPrevented) {
    return false;
  }
  const target = event.target as { closest?: (selector: string) => Element | null } | null;
  const form = target?.closest?.('form') as HTMLFormElement | null | undefined;
  if (!form) return false;
  event.preventDefault();
  const submitter = form.querySelector<HTMLButtonElement>('button[type="submit"], input[type="submit"]');
  if (submitter && (submitter.disabled || submitter.hasAttribute('data-loading'))) return false;
  form.requestSubmit(submitter ?? undefined);
  return true;
}

/**
 * Installs submitOnModEnter for the whole window: one listener, so every form, in a dialog or not, behaves alike. It
 * listens before the page's own handlers (the capture phase), and a key it submits with goes no further: a select
 * box's Enter opened its list instead of saving (explore41-fr #3).
 */
export function useSubmitOnModEnter(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (submitOnModEnter(e)) e.stopPropagation();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts. What was typed in a form is kept in the window's session storage (never in the case, never on disk) while
// the form is open, so a form closed by mistake can be opened again with it. Saving removes the draft.

export interface FormDraft<T> {
  values: T;
  /** When it was last typed in (an ISO timestamp). */
  savedAt: string;
}

const DRAFT_PREFIX = 'redress:draft:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readDraft<T>(key: string): FormDraft<T> | null {
  try {
    const text = storage()?.getItem(DRAFT_PREFIX + key);
    if (!text) return null;
    const draft = JSON.parse(text) as FormDraft<T>;
    return draft && typeof draft === 'object' && draft.values && typeof draft.savedAt === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, values: T, now = new Date()): void {
  try {
    storage()?.setItem(DRAFT_PREFIX + key, JSON.stringify({ values, savedAt: now.toISOString() }));
  } catch {
    // Storage full or refused: the draft is a convenience, the form itself still holds what was typed.
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(DRAFT_PREFIX + key);
  } catch {
    // As above.
  }
}

/** "10:42" (today), or "1 Dec, 10:42" for an older draft. */
export function draftTime(savedAt: string, now = new Date()): string {
  const at = new Date(savedAt);
  const locale = formatLocale();
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return at.toDateString() === now.toDateString() ? time : `${formatDayMonth(at, locale)}, ${time}`;
}

function without<T extends object>(values: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const copy: Partial<T> = { ...values };
  for (const k of keys) delete copy[k];
  return copy;
}

/**
 * The fields of `values` that differ from what the form opened with (`initial`): what the person typed. A draft keeps
 * only these, so a draft used later is laid over what the form opens with then, and a field the person never touched
 * shows what is stored now, not what was stored when the draft was typed (another window may have corrected it
 * meanwhile: saving the draft would put the old value back, in this person's name).
 */
export function typedFields<T extends object>(values: Partial<T>, initial: T): Partial<T> {
  const typed: Partial<T> = {};
  for (const k of Object.keys(values) as (keyof T)[]) {
    if (JSON.stringify(values[k]) !== JSON.stringify(initial[k])) typed[k] = values[k];
  }
  return typed;
}

/**
 * What a draft keeps of `typed` (typedFields) that its form can show again: not a date box's half-typed text (a field
 * that opened holding a date and holds text that is not one): a date box shows only a date it was given, so that text
 * came back as an empty required box (explore32-team #4); left out, the box shows the date it opens with.
 */
export function showableAgain<T extends object>(typed: Partial<T>, initial: T): Partial<T> {
  const kept: Partial<T> = {};
  for (const k of Object.keys(typed) as (keyof T)[]) {
    const v: unknown = typed[k];
    if (isIsoDate(initial[k]) && typeof v === 'string' && v !== '' && !isIsoDate(v)) continue;
    kept[k] = typed[k];
  }
  return kept;
}

export interface DraftControl<T> {
  /** A draft left by an earlier opening of this form, not yet used or discarded. */
  offered: FormDraft<T> | null;
  /** Puts the offered draft's values into the form. */
  use: () => void;
  /** Forgets the offered draft. */
  discard: () => void;
  /** Forgets any draft: call once the form is saved. */
  clear: () => void;
}

/**
 * Keeps the fields of `values` that differ from `initial` as the draft of `key` (typedFields); offers an earlier draft
 * on opening, and puts it back over the values the form opened with now.
 * While the earlier draft is asked about it is left as it is (what is typed meanwhile is kept once it is answered).
 */
export function useFormDraft<T extends object>(
  key: string,
  values: T,
  initial: T,
  setValues: (values: T) => void,
  { leaveOut = [] }: { leaveOut?: ReadonlyArray<keyof T> } = {},
): DraftControl<T> {
  // Fields left out (special-category data) are never written to the draft; they come back empty. The list is read
  // once, as the form opens.
  const left = useRef(leaveOut);
  const opened = useRef(initial);
  // What the person typed: the fields that differ from the form's opening values, special-category data left out.
  const kept = useCallback(
    (v: Partial<T>): Partial<T> =>
      without<Partial<T>>(showableAgain(typedFields(v, opened.current), opened.current), left.current),
    [],
  );
  const [offered, setOffered] = useState<FormDraft<T> | null>(() => {
    const found = readDraft<T>(key);
    // A draft written before drafts kept only the typed fields holds every field: the same rule reads it.
    return found && Object.keys(kept(found.values)).length > 0 ? found : null;
  });
  const cleared = useRef(false);

  useEffect(() => {
    if (offered || cleared.current) return;
    const draft = kept(values);
    if (Object.keys(draft).length === 0) removeDraft(key);
    else writeDraft(key, draft);
  }, [key, values, offered, kept]);

  const use = useCallback(() => {
    if (offered) setValues({ ...initial, ...kept(offered.values) });
    setOffered(null);
  }, [offered, initial, setValues, kept]);
  const discard = useCallback(() => {
    removeDraft(key);
    setOffered(null);
  }, [key]);
  const clear = useCallback(() => {
    cleared.current = true;
    removeDraft(key);
    setOffered(null);
  }, [key]);
  return { offered, use, discard, clear };
}
