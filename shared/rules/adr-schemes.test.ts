import { describe, expect, it } from 'vitest';
import { settingsToForm, validateSettings } from '#shared/model/settings';
import {
  adrSchemeNameIn,
  createAdrDirectory,
  findAdrSchemeByName,
  getAdrScheme,
  listAdrSchemes,
  type AdrScheme,
} from './adr-schemes';

describe('ADR scheme directory (versioned)', () => {
  it('lists the Communications Ombudsman, CISAS, CCTS, the Financial Ombudsman and the Energy Ombudsman', () => {
    expect(listAdrSchemes('2026-06-01').map((s) => s.id)).toEqual([
      'communications-ombudsman',
      'cisas',
      'ccts',
      'financial-ombudsman',
      'energy-ombudsman',
    ]);
  });

  it("gives the Communications Ombudsman's current details (REGULATION.md §1)", () => {
    const s = getAdrScheme('communications-ombudsman', '2026-06-01');
    expect(s).toMatchObject({
      name: 'Communications Ombudsman',
      website: 'www.commsombudsman.org',
      phone: '0330 440 1614',
      textphone: '0330 440 1600',
      postalAddress: { lines: ['PO Box 730', 'Warrington'], postcode: 'WA4 6WU' },
      formerNames: ['Ombudsman Services: Communications'],
    });
    expect(s.notes.join(' ')).toMatch(/£10,000/);
  });

  it('the seeds\' old name maps to the current "Communications Ombudsman" for current dates', () => {
    expect(getAdrScheme('ombudsman-services-communications', '2026-06-01').name).toBe('Communications Ombudsman');
    expect(findAdrSchemeByName('Ombudsman Services: Communications', '2026-06-01')?.name).toBe(
      'Communications Ombudsman',
    );
    expect(findAdrSchemeByName('Ombudsman Services', '2026-06-01')?.id).toBe('communications-ombudsman');
    // …while a letter dated before the rename is reproduced with the name of its day.
    expect(getAdrScheme('communications-ombudsman', '2016-02-01').name).toBe('Ombudsman Services: Communications');
  });

  it('CISAS: website, phone, email and the decision time limits', () => {
    const s = getAdrScheme('cisas', '2026-06-01');
    expect(s).toMatchObject({
      website: 'www.cedr.com/consumer/cisas',
      phone: '020 7520 3814',
      email: 'cisas@cedr.com',
    });
    expect(s.notes.join(' ')).toMatch(/30 working days.*20 working days/);
    expect(findAdrSchemeByName('CISAS', '2026-06-01')?.id).toBe('cisas');
  });

  it('CCTS: website and phone', () => {
    expect(getAdrScheme('ccts', '2026-06-01')).toMatchObject({
      website: 'www.ccts-cprst.ca',
      phone: '1-888-221-1687',
      country: 'CA',
    });
  });

  it('names the CCTS in French as the CPRST, and schemes with no French name by their own', () => {
    const ccts = getAdrScheme('ccts', '2026-06-01');
    const french = {
      full: 'Commission des plaintes relatives aux services de télécom-télévision (CPRST)',
      inSentence: 'la CPRST',
    };
    expect(adrSchemeNameIn(ccts, 'fr-CA')).toEqual(french);
    expect(adrSchemeNameIn(ccts, 'fr')).toEqual(french);
    expect(adrSchemeNameIn(ccts, 'en-CA')).toBeUndefined();
    expect(adrSchemeNameIn(getAdrScheme('communications-ombudsman', '2026-06-01'), 'fr-CA')).toBeUndefined();
    // The names are a copy too.
    (ccts.names as Record<string, { full: string; inSentence: string }>).fr = { full: 'x', inSentence: 'x' };
    expect(adrSchemeNameIn(getAdrScheme('ccts', '2026-06-01'), 'fr-CA')).toEqual(french);
  });

  it('versions the names in other languages with the rest of the details, and prefers an exact language tag', () => {
    const scheme: AdrScheme = {
      id: 'test-scheme',
      country: 'CA',
      aliases: [],
      formerNames: [],
      alsoKnownAs: [],
      versions: [
        {
          name: 'Old Scheme',
          website: 'old.example',
          phone: '1',
          notes: [],
          names: { fr: { full: 'Ancien régime', inSentence: 'l’Ancien' } },
        },
        {
          effectiveFrom: '2026-01-01',
          name: 'New Scheme',
          website: 'new.example',
          phone: '2',
          notes: [],
          names: {
            fr: { full: 'Nouveau régime', inSentence: 'le Nouveau' },
            'fr-CA': { full: 'Nouveau régime (Canada)', inSentence: 'le NRC' },
          },
        },
      ],
    };
    const directory = createAdrDirectory([scheme]);
    expect(adrSchemeNameIn(getAdrScheme('test-scheme', '2025-06-01', directory), 'fr-CA')?.full).toBe('Ancien régime');
    expect(adrSchemeNameIn(getAdrScheme('test-scheme', '2026-06-01', directory), 'fr-CA')?.inSentence).toBe('le NRC');
    expect(adrSchemeNameIn(getAdrScheme('test-scheme', '2026-06-01', directory), 'fr-FR')?.inSentence).toBe(
      'le Nouveau',
    );
  });

  it('flags details not confirmed by REGULATION.md', () => {
    expect(getAdrScheme('financial-ombudsman', '2026-06-01').unverified).toContain('postalAddress');
    expect(getAdrScheme('communications-ombudsman', '2016-01-01').unverified).toEqual([]);
  });

  it('refuses an unknown scheme or date clearly', () => {
    expect(() => getAdrScheme('ombudsman', '2026-06-01')).toThrow(/Unknown ADR scheme "ombudsman"/);
    expect(() => getAdrScheme('cisas', '2026-02-30')).toThrow(/onDate: "2026-02-30" is not a real date/);
    expect(findAdrSchemeByName('Nobody', '2026-06-01')).toBeNull();
  });

  it('returns copies: changing a result does not change the directory', () => {
    const s = getAdrScheme('cisas', '2026-06-01');
    s.notes.push('changed');
    expect(getAdrScheme('cisas', '2026-06-01').notes).not.toContain('changed');
  });
});

describe('the desk settings and the real directory', () => {
  it('accepts the scheme ids of the real directory', () => {
    const all = listAdrSchemes('2026-11-21').map((s) => s.id);
    const form = {
      ...settingsToForm(null),
      companyName: 'Acme Broadband Ltd',
      addressLines: '1 High Street\n\nLeeds',
      postcode: 'ls1 1aa',
      deskPrefix: 'acm',
      handlerName: 'Sam Patel',
    };
    const r = validateSettings(
      { ...form, adrSchemeId: all[0] },
      { procedureIds: ['ofcom', 'kinex'], adrSchemeIds: all },
    );
    expect(r.ok).toBe(true);
  });
});
