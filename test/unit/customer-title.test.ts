// The customer's title (issue #17): recorded at intake, optional, stored as a code; a case without one stays valid.
import { describe, expect, it } from 'vitest';
import { emptyIntakeForm, validateIntake, type IntakeForm } from '#shared/model/intake';
import { checkStoredRow } from '#shared/model/stored';
import { sampleCase } from '#shared/letters/fixtures';

const today = '2026-11-21';
const form: IntakeForm = {
  ...emptyIntakeForm(today),
  receivedOn: '2026-11-18',
  channel: 'letter',
  customerName: 'Amara Okafor',
  addressLines: '14 Albion Terrace\nFolkestone',
  postcode: 'CT20 1QB',
  category: 'billing',
  summary: 'Charged twice',
};

describe('the customer’s title', () => {
  it('is taken at intake when chosen, and left out when not', () => {
    const titled = validateIntake({ ...form, title: 'ms' }, today);
    expect(titled.ok && titled.value.customer).toMatchObject({ name: 'Amara Okafor', title: 'ms' });
    const untitled = validateIntake(form, today);
    expect(untitled.ok && 'title' in untitled.value.customer).toBe(false);
    // A cleared select arrives as null.
    const cleared = validateIntake({ ...form, title: null as unknown as string }, today);
    expect(cleared.ok && 'title' in cleared.value.customer).toBe(false);
  });

  it('refuses a title that is not on the list, saying which are', () => {
    const refused = validateIntake({ ...form, title: 'sir' }, today);
    expect(refused.ok ? null : refused.errors.title).toBe('Choose Mr, Mrs, Ms, Mx, Dr or none');
  });

  it('is stored as a code; a case without one is valid, an unknown one refused', () => {
    expect(checkStoredRow('cases', sampleCase()).refused).toEqual([]);
    const titled = sampleCase();
    titled.customer.title = 'dr';
    expect(checkStoredRow('cases', titled).refused).toEqual([]);
    const wrong = { ...titled, customer: { ...titled.customer, title: 'Dame' } };
    expect(checkStoredRow('cases', wrong).refused).toEqual([
      { path: ['customer', 'title'], message: expect.stringMatching(/must be one of mr, mrs, ms, mx, dr/) },
    ]);
  });
});
