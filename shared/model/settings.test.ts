import { describe, expect, it } from 'vitest';
import { settingsToForm, validateSettings } from './settings';

const ids = ['ofcom', 'kinex'];
const form = {
  ...settingsToForm(null),
  companyName: 'Acme Broadband Ltd',
  addressLines: '1 High Street\n\nLeeds',
  postcode: 'ls1 1aa',
  deskPrefix: 'acm',
  handlerName: 'Sam Patel',
};

describe('validateSettings', () => {
  it('accepts and tidies a complete form', () => {
    const r = validateSettings(form, ids);
    expect(r).toEqual({
      ok: true,
      value: {
        deskPrefix: 'ACM',
        calendar: 'england-and-wales',
        defaultProcedureId: 'ofcom',
        handlerName: 'Sam Patel',
        company: { name: 'Acme Broadband Ltd', addressLines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' },
      },
    });
  });
  it('round-trips through the form', () => {
    const r = validateSettings(form, ids);
    if (!r.ok) throw new Error('expected ok');
    expect(validateSettings(settingsToForm(r.value), ids)).toEqual(r);
  });
  it('names each bad field', () => {
    const r = validateSettings({ ...form, companyName: '', deskPrefix: 'R-1', calendar: 'mars', defaultProcedureId: 'nope' }, ids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['calendar', 'companyName', 'defaultProcedureId', 'deskPrefix']);
  });
});
