import { describe, expect, it } from 'vitest';
import type { Clock } from '#shared/rules/types';
import { JIVE_CA, KIJOMA, OFCOM_BASELINE } from '#shared/rules/procedures';
import { acknowledgementLetter, nextStepsFromEvaluation, procedureWordingFor } from './acknowledgement';
import type { LetterContent, LetterDocument } from './document';
import {
  contentText,
  documentText,
  sampleAcknowledgement,
  sampleCanadianCase,
  sampleCanadianSettings,
  sampleCase,
  sampleSettings,
} from './fixtures';
import { LARGE_PRINT, PAGE, STANDARD_PRINT, mm } from './layout';

const representative = {
  name: 'Daniel Okafor',
  relationship: 'son',
  address: { lines: ['Flat 3', '9 Harbour Way', 'Dover'], postcode: 'CT16 1AA' },
};

function footerText(doc: LetterDocument, page: number, pages: number): string {
  return contentText(doc.footer?.(page, pages));
}

/** The absolutely placed element that holds the given line. */
function placedBlockContaining(doc: LetterDocument, line: string) {
  return doc.content.find(
    (node): node is Exclude<LetterContent, string> =>
      typeof node !== 'string' && node.absolutePosition !== undefined && contentText(node).split('\n').includes(line),
  );
}

describe('acknowledgementLetter', () => {
  it('carries the reference, the date received and the channel in words', () => {
    const text = documentText(acknowledgementLetter(sampleAcknowledgement()));
    expect(text).toContain('RDR-2026-000042');
    expect(text).toContain('We received your complaint by letter on 18\u00a0November\u00a02026.');
    expect(text).toContain('Your complaint reference is RDR-2026-000042.');
  });

  it('is dated the day it is issued, in words', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement({ issuedOn: '2026-11-21' }));
    const info = placedBlockContaining(doc, 'Date');
    expect(contentText(info)).toContain('21\u00a0November\u00a02026');
    expect(contentText(info)).toContain('KB-88120475');
  });

  it('says what happens next and by when, how to escalate, when ADR opens, and other formats', () => {
    const text = documentText(acknowledgementLetter(sampleAcknowledgement()));
    expect(text).toContain('We will reply to you by Wednesday\u00a025\u00a0November\u00a02026.');
    expect(text).toContain('We will deal with it under our complaints code of practice.');
    expect(text).toContain('You can ask for a manager to review the complaint at any time.');
    expect(text).toContain(
      'If the complaint is not resolved by 30\u00a0December\u00a02026, you can ask the Communications Ombudsman',
    );
    expect(text).toContain('free for you to use');
    expect(text).toContain('commsombudsman.org');
    expect(text).toContain('0330 440 1614');
    for (const format of ['large print', 'Braille', 'audio', 'text relay']) expect(text).toContain(format);
    expect(text).toContain('Yours sincerely\nPriya Shah\nComplaints team, Kijoma Broadband');
  });

  it('gives the relay service of the provider’s country, whatever the letter’s language', () => {
    const relayOf = (text: string) =>
      [text.includes('18001') && '18001', text.includes('711') && '711'].filter(Boolean);
    // A UK provider's letter in the customer's own French, and a Canadian provider's in British English.
    const ukInFrench = documentText(acknowledgementLetter(sampleAcknowledgement({ language: 'fr-CA' })));
    expect(relayOf(ukInFrench)).toEqual(['18001']);
    expect(ukInFrench).toContain(
      'composez le 18001 avant notre numéro. Dites-nous simplement ce dont vous avez besoin.',
    );
    const canadian = { caseRecord: sampleCanadianCase(), settings: sampleCanadianSettings() };
    for (const language of ['en-GB', 'en-CA', 'fr-CA'] as const) {
      const text = documentText(acknowledgementLetter(sampleAcknowledgement({ ...canadian, language })));
      expect(relayOf(text), language).toEqual(['711']);
    }
    expect(relayOf(documentText(acknowledgementLetter(sampleAcknowledgement())))).toEqual(['18001']);
    // One paragraph still, under the id the desk edits it by.
    const edited = acknowledgementLetter(
      sampleAcknowledgement({ edits: { 'ack.formats.offer': 'Ask us for Braille.' } }),
    );
    expect(documentText(edited)).toContain('Ask us for Braille.');
    expect(relayOf(documentText(edited))).toEqual([]);
  });

  it('leaves the relay service out when the letterhead gives no phone number, in every language (explore39-letters #4)', () => {
    const withoutPhone = <T extends { company: { phone?: string } }>(s: T): T => {
      const { phone: _phone, ...company } = s.company;
      return { ...s, company };
    };
    const desks = [
      { settings: withoutPhone(sampleSettings()) },
      { caseRecord: sampleCanadianCase(), settings: withoutPhone(sampleCanadianSettings()) },
    ];
    for (const desk of desks)
      for (const language of ['en-GB', 'en-CA', 'fr-CA'] as const) {
        const text = documentText(acknowledgementLetter(sampleAcknowledgement({ ...desk, language })));
        for (const relay of ['18001', '711', 'relay', 'relais', 'our number', 'notre numéro'])
          expect(text, `${language}: ${relay}`).not.toContain(relay);
        // The other formats are still offered, and the letterhead's address is how to ask for them.
        expect(text, language).toMatch(/braille/i);
        expect(text, language).toContain(desk.settings.company.addressLines[0]!);
      }
    // A blank phone is no phone.
    const blank = { ...sampleSettings(), company: { ...sampleSettings().company, phone: '  ' } };
    expect(documentText(acknowledgementLetter(sampleAcknowledgement({ settings: blank })))).not.toContain('18001');
  });

  it('prints a Canadian postal code on the municipality’s line (Canada Post), a UK postcode on its own', () => {
    const canadian = { caseRecord: sampleCanadianCase(), settings: sampleCanadianSettings() };
    const lines = documentText(acknowledgementLetter(sampleAcknowledgement({ ...canadian, language: 'fr-CA' }))).split(
      '\n',
    );
    expect(lines).toContain('Montréal QC  H3G 1P1');
    expect(lines).not.toContain('H3G 1P1');
    const uk = documentText(acknowledgementLetter(sampleAcknowledgement())).split('\n');
    const postcode = sampleAcknowledgement().caseRecord.customer.address!.postcode;
    expect(uk).toContain(postcode);
  });

  it('uses the desk’s own escalation words when given', () => {
    const doc = acknowledgementLetter(
      sampleAcknowledgement({
        nextSteps: { escalation: 'Ask for our Customer Resolution Team at any time.' },
      }),
    );
    const text = documentText(doc);
    expect(text).toContain('Ask for our Customer Resolution Team at any time.');
    expect(text).not.toContain('ask for a manager');
  });

  it('without dates, promises a reply soon and explains ADR without inventing a date', () => {
    const text = documentText(acknowledgementLetter(sampleAcknowledgement({ nextSteps: {} })));
    expect(text).toContain('We will reply to you as soon as we can');
    expect(text).toContain('we will write to tell you how to take it to an independent ombudsman scheme');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('never promises a reply by a date that has passed, and says ADR is open once its date has come', () => {
    const text = documentText(
      acknowledgementLetter(
        sampleAcknowledgement({
          issuedOn: '2027-01-05',
          nextSteps: {
            firstResponseDueOn: '2026-11-25',
            adrAvailableOn: '2026-12-30',
            adrScheme: { name: 'CISAS', website: 'cedr.com/consumer/cisas', phone: '020 7520 3814' },
          },
        }),
      ),
    );
    expect(text).not.toContain('25 November 2026');
    expect(text).toContain('You can already ask CISAS to look at the complaint.');
  });

  describe('addressee', () => {
    it('is the customer, in the envelope window, when nobody acts for them', () => {
      const doc = acknowledgementLetter(sampleAcknowledgement());
      const block = placedBlockContaining(doc, 'Margaret Okafor');
      expect(contentText(block).split('\n')).toEqual([
        'Margaret Okafor',
        '14 Albion Terrace',
        'Folkestone',
        'Kent',
        'CT20 1QB',
      ]);
      expect(block?.absolutePosition).toEqual({ x: PAGE.addressLeft, y: PAGE.addressTop });
      expect(documentText(doc)).toContain('Dear Margaret Okafor');
      expect(documentText(doc)).not.toContain('cc:');
    });

    it('is the representative, with a copy line for the customer, when someone acts for them', () => {
      const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: sampleCase({ representative }) }));
      const block = placedBlockContaining(doc, 'Daniel Okafor');
      expect(contentText(block).split('\n')).toEqual(['Daniel Okafor', 'Flat 3', '9 Harbour Way', 'Dover', 'CT16 1AA']);
      const text = documentText(doc);
      expect(text).toContain('Dear Daniel Okafor');
      expect(text).toContain('you are acting for Margaret Okafor');
      expect(text).toContain('We received the complaint by letter on 18\u00a0November\u00a02026.');
      expect(text).toContain('cc: Margaret Okafor (our customer)');
      expect(text).not.toContain('14 Albion Terrace');
    });

    it('sits where a DL window envelope shows it: about 20 mm from the left, 45-50 mm from the top', () => {
      expect(PAGE.addressLeft).toBeCloseTo(mm(20));
      expect(PAGE.addressTop).toBeGreaterThanOrEqual(mm(45));
      expect(PAGE.addressTop).toBeLessThanOrEqual(mm(52));
      // The body starts below the window, which ends about 85 mm from the top.
      expect(PAGE.bodyTopFirstPage).toBeGreaterThan(mm(85));
    });

    it('refuses a letter to a customer with no postal address', () => {
      const caseRecord = sampleCase({ customer: { name: 'Margaret Okafor', email: 'm@example.org' } });
      expect(() => acknowledgementLetter(sampleAcknowledgement({ caseRecord }))).toThrow(
        'The customer (Margaret Okafor) has no postal address: add one before issuing a letter.',
      );
    });

    it('refuses a letter to a representative with no postal address, even if the customer has one', () => {
      const caseRecord = sampleCase({ representative: { name: 'Daniel Okafor', relationship: 'son' } });
      expect(() => acknowledgementLetter(sampleAcknowledgement({ caseRecord }))).toThrow(
        'The representative (Daniel Okafor) has no postal address: add one before issuing a letter.',
      );
    });

    it('refuses an address without a postcode, and one too long for the window', () => {
      const noPostcode = sampleCase({ customer: { name: 'M O', address: { lines: ['1 High St'], postcode: ' ' } } });
      expect(() => acknowledgementLetter(sampleAcknowledgement({ caseRecord: noPostcode }))).toThrow(/no postcode/);
      const tooLong = sampleCase({
        customer: { name: 'M O', address: { lines: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], postcode: 'CT1 1AA' } },
      });
      expect(() => acknowledgementLetter(sampleAcknowledgement({ caseRecord: tooLong }))).toThrow(/envelope window/);
    });
  });

  it('puts the reference and "Page x of y" in the footer of every page', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement());
    expect(footerText(doc, 1, 3)).toBe('Our reference: RDR-2026-000042\nPage 1 of 3');
    expect(footerText(doc, 2, 3)).toBe('Our reference: RDR-2026-000042\nPage 2 of 3');
    expect(footerText(doc, 3, 3)).toBe('Our reference: RDR-2026-000042\nPage 3 of 3');
  });

  it('prints the letterhead: company name, address, phone and email', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement());
    const letterhead = contentText(placedBlockContaining(doc, 'Kijoma Broadband'));
    expect(letterhead).toContain('21 Ship Street, Folkestone, Kent, CT19 5BE');
    expect(letterhead).toContain('Phone 01798 888001');
    expect(letterhead).toContain('Email customercare@kijoma.co.uk');
  });

  it('names the document and its language for PDF readers', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement());
    expect(doc.info?.title).toBe('Acknowledgement of complaint RDR-2026-000042');
    expect(doc.language).toBe('en-GB');
    expect(doc.pageSize).toBe('A4');
  });

  it('sets the body in 16 pt for large print', () => {
    expect(acknowledgementLetter(sampleAcknowledgement()).defaultStyle?.fontSize).toBe(STANDARD_PRINT.body);
    const large = acknowledgementLetter(sampleAcknowledgement({ largePrint: true }));
    expect(large.defaultStyle?.fontSize).toBe(LARGE_PRINT.body);
    expect(LARGE_PRINT.body).toBeGreaterThanOrEqual(16);
  });

  it('is a pure function of its input', () => {
    const input = sampleAcknowledgement();
    const copy = structuredClone(input);
    const first = JSON.stringify(acknowledgementLetter(input));
    expect(JSON.stringify(acknowledgementLetter(input))).toBe(first);
    expect(input).toEqual(copy);
  });

  it('refuses malformed dates and a missing handler name', () => {
    expect(() => acknowledgementLetter(sampleAcknowledgement({ issuedOn: '21/11/2026' }))).toThrow(/YYYY-MM-DD/);
    const badDue = sampleAcknowledgement({ nextSteps: { firstResponseDueOn: '2026-02-30' } });
    expect(() => acknowledgementLetter(badDue)).toThrow(/not a real calendar date/);
    expect(() => acknowledgementLetter(sampleAcknowledgement({ handlerName: '  ' }))).toThrow(/name of the person/);
  });
});

describe('nextStepsFromEvaluation', () => {
  // Only the clocks' id, state and due date matter here; the rest of an Evaluation is the rules engine's business.
  const evaluation = (clocks: Array<Pick<Clock, 'id' | 'state' | 'dueOn'>>) => ({ clocks });

  it('takes the reply date from the first-response clock and the ADR date from the adr-letter clock', () => {
    const steps = nextStepsFromEvaluation(
      evaluation([
        { id: 'acknowledgement', dueOn: '2026-11-18', state: 'running' },
        { id: 'first-response', dueOn: '2026-11-25', state: 'running' },
        { id: 'adr-letter', dueOn: '2026-12-30', state: 'running' },
      ]),
      { procedureName: 'complaints code of practice' },
    );
    expect(steps).toEqual({
      procedureName: 'complaints code of practice',
      firstResponseDueOn: '2026-11-25',
      adrAvailableOn: '2026-12-30',
    });
  });

  it('with no first-response target, the reply date is the first stage’s response target (explore34a #4)', () => {
    const stageOnly = evaluation([
      { id: 'acknowledgement', dueOn: '2026-12-01', state: 'met' },
      { id: 'stage-response', dueOn: '2026-12-15', state: 'running' },
    ]);
    expect(nextStepsFromEvaluation(stageOnly).firstResponseDueOn).toBe('2026-12-15');
    // A first-response target, where there is one, comes first.
    const both = evaluation([
      { id: 'first-response', dueOn: '2026-12-08', state: 'running' },
      { id: 'stage-response', dueOn: '2026-12-15', state: 'running' },
    ]);
    expect(nextStepsFromEvaluation(both).firstResponseDueOn).toBe('2026-12-08');
  });

  it('an ADR letter already sent makes the scheme open from its day, never from a later due date', () => {
    const clocks = (closedOn: string | null) => [
      { id: 'adr-letter' as const, dueOn: '2026-12-22', state: 'met' as const, closedOn },
    ];
    // Sent early (a date received corrected later, or "record it anyway"): open since the letter.
    expect(nextStepsFromEvaluation({ clocks: clocks('2026-12-01') }).adrAvailableOn).toBe('2026-12-01');
    // Sent late: open since the due date all the same.
    expect(nextStepsFromEvaluation({ clocks: clocks('2027-01-04') }).adrAvailableOn).toBe('2026-12-22');
    // The acknowledgement issued after it says the customer may go now, as the ADR letter did.
    const letter = acknowledgementLetter(
      sampleAcknowledgement({
        issuedOn: '2026-12-06',
        nextSteps: {
          ...sampleAcknowledgement().nextSteps,
          ...nextStepsFromEvaluation({ clocks: clocks('2026-12-01') }),
        },
      }),
    );
    const text = documentText(letter);
    expect(text).toContain('You can already ask the Communications Ombudsman to look at the complaint.');
    expect(text).not.toContain('22 December 2026');
  });

  it('takes the ADR scheme from the evaluation unless the desk names one', () => {
    const adrScheme = {
      id: 'communications-ombudsman',
      name: 'Communications Ombudsman',
      website: 'commsombudsman.org',
      phone: '0330 440 1614',
      notes: ['Free for the customer.'],
    };
    // With its id and unverified fields, so the letter can tell the desk which printed facts to check.
    expect(
      nextStepsFromEvaluation({ clocks: [], adrScheme: { ...adrScheme, unverified: ['email'] } }).adrScheme,
    ).toEqual({
      id: 'communications-ombudsman',
      unverified: ['email'],
      name: 'Communications Ombudsman',
      website: 'commsombudsman.org',
      phone: '0330 440 1614',
    });
    const cisas = { name: 'CISAS', website: 'cedr.com/consumer/cisas', phone: '020 7520 3814' };
    expect(nextStepsFromEvaluation({ clocks: [], adrScheme }, { adrScheme: cisas }).adrScheme).toEqual(cisas);
    expect(nextStepsFromEvaluation({ clocks: [], adrScheme: null })).not.toHaveProperty('adrScheme');
  });

  it('gives no date for a clock that is missing or does not apply', () => {
    const steps = nextStepsFromEvaluation(
      evaluation([{ id: 'adr-letter', dueOn: '2026-12-30', state: 'not-applicable' }]),
    );
    expect(steps.firstResponseDueOn).toBeNull();
    expect(steps.adrAvailableOn).toBeNull();
  });
});

describe('the procedure’s own wording (issue #16)', () => {
  const withWording = (procedure: Parameters<typeof procedureWordingFor>[0], language: 'en-GB' | 'fr-CA' | 'en-CA') =>
    documentText(
      acknowledgementLetter(
        sampleAcknowledgement({
          language,
          nextSteps: { firstResponseDueOn: null, ...procedureWordingFor(procedure, language) },
        }),
      ),
    );

  it('says who the customer can escalate to in the procedure’s words, in the letter’s language', () => {
    expect(withWording(JIVE_CA, 'en-CA')).toContain('our senior manager, then to the head of our support team');
    expect(withWording(JIVE_CA, 'fr-CA')).toContain('notre cadre supérieur, puis au responsable de notre équipe');
    expect(withWording(KIJOMA, 'en-GB')).toContain('a manager at an appropriate level within the company');
    // A procedure without its own words: the plain default.
    expect(withWording(OFCOM_BASELINE, 'en-GB')).toContain('You can ask for a manager to review the complaint');
  });

  it('prints the time frame the desk promises where the procedure sets no reply target', () => {
    const promised = {
      ...JIVE_CA,
      wording: { ...JIVE_CA.wording, promisedTimeFrame: { en: 'We aim to finish looking into it within 10 days.' } },
    };
    const text = withWording(promised, 'en-CA');
    expect(text).toContain('We aim to finish looking into it within 10 days.');
    expect(text).not.toContain('as soon as we can');
    // No French words given: the French letter keeps its catalogue sentence rather than print English.
    expect(withWording(promised, 'fr-CA')).not.toContain('We aim to finish');
  });
});
