// The letter languages (en-GB, en-CA, fr-CA) in the one catalogue: dates, scheme names, capitals, and the words each
// language must and must not use. Document definitions only (no PDF), so these run fast.
import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  acknowledgementLetter,
  adrLetter,
  nextStepsFromEvaluation,
  cctsNoticeLetter,
  dateInWords,
  dateWithWeekdayInWords,
  message,
  schemeFullNameIn,
  schemeNameIn,
  schemeNamesIn,
} from '#shared/letters/index';
import {
  documentText,
  sampleAdrLetter,
  sampleCanadianCase,
  sampleCanadianSettings,
  sampleCctsNotice,
} from '#shared/letters/fixtures';
import { getAdrScheme } from '#shared/rules/adr-schemes';

describe('letter languages', () => {
  it('writes dates as each reader expects', () => {
    expect(dateInWords('en-CA', '2026-11-18')).toBe('November\u00a018,\u00a02026');
    expect(dateWithWeekdayInWords('en-CA', '2026-11-25')).toBe('Wednesday,\u00a0November\u00a025,\u00a02026');
    expect(dateInWords('fr-CA', '2026-11-18')).toBe('18\u00a0novembre\u00a02026');
    expect(dateInWords('fr-CA', '2027-01-01')).toBe('1er\u00a0janvier\u00a02027');
    expect(dateWithWeekdayInWords('fr-CA', '2027-12-01')).toBe('mercredi\u00a01er\u00a0décembre\u00a02027');
    expect(dateInWords('fr-CA', '2027-01-11')).toBe('11\u00a0janvier\u00a02027');
    expect(dateWithWeekdayInWords('fr-CA', '2026-11-25')).toBe('mercredi\u00a025\u00a0novembre\u00a02026');
  });

  it('names a scheme with the article English needs, and the CCTS as the CPRST in French (names from the scheme directory)', () => {
    const comms = getAdrScheme('communications-ombudsman', '2026-11-18');
    const cisas = getAdrScheme('cisas', '2026-11-18');
    const ccts = getAdrScheme('ccts', '2026-11-18');
    expect(comms.name).toBe('Communications Ombudsman');
    expect(ccts.name).toBe('Commission for Complaints for Telecom-television Services (CCTS)');
    expect(schemeNameIn('en-GB', comms)).toBe('the Communications Ombudsman');
    expect(schemeNameIn('en-GB', cisas)).toBe(cisas.name);
    expect(schemeNameIn('en-CA', ccts)).toBe(`the ${ccts.name}`);
    expect(schemeNameIn('fr-CA', ccts)).toBe(
      'la Commission des plaintes relatives aux services de télécom-télévision (CPRST)',
    );
    // The full name once per letter, then the short one.
    expect(schemeNamesIn('fr-CA', ccts).short).toBe('la CPRST');
    expect(schemeNamesIn('en-CA', ccts).short).toBe('the CCTS');
    expect(schemeNamesIn('en-GB', cisas)).toEqual({ long: cisas.name, short: 'CISAS' });
    expect(schemeNamesIn('en-GB', comms)).toEqual({
      long: 'the Communications Ombudsman',
      short: 'the Communications Ombudsman',
    });
    expect(schemeFullNameIn('fr-CA', ccts)).toBe(
      'Commission des plaintes relatives aux services de télécom-télévision (CPRST)',
    );
    expect(schemeFullNameIn('en-CA', ccts)).toBe(ccts.name);
    // A scheme the directory gives no French name keeps its own.
    expect(schemeNameIn('fr-CA', comms)).toBe('Communications Ombudsman');
    // At the start of a sentence the article takes a capital.
    expect(message('en-GB', 'adr.about', { schemeName: 'the Communications Ombudsman' })).toBe(
      'The Communications Ombudsman is independent of us. It is free for you to use.',
    );
  });

  it('names the CCTS as the CPRST in a French acknowledgement, from the rules engine’s scheme details', () => {
    const ccts = getAdrScheme('ccts', '2026-12-02');
    const doc = acknowledgementLetter({
      caseRecord: sampleCanadianCase(),
      settings: sampleCanadianSettings(),
      issuedOn: '2026-12-02',
      handlerName: 'Luc Gagnon',
      language: 'fr-CA',
      nextSteps: nextStepsFromEvaluation({ clocks: [], adrScheme: ccts }),
    });
    const text = documentText(doc);
    expect(text).toContain('CPRST');
    expect(text).not.toContain('Commission for Complaints');
  });

  it('keeps UK-only words out of the Canadian packs, and English out of the French one', () => {
    // Every pack says both countries' relay services: a letter picks its provider's (acknowledgement.test.ts).
    const words = (language: keyof typeof LANGUAGES) =>
      Object.entries(LANGUAGES[language].messages)
        .filter(([key]) => key !== 'ack.formats.relay.UK')
        .map(([, text]) => text)
        .join('\n');
    const enCA = words('en-CA');
    const frCA = words('fr-CA');
    for (const word of ['18001', 'text relay', 'Ombudsman']) {
      expect(enCA, word).not.toContain(word);
      expect(frCA, word).not.toContain(word);
    }
    for (const word of [' the ', ' and ', ' you ', 'complaint']) expect(frCA, word).not.toContain(word);
    for (const word of ['hereby', 'pursuant', 'deadlock', 'forthwith']) {
      expect(enCA.toLowerCase(), word).not.toContain(word);
    }
  });

  it('builds an ADR letter in every language with every placeholder filled', () => {
    for (const language of Object.keys(LANGUAGES) as Array<keyof typeof LANGUAGES>) {
      const text = documentText(adrLetter(sampleAdrLetter('2026-04-08', { language })));
      expect(text, language).not.toMatch(/\{[A-Za-z]+\}/);
      expect(text, language).toContain('6');
      expect(text, language).toContain('12');
      expect(text, language).toContain('commsombudsman.org');
    }
  });

  it('defaults a CCTS notice to Canadian English and refuses a letter without a handler', () => {
    const text = documentText(cctsNoticeLetter(sampleCctsNotice({ language: undefined })));
    // The full name at the first mention (the heading), the CCTS after that.
    expect(text).toContain(
      'You can take the complaint to the Commission for Complaints for Telecom-television Services (CCTS)',
    );
    expect(text.split('Commission for Complaints for Telecom-television Services')).toHaveLength(2);
    expect(text).toContain('The CCTS is independent');
    expect(() => cctsNoticeLetter(sampleCctsNotice({ handlerName: ' ' }))).toThrow(/handling the complaint/);
  });

  it('refuses an ADR letter without the final position or the progress', () => {
    expect(() =>
      adrLetter(sampleAdrLetter('2026-04-08', { reason: { kind: 'final-position', finalPosition: ' ' } })),
    ).toThrow(/final position/);
  });
});
