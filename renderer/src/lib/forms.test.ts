import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  draftTime,
  readDraft,
  removeDraft,
  showableAgain,
  submitOnModEnter,
  typedFields,
  writeDraft,
  type ModEnterEvent,
} from './forms';

/** A form with a submit button, as far as submitOnModEnter looks at it. */
function fakeForm(button: { disabled?: boolean; loading?: boolean } | null = {}) {
  const submitter = button && {
    disabled: button.disabled ?? false,
    hasAttribute: (name: string) => name === 'data-loading' && !!button.loading,
  };
  return {
    submitted: [] as unknown[],
    querySelector: () => submitter,
    requestSubmit(by?: unknown) {
      this.submitted.push(by);
    },
  };
}

function key(init: Partial<ModEnterEvent>, form: ReturnType<typeof fakeForm> | null) {
  const event = {
    key: 'Enter',
    ctrlKey: false,
    metaKey: false,
    isComposing: false,
    defaultPrevented: false,
    target: { closest: (selector: string) => (selector === 'form' ? form : null) } as unknown as EventTarget,
    preventDefault: vi.fn(),
    ...init,
  };
  return { event, submitted: submitOnModEnter(event) };
}

describe('submitOnModEnter: Enter is a new line in a text box, Ctrl/Cmd+Enter saves', () => {
  it('submits the form of the focused field on Ctrl+Enter and on Cmd+Enter, through its submit button', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      const form = fakeForm();
      const { event, submitted } = key(mod, form);
      expect(submitted).toBe(true);
      expect(form.submitted).toHaveLength(1);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('leaves a plain Enter (and Shift+Enter) to the browser: a new line in a multi-line box', () => {
    for (const init of [{}, { shiftKey: true } as Partial<ModEnterEvent>]) {
      const form = fakeForm();
      const { event, submitted } = key(init, form);
      expect(submitted).toBe(false);
      expect(form.submitted).toHaveLength(0);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('does nothing outside a form, while composing text, or while the save button is disabled or busy', () => {
    expect(key({ ctrlKey: true }, null).submitted).toBe(false);
    expect(key({ ctrlKey: true, isComposing: true }, fakeForm()).submitted).toBe(false);
    expect(key({ ctrlKey: true, key: 'a' }, fakeForm()).submitted).toBe(false);
    const disabled = fakeForm({ disabled: true });
    expect(key({ ctrlKey: true }, disabled).submitted).toBe(false);
    expect(disabled.submitted).toHaveLength(0);
    expect(key({ ctrlKey: true }, fakeForm({ loading: true })).submitted).toBe(false);
    // A form without a submit button is still submitted.
    expect(key({ ctrlKey: true }, fakeForm(null)).submitted).toBe(true);
  });
});

describe('drafts', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps what was typed per key until it is removed', () => {
    writeDraft('action:c1:add-note', { summary: 'Rang about the bill' }, new Date('2026-12-02T10:42:00Z'));
    expect(readDraft('action:c1:add-note')).toEqual({
      values: { summary: 'Rang about the bill' },
      savedAt: '2026-12-02T10:42:00.000Z',
    });
    expect(readDraft('action:c2:add-note')).toBeNull();
    removeDraft('action:c1:add-note');
    expect(readDraft('action:c1:add-note')).toBeNull();
  });

  it('reads a damaged draft as none, and survives storage that refuses to write', () => {
    store.set('redress:draft:intake', '{not json');
    expect(readDraft('intake')).toBeNull();
    vi.stubGlobal('sessionStorage', {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    expect(() => writeDraft('intake', { summary: 'x' })).not.toThrow();
  });

  it('keeps only the fields the person typed, so a draft used later does not put back what another window corrected', () => {
    const opened = { receivedOn: '2026-11-26', summary: 'Charged twice.', reason: '', tags: ['billing'] };
    const typed = { ...opened, summary: 'Charged twice, after 7pm.', reason: 'Customer added the time' };
    const draft = typedFields(typed, opened);
    expect(draft).toEqual({ summary: 'Charged twice, after 7pm.', reason: 'Customer added the time' });
    // Meanwhile another window corrected the date received: the draft laid over the form opened now keeps it.
    const openedNow = { ...opened, receivedOn: '2026-11-23' };
    expect({ ...openedNow, ...typedFields({ ...openedNow, ...draft }, openedNow) }).toEqual({
      ...typed,
      receivedOn: '2026-11-23',
    });
    // A field typed back to what it was, a list compared by value, a field emptied: only the last is the person's.
    expect(typedFields({ ...opened, tags: ['billing'], summary: '' }, opened)).toEqual({ summary: '' });
    expect(typedFields(opened, opened)).toEqual({});
  });

  it('says when the draft was typed: the time today, the day and time before', () => {
    const now = new Date('2026-12-02T15:00:00Z');
    expect(draftTime('2026-12-02T10:42:00Z', now)).toBe('10:42');
    expect(draftTime('2026-12-01T10:42:00Z', now)).toBe('1 Dec, 10:42');
  });
});

describe('showableAgain', () => {
  it('leaves out a date box’s half-typed text (the box would come back empty), keeps everything else', () => {
    const initial = { on: '2026-12-06', note: '', other: '' };
    expect(showableAgain({ on: '2/12/26', note: 'Rang back.' }, initial)).toEqual({ note: 'Rang back.' });
    expect(showableAgain({ on: '2026-12-02', note: 'Rang back.' }, initial)).toEqual({
      on: '2026-12-02',
      note: 'Rang back.',
    });
    // Emptied on purpose: kept (the box shows it empty, as it was left).
    expect(showableAgain({ on: '' }, initial)).toEqual({ on: '' });
    // A text field that opened empty keeps any text.
    expect(showableAgain({ other: '2/12/26' }, initial)).toEqual({ other: '2/12/26' });
  });
});
