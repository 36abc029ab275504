import { describe, expect, it } from 'vitest';
import { getAdrScheme } from '#shared/rules/adr-schemes';
import { acknowledgementLetter } from './acknowledgement';
import { contactSectionFacts, schemeFactsToCheck } from './common';
import {
  documentText,
  sampleAcknowledgement,
  sampleCanadianCase,
  sampleCanadianSettings,
  sampleSummaryResolution,
  sampleUpdate,
} from './fixtures';
import { updateLetter } from './progress-letters';
import { summaryResolutionLetter } from './summary-resolution';

describe('the scheme facts a letter prints, verified or to check', () => {
  it('the contact section prints what REGULATION.md §1 requires even unverified; an extra only once verified', () => {
    expect(contactSectionFacts(getAdrScheme('cisas', '2026-12-01'))).toEqual([
      'website',
      'phone',
      'email',
      'postalAddress',
    ]);
    // Its email is unverified: not printed. Its textphone is verified: printed.
    expect(contactSectionFacts(getAdrScheme('communications-ombudsman', '2026-12-01'))).toEqual([
      'website',
      'phone',
      'textphone',
      'postalAddress',
    ]);
    expect(contactSectionFacts(getAdrScheme('ccts', '2026-12-01'))).toEqual(['website', 'phone']);
  });

  it('names only the printed facts that are unverified; none: nothing to check', () => {
    const fos = getAdrScheme('financial-ombudsman', '2026-12-01');
    expect(schemeFactsToCheck(fos, ['website', 'phone'])?.facts).toEqual(['website', 'phone']);
    expect(schemeFactsToCheck(getAdrScheme('cisas', '2026-12-01'), ['website', 'phone'])).toBeUndefined();
  });

  it('the summary resolution communication (Financial Ombudsman) carries its unverified facts', () => {
    expect(summaryResolutionLetter(sampleSummaryResolution()).toCheck).toEqual({
      schemeId: 'financial-ombudsman',
      schemeName: 'Financial Ombudsman Service',
      website: 'www.financial-ombudsman.org.uk',
      facts: ['website', 'phone', 'postalAddress'],
    });
  });

  it('the acknowledgement and the update name the website and phone they print', () => {
    const fos = getAdrScheme('financial-ombudsman', '2026-12-01');
    const ack = acknowledgementLetter(sampleAcknowledgement({ nextSteps: { adrScheme: fos } }));
    expect(ack.toCheck?.facts).toEqual(['website', 'phone']);
    expect(acknowledgementLetter(sampleAcknowledgement()).toCheck).toBeUndefined();
    // The update prints the contact line only when the scheme is offered now.
    const scheme = { schemeId: 'financial-ombudsman' };
    expect(updateLetter(sampleUpdate({ scheme, adrAvailableOn: '2026-12-01' })).toCheck?.facts).toEqual([
      'website',
      'phone',
    ]);
    expect(updateLetter(sampleUpdate({ scheme })).toCheck).toBeUndefined();
  });
});

describe('the update letter and the scheme', () => {
  it('with no day the scheme takes the complaint (the CCTS: no ADR-letter clock), says we will write, never "already"', () => {
    const scheme = { schemeId: 'ccts' };
    const letter = updateLetter(sampleUpdate({ scheme, adrAvailableOn: null }));
    const text = documentText(letter);
    expect(text).not.toMatch(/can already ask/);
    expect(text).toMatch(/If we cannot resolve the complaint, we will write to tell you how to take it to /);
    expect(letter.toCheck).toBeUndefined();
    // A day already come: now, with the contact line; a day to come: from then.
    expect(documentText(updateLetter(sampleUpdate({ adrAvailableOn: '2026-12-01' })))).toMatch(/can already ask/);
    expect(documentText(updateLetter(sampleUpdate()))).toMatch(
      /If the complaint is not resolved by 30\u00a0December\u00a02026/,
    );
  });
});

describe('the letterhead', () => {
  it('puts a Canadian postal code two spaces after the municipality, as an envelope does; a UK postcode after a comma', () => {
    const canadian = documentText(
      updateLetter(sampleUpdate({ caseRecord: sampleCanadianCase(), settings: sampleCanadianSettings() })),
    );
    expect(canadian).toContain('400 avenue Laurier Ouest, Montréal QC  H2V 2K7');
    expect(canadian).not.toContain('Montréal QC, H2V 2K7');
    expect(documentText(updateLetter(sampleUpdate()))).toMatch(/, [A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}/);
  });
});
