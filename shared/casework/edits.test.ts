// Two windows on one case, each with "Correct the complaint’s facts" open (explore27 finding 1): a correction saves
// only the fields the person changed, over what the other window saved meanwhile, and asks about a field both changed.
import { describe, expect, it } from 'vitest';
import { caseRecord, Desk } from '#test/support/case-desk';
import {
  CORRECTION_FORM_FIELDS,
  correctionFormValues,
  correctionPreview,
  defaultInput,
  editFieldValue,
  editToSave,
  followProvider,
  getAction,
  rebaseEdit,
  storedFormValues,
} from './index';

const TODAY = '2026-12-06';
const adrDue = (desk: Desk) => desk.evaluation().clocks.find((c) => c.id === 'adr-letter')?.dueOn;

/** A window opening the correction form: what it shows, and the stored fields it was opened on (its base). */
function openCorrection(desk: Desk) {
  const values = defaultInput('correct-facts', desk.context());
  return { values, base: storedFormValues('correct-facts', desk.record)! };
}

/** A window saving its form as performAction does: re-based on what the case holds now, then checked and recorded. */
function save(desk: Desk, form: ReturnType<typeof openCorrection>, changes: Record<string, string>) {
  const rebased = rebaseEdit('correct-facts', { ...form.values, ...changes }, form.base, desk.record);
  if (!rebased.ok) return rebased;
  const built = desk.build('correct-facts', rebased.input);
  return built.ok ? { ...rebased, event: desk.do('correct-facts', rebased.input) } : built;
}

describe('correcting the facts in two windows', () => {
  it('the form’s stored fields are every field of the correction form but the reason', () => {
    const fields = getAction('correct-facts').fields.map((f) => f.name);
    expect([...CORRECTION_FORM_FIELDS]).toEqual(fields.filter((f) => f !== 'reason'));
    expect(Object.keys(storedFormValues('correct-facts', caseRecord())!).sort()).toEqual(
      Object.keys(correctionFormValues(caseRecord()))
        .filter((f) => f !== 'reason')
        .sort(),
    );
  });

  it('a form opened before another window corrected the date received keeps that date, and records only its own change', () => {
    const desk = new Desk(caseRecord({ receivedOn: '2026-11-30' }), TODAY);
    expect(adrDue(desk)).toBe('2027-01-11');
    const two = openCorrection(desk);
    const one = openCorrection(desk);
    save(desk, one, { receivedOn: '2026-11-27', reason: 'Customer first rang on Friday 27th' });
    expect(adrDue(desk)).toBe('2027-01-08');

    // Window 2 still shows 30 Nov; its preview reads what the save would send: no due date moves.
    const stale = { ...two.values, summary: 'Charged twice, after 7pm', reason: 'Customer added the time' };
    const rebased = rebaseEdit('correct-facts', stale, two.base, desk.record);
    expect(rebased.ok && rebased.input.receivedOn).toBe('2026-11-27');
    expect(rebased.ok && correctionPreview(rebased.input, desk.context())?.dueDates).toEqual([]);

    const saved = save(desk, two, { summary: 'Charged twice, after 7pm', reason: 'Customer added the time' });
    expect(saved.ok).toBe(true);
    const event = 'event' in saved ? saved.event : null;
    expect(event?.data).toMatchObject({
      changed: ['summary'],
      before: { summary: 'Charged twice' },
      after: { summary: 'Charged twice, after 7pm' },
      reason: 'Customer added the time',
    });
    expect(event?.data?.before).not.toHaveProperty('receivedOn');
    expect(event?.summary).not.toMatch(/date received/);
    expect(desk.record).toMatchObject({ receivedOn: '2026-11-27', summary: 'Charged twice, after 7pm' });
    expect(adrDue(desk)).toBe('2027-01-08');
  });

  it('is checked on what it saves: a date received the other window left is not refused, one set here still is', () => {
    const desk = new Desk(caseRecord({ receivedOn: '2026-11-30' }), TODAY);
    const two = openCorrection(desk);
    save(desk, openCorrection(desk), { receivedOn: '2026-11-27', reason: 'Rang on the 27th' });
    desk.do('acknowledge', { on: '2026-11-28' });
    // The form still shows 30 Nov, after the acknowledgement: not this person's date, so not refused.
    expect(save(desk, two, { category: 'service', reason: 'About the service' }).ok).toBe(true);
    expect(desk.record).toMatchObject({ receivedOn: '2026-11-27', category: 'service' });
    const three = openCorrection(desk);
    const late = rebaseEdit(
      'correct-facts',
      { ...three.values, receivedOn: '2026-11-29', reason: 'x' },
      three.base,
      desk.record,
    );
    const built = late.ok ? desk.build('correct-facts', late.input) : null;
    expect(built && !built.ok && built.errors.receivedOn).toMatch(/^The date received cannot be after the first entry/);
  });

  it('a field both windows changed to different values is asked about; “use yours” and “keep theirs” then save', () => {
    const desk = new Desk(caseRecord({ category: 'pricing' }), TODAY);
    const two = openCorrection(desk);
    save(desk, openCorrection(desk), { category: 'billing', reason: 'It is about the bill' });
    const before = desk.events.length;

    const refused = save(desk, two, { category: 'sales', channel: 'web', reason: 'It came by web form' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && 'conflicts' in refused && refused.conflicts).toEqual([
      { field: 'category', label: 'Category', base: 'pricing', theirs: 'billing', mine: 'sales' },
    ]);
    expect(!refused.ok && 'conflicts' in refused && refused.message).toBe(
      'A change was saved while this form was open: category was Pricing when you opened this, now Billing. Keep theirs or use yours for it, then save.',
    );
    expect(desk.events).toHaveLength(before);

    // "Keep theirs": the field compared with what is stored now and holding it; the channel is still saved.
    const kept = save(
      desk,
      { values: { ...two.values, category: 'billing' }, base: { ...two.base, category: 'billing' } },
      { channel: 'web', reason: 'It came by web form' },
    );
    expect('event' in kept && kept.event.data).toMatchObject({ changed: ['channel'] });
    expect(desk.record).toMatchObject({ category: 'billing', channel: 'web' });
  });

  it('“use yours” saves the person’s value over the other window’s, recorded from what was stored', () => {
    const desk = new Desk(caseRecord({ category: 'pricing' }), TODAY);
    const two = openCorrection(desk);
    save(desk, openCorrection(desk), { category: 'billing', reason: 'It is about the bill' });
    const yours = save(
      desk,
      { ...two, base: { ...two.base, category: 'billing' } },
      { category: 'sales', reason: 'x' },
    );
    expect('event' in yours && yours.event.data).toMatchObject({
      changed: ['category'],
      before: { category: 'billing' },
      after: { category: 'sales' },
    });
  });

  it('with nothing changed by another window, a correction saves as it always did', () => {
    const desk = new Desk(caseRecord(), TODAY);
    const form = openCorrection(desk);
    const input = { ...form.values, receivedOn: '2026-11-10', channel: 'letter', reason: 'Postmarked 10 November' };
    const rebased = rebaseEdit('correct-facts', input, form.base, desk.record);
    expect(rebased).toEqual({ ok: true, input });
    const saved = save(desk, form, { receivedOn: '2026-11-10', channel: 'letter', reason: 'Postmarked 10 November' });
    expect('event' in saved && saved.event.data).toMatchObject({
      changed: ['receivedOn', 'channel'],
      before: { receivedOn: '2026-11-27', channel: 'email' },
      after: { receivedOn: '2026-11-10', channel: 'letter' },
    });
  });

  it('a representative is one person: removed in one window and changed in the other is asked about, not mixed', () => {
    const rep = { name: 'Ann Lee', relationship: 'Daughter', authority: { kind: 'written-consent', on: '2026-11-25' } };
    const desk = new Desk(caseRecord({ representative: rep as never }), TODAY);
    const two = openCorrection(desk);
    const three = openCorrection(desk);
    save(desk, openCorrection(desk), { repName: '', reason: 'Consent withdrawn' });
    expect(desk.record.representative).toBeUndefined();

    const changed = save(desk, two, { repRelationship: 'Son', reason: 'Wrong relationship' });
    expect(!changed.ok && 'conflicts' in changed && changed.conflicts.map((c) => [c.field, c.theirs, c.mine])).toEqual([
      ['repName', '', 'Ann Lee'],
      ['repRelationship', '', 'Son'],
      ['repAuthority', '', 'written-consent'],
      ['repAuthorityOn', '', '2026-11-25'],
    ]);
    // A form that left the representative alone keeps the removal.
    const other = save(desk, three, { summary: 'Charged twice in November', reason: 'More precise' });
    expect('event' in other && other.event.data).toMatchObject({ changed: ['summary'] });
    expect(desk.record.representative).toBeUndefined();
  });

  it('a provider moved in another window stays moved; a procedure chosen here for the old provider is asked about', () => {
    const providers = [
      { id: 'first', name: 'Kijoma UK', calendar: 'england-and-wales' as const, procedureId: 'kijoma' },
      { id: 'jive', name: 'Jive Canada', calendar: 'canada' as const, procedureId: 'jive-ca' },
    ];
    const desk = new Desk(caseRecord(), TODAY, providers);
    const two = openCorrection(desk);
    const three = openCorrection(desk);
    const one = openCorrection(desk);
    save(desk, { ...one, values: followProvider(one.values, 'jive', desk.context()) }, { reason: 'Canadian customer' });
    expect(desk.record).toMatchObject({ providerId: 'jive', procedureId: 'jive-ca', calendar: 'canada' });

    const summary = save(desk, two, { summary: 'Charged twice in November', reason: 'More precise' });
    expect('event' in summary && summary.event.data).toMatchObject({ changed: ['summary'] });
    expect(desk.record).toMatchObject({ providerId: 'jive', procedureId: 'jive-ca', calendar: 'canada' });

    const procedure = save(desk, three, { procedureId: 'miso', reason: 'Wrong procedure' });
    expect(!procedure.ok && 'conflicts' in procedure && procedure.conflicts.map((c) => c.field)).toEqual([
      'providerId',
      'procedureId',
    ]);
  });

  it('names the providers in a conflict message as the form does, not by their ids', () => {
    const providers = [
      { id: 'first', name: 'Kijoma UK', calendar: 'england-and-wales' as const, procedureId: 'kijoma' },
      { id: 'c0ffee-42', name: 'Jive Canada', calendar: 'canada' as const, procedureId: 'jive-ca' },
      { id: 'b0b-7', name: 'Miso Mobile', calendar: 'england-and-wales' as const, procedureId: 'miso' },
    ];
    const desk = new Desk(caseRecord({ providerId: 'first' }), TODAY, providers);
    const two = openCorrection(desk);
    const one = openCorrection(desk);
    save(
      desk,
      { ...one, values: followProvider(one.values, 'c0ffee-42', desk.context()) },
      { reason: 'Canadian customer' },
    );
    // The other window moves it to a third provider: asked about, named as the provider list names them.
    const mine = followProvider(two.values, 'b0b-7', desk.context());
    const refused = rebaseEdit(
      'correct-facts',
      { ...mine, reason: 'Mobile customer' },
      two.base,
      desk.record,
      desk.providers,
    );
    expect(!refused.ok && refused.conflicts.map((c) => c.field)).toEqual(['providerId', 'procedureId']);
    const message = !refused.ok ? refused.message : '';
    expect(message).toContain('provider was Kijoma UK when you opened this, now Jive Canada');
    expect(message).not.toMatch(/c0ffee|b0b-7|\bfirst\b/);
    // The procedure by its name too (kijoma and jive-ca are built-in procedures' ids).
    expect(message).not.toMatch(/\b(kijoma|jive-ca)\b/);
    // With no providers given (a caller that has none), the id: nothing is guessed.
    expect(editFieldValue('correct-facts', 'providerId', 'c0ffee-42')).toBe('c0ffee-42');
    expect(editFieldValue('correct-facts', 'providerId', 'c0ffee-42', { record: desk.record })).toBe('c0ffee-42');
    expect(editFieldValue('correct-facts', 'providerId', 'c0ffee-42', { record: desk.record, providers })).toBe(
      'Jive Canada',
    );
  });

  it('the form’s preview reads what the save would send: the other window’s date, a field both changed as typed', () => {
    const desk = new Desk(caseRecord({ receivedOn: '2026-11-30', category: 'pricing' }), TODAY);
    const two = openCorrection(desk);
    save(desk, openCorrection(desk), { receivedOn: '2026-11-27', category: 'billing', reason: 'Rang on the 27th' });
    const typed = { ...two.values, category: 'sales', summary: 'Charged twice, after 7pm' };
    expect(correctionPreview(typed, desk.context())?.dueDates.map((d) => d.to)).toContain('2027-01-11');
    const saved = editToSave('correct-facts', typed, two.base, desk.record);
    expect(saved).toMatchObject({ receivedOn: '2026-11-27', category: 'sales', summary: 'Charged twice, after 7pm' });
    expect(correctionPreview(saved, desk.context())?.dueDates).toEqual([]);
    // Not an edit of stored fields: the values as they are.
    expect(editToSave('add-note', { summary: 'x' }, undefined, desk.record)).toEqual({ summary: 'x' });
  });

  it('names a date in a conflict message in words', () => {
    expect(editFieldValue('correct-facts', 'receivedOn', '2026-11-27')).toBe('27 November 2026');
    expect(editFieldValue('correct-facts', 'repAuthorityOn', '')).toBe('(empty)');
  });
});
