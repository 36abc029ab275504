import { describe, expect, it } from 'vitest';
import {
  adrLetterAtOnceOnDeadlock,
  BUILT_IN_REGIMES,
  createRegimeRegistry,
  getRegime,
  listRegimes,
  regimeLetters,
  regimeCctsEvents,
  regimeVersionFor,
  validateRegime,
} from './regimes';

describe('regime registry', () => {
  it('holds Ofcom GC C4, CCTS, FCA DISP, GB energy and UK data-protection complaints', () => {
    expect(listRegimes().map((r) => r.id)).toEqual([
      'ofcom-gc-c4',
      'ccts',
      'fca-disp',
      'gb-energy',
      'uk-dpa-complaints',
    ]);
  });

  it('refuses an unknown regime clearly', () => {
    expect(() => getRegime('ofcom')).toThrow(/Unknown regime "ofcom"; known regimes: ofcom-gc-c4/);
  });
});

describe('versions are chosen by the day the complaint was first made (REGULATION.md §5.5)', () => {
  it('Ofcom GC C4: 8 weeks up to 2026-04-07, 6 weeks from 2026-04-08', () => {
    expect(regimeVersionFor('ofcom-gc-c4', '2026-04-07')?.adrLetter?.after).toEqual({ amount: 8, unit: 'weeks' });
    expect(regimeVersionFor('ofcom-gc-c4', '2026-04-08')?.adrLetter?.after).toEqual({ amount: 6, unit: 'weeks' });
    expect(regimeVersionFor('ofcom-gc-c4', '2026-04-08')?.label).toBe('Ofcom GC C4 from 2026-04-08');
    expect(regimeVersionFor('ofcom-gc-c4', '2026-04-07')?.label).toBe('Ofcom GC C4 before 2026-04-08');
  });

  it('Ofcom GC C4: ADR letter at once on deadlock; 12 months to refer; 10-employee scope; pricing excluded', () => {
    const v = regimeVersionFor('ofcom-gc-c4', '2026-06-01');
    expect(v?.adrLetter?.atOnceOnDeadlock).toBe(true);
    expect(v?.referralWindow?.after).toEqual({ amount: 12, unit: 'months' });
    expect(v?.scope?.maxEmployees).toBe(10);
    expect(v?.scope?.excludedCategories).toContain('pricing');
  });

  it('CCTS: 30 days to report back before May 2023, 20 days from it (objection 15 → 10)', () => {
    expect(regimeVersionFor('ccts', '2023-04-30')?.cctsResponse?.after).toEqual({ amount: 30, unit: 'days' });
    expect(regimeVersionFor('ccts', '2023-04-30')?.cctsObjection?.after).toEqual({ amount: 15, unit: 'days' });
    expect(regimeVersionFor('ccts', '2023-05-01')?.cctsResponse?.after).toEqual({ amount: 20, unit: 'days' });
    expect(regimeVersionFor('ccts', '2023-05-01')?.cctsObjection?.after).toEqual({ amount: 10, unit: 'days' });
    expect(regimeVersionFor('ccts', '2026-01-01')?.cctsNotice?.atEscalationLevel).toBe(2);
  });

  it('FCA DISP: 8 weeks; payment services 15 / 35 business days; summary resolution by the 3rd business day; 6 months', () => {
    const v = regimeVersionFor('fca-disp', '2026-01-01');
    expect(v?.adrLetter?.after).toEqual({ amount: 8, unit: 'weeks' });
    expect(v?.paymentServices).toEqual({
      after: { amount: 15, unit: 'working-days' },
      exceptionalAfter: { amount: 35, unit: 'working-days' },
    });
    expect(v?.summaryResolution?.within).toEqual({ amount: 3, unit: 'working-days' });
    expect(v?.referralWindow?.after).toEqual({ amount: 6, unit: 'months' });
  });

  it('GB energy: 8 weeks or deadlock, 12 months to refer', () => {
    const v = regimeVersionFor('gb-energy', '2026-01-01');
    expect(v?.adrLetter?.after).toEqual({ amount: 8, unit: 'weeks' });
    expect(v?.referralWindow?.after).toEqual({ amount: 12, unit: 'months' });
  });

  it('UK data-protection complaints: nothing before 2026-06-19; acknowledge within 30 days from it', () => {
    expect(regimeVersionFor('uk-dpa-complaints', '2026-06-18')).toBeNull();
    expect(regimeVersionFor('uk-dpa-complaints', '2026-06-19')?.acknowledgement?.within).toEqual({
      amount: 30,
      unit: 'days',
    });
  });

  it('refuses an impossible complaint date', () => {
    expect(() => regimeVersionFor('ofcom-gc-c4', '2026-04-31')).toThrow(/receivedOn: "2026-04-31" is not a real date/);
  });
});

describe('adding a regime version (data, not code)', () => {
  it('a new version with a later effective date takes over from that date only', () => {
    const ofcom = BUILT_IN_REGIMES[0];
    const updated = {
      ...ofcom,
      versions: [
        ...ofcom.versions,
        {
          ...ofcom.versions[1],
          effectiveFrom: '2028-01-01',
          label: 'Ofcom GC C4 from 2028-01-01',
          adrLetter: { ...ofcom.versions[1].adrLetter!, after: { amount: 4, unit: 'weeks' as const } },
        },
      ],
    };
    const registry = createRegimeRegistry([updated, ...BUILT_IN_REGIMES.slice(1)]);
    expect(regimeVersionFor('ofcom-gc-c4', '2027-12-31', registry)?.adrLetter?.after.amount).toBe(6);
    expect(regimeVersionFor('ofcom-gc-c4', '2028-01-01', registry)?.adrLetter?.after.amount).toBe(4);
  });

  it('validateRegime names the offending field', () => {
    const ofcom = BUILT_IN_REGIMES[0];
    expect(() => validateRegime({ ...ofcom, versions: [ofcom.versions[1], ofcom.versions[0]] })).toThrow(
      /versions\[1\]\.effectiveFrom: only the first version may leave out its effective date/,
    );
    expect(() =>
      validateRegime({
        ...ofcom,
        versions: [
          {
            ...ofcom.versions[0],
            adrLetter: { ...ofcom.versions[0].adrLetter, after: { amount: 8, unit: 'fortnights' } },
          },
        ],
      }),
    ).toThrow(/versions\[0\]\.adrLetter\.after\.unit/);
    expect(() =>
      validateRegime({ ...ofcom, versions: [{ ...ofcom.versions[1], effectiveFrom: '2026-02-30' }] }),
    ).toThrow(/versions\[0\]\.effectiveFrom: "2026-02-30" is not a real date/);
    expect(() => createRegimeRegistry([ofcom, ofcom])).toThrow(/Two regimes have the id "ofcom-gc-c4"/);
  });
});

describe('what a case’s letters may do comes from the regime version (REGULATION.md §1-§3)', () => {
  // Every built-in version, by the day a complaint was first made under it.
  const table = [
    ['ofcom-gc-c4', '2026-04-07', ['adr-letter'], false],
    ['ofcom-gc-c4', '2026-04-08', ['adr-letter'], false],
    ['ccts', '2023-04-30', ['ccts-notice'], false],
    ['ccts', '2023-05-01', ['ccts-notice'], false],
    ['fca-disp', '2026-01-01', ['adr-letter', 'summary-resolution'], true],
    ['gb-energy', '2026-01-01', ['adr-letter'], false],
    ['uk-dpa-complaints', '2026-06-19', [], false],
  ] as const;

  it.each(table)(
    '%s (complaint made %s): letters %j; the final response opens the referral: %s',
    (id, on, letters, opens) => {
      const version = regimeVersionFor(id, on);
      expect(version).not.toBeNull();
      expect(regimeLetters(version)).toEqual(letters);
      expect(version?.finalResponseOpensReferral ?? false).toBe(opens);
    },
  );

  it('covers every built-in version', () => {
    const versions = BUILT_IN_REGIMES.flatMap((r) => r.versions.map((v) => `${r.id} ${v.label}`));
    const covered = table.map(([id, on]) => `${id} ${regimeVersionFor(id, on)?.label}`);
    expect(new Set(covered)).toEqual(new Set(versions));
  });

  it('a final position makes the ADR letter due at once where the version has the letter (not under the CCTS)', () => {
    expect(adrLetterAtOnceOnDeadlock(regimeVersionFor('ofcom-gc-c4', '2026-04-08'))).toBe(true);
    expect(adrLetterAtOnceOnDeadlock(regimeVersionFor('fca-disp', '2026-01-01'))).toBe(true);
    expect(adrLetterAtOnceOnDeadlock(regimeVersionFor('gb-energy', '2026-01-01'))).toBe(true);
    expect(adrLetterAtOnceOnDeadlock(regimeVersionFor('ccts', '2026-01-01'))).toBe(false);
    expect(adrLetterAtOnceOnDeadlock(null)).toBe(false);
  });

  it('no version in force: no letters (UK data-protection complaints before 2026-06-19)', () => {
    expect(regimeLetters(regimeVersionFor('uk-dpa-complaints', '2026-06-18'))).toEqual([]);
  });

  it('follows the data: a version without the CCTS notice gives no notice; one whose final response opens the referral says so', () => {
    const [ofcom, ccts] = BUILT_IN_REGIMES;
    const { cctsNotice: _notice, ...withoutNotice } = ccts.versions[1];
    const registry = createRegimeRegistry([
      {
        ...ofcom,
        versions: [
          ...ofcom.versions,
          {
            ...ofcom.versions[1],
            effectiveFrom: '2028-01-01',
            label: 'Ofcom GC C4 from 2028-01-01',
            finalResponseOpensReferral: true,
          },
        ],
      },
      {
        ...ccts,
        versions: [...ccts.versions, { ...withoutNotice, effectiveFrom: '2028-01-01', label: 'CCTS from 2028-01-01' }],
      },
      ...BUILT_IN_REGIMES.slice(2),
    ]);
    expect(regimeLetters(regimeVersionFor('ccts', '2027-12-31', registry))).toEqual(['ccts-notice']);
    expect(regimeLetters(regimeVersionFor('ccts', '2028-01-01', registry))).toEqual([]);
    expect(regimeVersionFor('ofcom-gc-c4', '2027-12-31', registry)?.finalResponseOpensReferral).toBeUndefined();
    expect(regimeVersionFor('ofcom-gc-c4', '2028-01-01', registry)?.finalResponseOpensReferral).toBe(true);
    // An ADR letter states the customer's time limit: without a referral window there is none to send.
    const { referralWindow: _window, ...noWindow } = ofcom.versions[1];
    expect(regimeLetters(noWindow)).toEqual([]);
  });

  it('the CCTS events a desk can record come from the version: the referral and report with cctsResponse, the notice with cctsNotice', () => {
    expect(regimeCctsEvents(regimeVersionFor('ccts', '2023-04-30'))).toEqual([
      'ccts-referral',
      'ccts-report',
      'ccts-informed',
    ]);
    expect(regimeCctsEvents(regimeVersionFor('ccts', '2026-01-01'))).toEqual([
      'ccts-referral',
      'ccts-report',
      'ccts-informed',
    ]);
    for (const id of ['ofcom-gc-c4', 'fca-disp', 'gb-energy', 'uk-dpa-complaints'])
      expect(regimeCctsEvents(regimeVersionFor(id, '2026-07-01'))).toEqual([]);
    expect(regimeCctsEvents(null)).toEqual([]);
    const ccts = BUILT_IN_REGIMES.find((r) => r.id === 'ccts')!.versions[1];
    const { cctsNotice: _notice, ...noNotice } = ccts;
    expect(regimeCctsEvents(noNotice)).toEqual(['ccts-referral', 'ccts-report']);
    const { cctsResponse: _response, ...noResponse } = ccts;
    expect(regimeCctsEvents(noResponse)).toEqual(['ccts-informed']);
    // A UK version given a CCTS report-back has the CCTS's referral and report: the data decides, not the country.
    const ofcom = BUILT_IN_REGIMES[0].versions[1];
    expect(regimeCctsEvents({ ...ofcom, cctsResponse: ccts.cctsResponse })).toEqual(['ccts-referral', 'ccts-report']);
  });

  it('validateRegime keeps finalResponseOpensReferral and refuses a non-boolean', () => {
    const fca = BUILT_IN_REGIMES.find((r) => r.id === 'fca-disp')!;
    expect(validateRegime(fca).versions[0].finalResponseOpensReferral).toBe(true);
    expect(() =>
      validateRegime({ ...fca, versions: [{ ...fca.versions[0], finalResponseOpensReferral: 'yes' }] }),
    ).toThrow(/versions\[0\]\.finalResponseOpensReferral/);
  });
});
