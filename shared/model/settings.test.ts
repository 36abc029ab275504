import { describe, expect, it } from 'vitest';
import { checkLogoDataUrl, checkLogoFile, LOGO_MAX_BYTES, settingsToForm, validateSettings } from './settings';

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
  it('in a team, keeps the prefix the team checked: the same one saves, another is refused on its field (p8b, G5)', () => {
    const inTeam = { procedureIds: ids, teamPrefix: 'ACM' };
    expect(validateSettings({ ...form, companyName: 'Acme Broadband plc' }, inTeam)).toMatchObject({
      ok: true,
      value: { deskPrefix: 'ACM', company: { name: 'Acme Broadband plc' } },
    });
    expect(validateSettings({ ...form, deskPrefix: 'LDS' }, inTeam)).toEqual({
      ok: false,
      errors: {
        deskPrefix:
          'This desk shares its cases with a team, whose desks each keep their own prefix: leave the team to change it',
      },
    });
    // Alone, the prefix can change.
    expect(validateSettings({ ...form, deskPrefix: 'LDS' }, { procedureIds: ids })).toMatchObject({
      ok: true,
      value: { deskPrefix: 'LDS' },
    });
  });
  it('round-trips through the form', () => {
    const r = validateSettings(form, ids);
    if (!r.ok) throw new Error('expected ok');
    expect(validateSettings(settingsToForm(r.value), ids)).toEqual(r);
  });
  it('names each bad field', () => {
    const r = validateSettings(
      { ...form, companyName: '', deskPrefix: 'R-1', calendar: 'mars', defaultProcedureId: 'nope' },
      ids,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['calendar', 'companyName', 'defaultProcedureId', 'deskPrefix']);
  });

  it('refuses an invisible control character in the letterhead, as the intake does: no letter could print it', () => {
    const r = validateSettings(
      {
        ...form,
        companyName: 'North\u202ewind Ltd',
        addressLines: '1 High\u200b Street\nLeeds',
        handlerName: 'Ro\u202ege',
      },
      ids,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.companyName).toMatch(
      /Company name contains an invisible control character \(U\+202E .*\) after “North”/,
    );
    expect(r.errors.addressLines).toMatch(/U\+200B/);
    expect(r.errors.handlerName).toMatch(/U\+202E/);
  });
});

// A 1×1 PNG and the start of a JPEG, as the browser's FileReader would give them.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA==';
const schemes = ['communications-ombudsman', 'cisas', 'ccts'];

describe('the letterhead logo', () => {
  it('is stored when it is a small PNG or JPEG, and left out when there is none', () => {
    for (const logo of [PNG, JPEG]) {
      const r = validateSettings({ ...form, logoDataUrl: logo }, { procedureIds: ids });
      expect(r.ok && r.value.logoDataUrl).toBe(logo);
    }
    const none = validateSettings(form, ids);
    expect(none.ok && 'logoDataUrl' in none.value).toBe(false);
  });
  it('refuses other formats, damaged data and a PNG that is not one', () => {
    expect(checkLogoDataUrl('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toMatch(/PNG or JPEG/);
    expect(checkLogoDataUrl('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toMatch(/PNG or JPEG/);
    expect(checkLogoDataUrl('data:image/png;base64,iVBORw0KGgoAAA')).toMatch(/damaged/);
    expect(checkLogoDataUrl('data:image/png;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA==')).toMatch(/not really a PNG/);
    const r = validateSettings({ ...form, logoDataUrl: 'javascript:alert(1)' }, ids);
    expect(r.ok === false && r.errors.logoDataUrl).toMatch(/PNG or JPEG/);
  });
  it('refuses a logo over the size limit, saying how big it is', () => {
    const big = `data:image/png;base64,iVBORw0KGgo${'A'.repeat(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 9)}`;
    const fixed = big.slice(0, big.length - ((big.length - 'data:image/png;base64,'.length) % 4));
    expect(checkLogoDataUrl(fixed)).toMatch(/at most 256 KB/);
  });
  it('checks a chosen file before reading it', () => {
    expect(checkLogoFile({ name: 'logo.png', type: 'image/png', size: 20_000 })).toBeNull();
    expect(checkLogoFile({ name: 'logo.gif', type: 'image/gif', size: 20_000 })).toBe(
      '“logo.gif” is not a PNG or JPEG image. Choose the logo as a .png or .jpg file.',
    );
    expect(checkLogoFile({ name: 'scan.jpg', type: 'image/jpeg', size: 3 * 1024 * 1024 })).toMatch(
      /“scan.jpg” is 3.0 MB; the logo can be at most 256 KB/,
    );
    expect(checkLogoFile({ name: 'empty.png', type: 'image/png', size: 0 })).toMatch(/empty/);
  });
});

describe('the ADR scheme', () => {
  it('defaults to the scheme of each case’s procedure', () => {
    const r = validateSettings(form, { procedureIds: ids, adrSchemeIds: schemes });
    expect(r.ok && r.value.adrSchemeId).toBeUndefined();
  });
  it('is stored when chosen from the directory and round-trips through the form', () => {
    const r = validateSettings({ ...form, adrSchemeId: 'cisas' }, { procedureIds: ids, adrSchemeIds: schemes });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.adrSchemeId).toBe('cisas');
    expect(settingsToForm(r.value).adrSchemeId).toBe('cisas');
  });
  it('refuses a scheme that is not in the directory', () => {
    const r = validateSettings({ ...form, adrSchemeId: 'made-up' }, { procedureIds: ids, adrSchemeIds: schemes });
    expect(r.ok === false && r.errors.adrSchemeId).toBe('Choose an ADR scheme from the list');
  });
});
