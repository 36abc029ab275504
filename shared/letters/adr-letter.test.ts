import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '#shared/rules/dates';
import { evaluateCase } from '#shared/rules/evaluate';
import { caseFacts } from '#shared/rules/facts';
import { type Procedure, withProcedures } from '#shared/rules/procedure';
import { DEFAULT_PROCEDURES, KIJOMA } from '#shared/rules/procedures';
import type { CaseFacts } from '#shared/rules/types';
import { adrLetter } from './adr-letter';
import { adrTermsFromEvaluation } from './common';
import { documentText, sampleAdrLetter, sampleCase } from './fixtures';
import { LetterRefusalError } from './refusals';

describe('the time-based ADR letter', () => {
  // Received 2026-11-18 under Ofcom GC C4 from 2026-04-08: 6 weeks (42 calendar days) is 2026-12-30.
  const refusal = (issuedOn: string, kind: 'time-based' | 'final-position' = 'time-based') => {
    try {
      adrLetter(
        sampleAdrLetter('2026-11-18', {
          issuedOn,
          reason:
            kind === 'time-based'
              ? { kind, progress: 'We are waiting for the engineer.' }
              : { kind, finalPosition: 'We will not refund the charge.' },
        }),
      );
      return null;
    } catch (e) {
      if (e instanceof LetterRefusalError) return e.said;
      throw e;
    }
  };

  it('is refused before the wait is over: it would tell the customer the weeks had passed', () => {
    expect(refusal('2026-11-19')).toEqual({
      code: 'adr-time-too-early',
      values: { availableOn: { date: '2026-12-30' }, weeks: 6, receivedOn: { date: '2026-11-18' } },
    });
    expect(refusal('2026-12-29')?.code).toBe('adr-time-too-early');
  });

  it('is made from the day the weeks are over', () => {
    expect(refusal('2026-12-30')).toBeNull();
    expect(refusal('2027-02-01')).toBeNull();
  });

  it('the letter with our final position can be made at once (deadlock)', () => {
    expect(refusal('2026-11-19', 'final-position')).toBeNull();
  });
});

describe('the time-based ADR letter is refused exactly until the day the case page gives the ADR letter', () => {
  /** The engine's ADR letter date for the case and the letter's refusal on a day, with the terms from the evaluation. */
  function onEngineTerms(facts: Partial<CaseFacts> & { receivedOn: string }, options = {}) {
    const caseRecord = sampleCase({ receivedOn: facts.receivedOn });
    const evaluation = evaluateCase({ ...caseFacts(caseRecord, []), ...facts }, facts.receivedOn, options);
    const dueOn = evaluation.clocks.find((c) => c.id === 'adr-letter')?.dueOn;
    if (!dueOn) throw new Error('no ADR letter date');
    const refusal = (issuedOn: string) => {
      try {
        adrLetter(
          sampleAdrLetter(facts.receivedOn, {
            caseRecord,
            issuedOn,
            terms: adrTermsFromEvaluation(evaluation, facts.receivedOn),
          }),
        );
        return null;
      } catch (e) {
        if (e instanceof LetterRefusalError) return e.said;
        throw e;
      }
    };
    return { dueOn, refusal };
  }

  it.each([
    ['2026-04-07', 8, '2026-06-02'],
    ['2026-04-08', 6, '2026-05-20'],
  ])('Ofcom GC C4, received %s: %i weeks, first day %s', (receivedOn, weeks, firstDay) => {
    const { dueOn, refusal } = onEngineTerms({ procedureId: 'miso', receivedOn });
    expect(dueOn).toBe(firstDay);
    expect(refusal(addCalendarDays(dueOn, -1))).toEqual({
      code: 'adr-time-too-early',
      values: { availableOn: { date: dueOn }, weeks, receivedOn: { date: receivedOn } },
    });
    expect(refusal(dueOn)).toBeNull();
  });

  it('FCA DISP payment services: from the 15th business day, not 8 weeks (the letter counted 8 weeks before)', () => {
    const p: Procedure = { ...KIJOMA, id: 'test-fca', regimeId: 'fca-disp', adrSchemeId: 'financial-ombudsman' };
    const procedures = withProcedures(DEFAULT_PROCEDURES, [p]);
    // 15 business days after Fri 18 Dec 2026 (England & Wales), skipping 25 and 28 Dec and 1 Jan: Wed 2027-01-13.
    const { dueOn, refusal } = onEngineTerms(
      { procedureId: p.id, receivedOn: '2026-12-18', paymentServices: true },
      { procedures },
    );
    expect(dueOn).toBe('2027-01-13');
    expect(refusal('2027-01-12')?.code).toBe('adr-time-too-early');
    expect(refusal('2027-01-13')).toBeNull();
  });
});

describe('the scheme facts an ADR letter prints, and those the desk is told to check (F4)', () => {
  const cisas = () =>
    adrLetter(
      sampleAdrLetter('2026-04-08', {
        scheme: { schemeId: 'cisas' },
        reason: { kind: 'final-position', finalPosition: 'We will not waive the early termination charge.' },
      }),
    );

  it('CISAS: the verified email is printed, and the postal address (required by REGULATION.md §1) is kept', () => {
    const text = documentText(cisas());
    expect(text).toContain('Email: cisas@cedr.com');
    expect(text).toContain("Post: CISAS, CEDR, 100 St Paul's Churchyard, London, EC4M 8BU");
  });

  it('CISAS: the letter says its postal address is unverified, and where to check it', () => {
    expect(cisas().toCheck).toEqual({
      schemeId: 'cisas',
      schemeName: 'CISAS (Communications and Internet Services Adjudication Scheme)',
      website: 'www.cedr.com/consumer/cisas',
      facts: ['postalAddress'],
    });
  });

  it('French: the email is « Courriel »', () => {
    const doc = adrLetter(
      sampleAdrLetter('2026-04-08', {
        language: 'fr-CA',
        scheme: { schemeId: 'cisas' },
        reason: { kind: 'final-position', finalPosition: 'Nous ne renoncerons pas aux frais.' },
      }),
    );
    expect(documentText(doc)).toContain('Courriel\u00a0: cisas@cedr.com');
  });

  it('Communications Ombudsman: its unverified email is not printed, and nothing it prints is unverified', () => {
    const doc = adrLetter(sampleAdrLetter());
    const text = documentText(doc);
    expect(text).not.toContain('enquiry@commsombudsman.org');
    expect(text).toContain('Post: PO Box 730, Warrington, WA4 6WU');
    expect(doc.toCheck).toBeUndefined();
  });
});
