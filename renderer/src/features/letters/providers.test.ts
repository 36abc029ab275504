// Issue #16: a case's letters are written on its own provider's letterhead, in its provider's language and naming its
// provider's ADR scheme, whatever the desk's usual provider is now. Before, every letter read the desk's settings:
// the UK cases' letters came out with the Montréal letterhead once the desk was switched to Jive Canada.
import { describe, expect, it } from 'vitest';
import { sampleCase, sampleSettings } from '#shared/letters/fixtures';
import { withProviders, type Provider } from '#shared/model/provider';
import type { CaseRecord, DeskSettings, TimelineEvent } from '#shared/model/case';
import { Desk } from '#test/support/case-desk';
import { evaluateRecord } from '#lib/rules';
import { SAMPLE_LOGO_DATA_URL } from '#test/support/desk';
import {
  acknowledgementDocument,
  buildLetter,
  defaultInputs,
  defaultOptions,
  letterText,
  noTimeFrameIn,
  type LetterContext,
} from './build';
import { copyOfProcedure, installDeskProcedures, JIVE_CA, OFCOM_BASELINE } from '#shared/rules/index';

const jive: Provider = {
  id: 'jive',
  name: 'Jive Canada',
  company: {
    name: 'Jive Communications Canada',
    addressLines: ['1000 rue De La Gauchetière', 'Montréal QC'],
    postcode: 'H3B 4W5',
  },
  procedureId: 'jive-ca',
  calendar: 'canada',
  languages: ['fr-CA', 'en-CA'],
  defaultLanguage: 'fr-CA',
  region: 'CA',
};
/**
 * A desk whose usual provider is now Jive Canada, with Kijoma (made from the settings) as its first; its own
 * letterhead fields were then switched to Jive's, as the handler in the issue did.
 */
function desk(): DeskSettings {
  const s = withProviders({ ...sampleSettings(), defaultProcedureId: 'kijoma', adrSchemeId: 'cisas' });
  const { adrSchemeId: _kijomaScheme, ...rest } = s;
  return {
    ...rest,
    company: jive.company,
    calendar: 'canada',
    defaultProcedureId: 'jive-ca',
    providers: [...s.providers!, jive],
    defaultProviderId: 'jive',
  };
}
function context(record: CaseRecord, events: TimelineEvent[] = []): LetterContext {
  const today = '2026-11-20';
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation) throw new Error(evaluated.error);
  return { record, events, evaluation: evaluated.evaluation, settings: desk(), today, by: 'Priya Shah' };
}
/** The case escalated twice, to the second level, where a Canadian customer is told about the CCTS. */
function atSecondLevel(record: CaseRecord): LetterContext {
  const desk = new Desk(record, '2026-11-20');
  desk.do('escalate', { on: '2026-11-19', reason: 'Asked for a supervisor' });
  desk.do('escalate', { on: '2026-11-20', reason: 'Still unhappy' });
  return context(desk.record, desk.events);
}
const words = (doc: unknown) => JSON.stringify(doc);

describe("letters follow the case's own provider", () => {
  const ukCase = sampleCase({ procedureId: 'kijoma', providerId: 'first' });
  const caCase = sampleCase({ id: 'case-43', procedureId: 'jive-ca', calendar: 'canada', providerId: 'jive' });

  it("a UK case keeps the Kijoma letterhead, English and the desk's chosen scheme while Jive is the usual provider", () => {
    const ctx = context(ukCase);
    expect(defaultOptions(ukCase, ctx.settings).language).toBe('en-GB');
    const doc = acknowledgementDocument(ctx);
    expect(words(doc)).toContain('Kijoma Broadband');
    expect(words(doc)).not.toContain('Jive Communications Canada');
    const inputs = { ...defaultInputs(ctx), progress: 'We are checking the bills.' };
    const update = letterText(buildLetter('update', inputs, defaultOptions(ukCase, ctx.settings), ctx));
    expect(update).toMatch(/CISAS|Dispute Resolution/);
  });

  it('a Jive case gets the Montréal letterhead and French, by default', () => {
    const ctx = context(caCase);
    expect(defaultOptions(caCase, ctx.settings).language).toBe('fr-CA');
    const doc = acknowledgementDocument(ctx);
    expect(doc.language).toBe('fr-CA');
    expect(words(doc)).toContain('Jive Communications Canada');
    expect(words(doc)).not.toContain('Kijoma Broadband');
    // Not before the second level of escalation: the notice says the complaint has been through it.
    expect(() => buildLetter('ccts-notice', defaultInputs(ctx), defaultOptions(caCase, ctx.settings), ctx)).toThrow(
      /does not show that yet/,
    );
    const second = atSecondLevel(caCase);
    const notice = buildLetter('ccts-notice', defaultInputs(second), defaultOptions(caCase, second.settings), second);
    expect(words(notice)).toContain('Jive Communications Canada');
    expect(words(notice)).toContain('réexaminée à un niveau supérieur');
  });

  it('a Jive case with our final position given at the front line: the CCTS notice says so, not a second level', () => {
    const desk = new Desk(caCase, '2026-11-20');
    desk.do('record-deadlock', { on: '2026-11-20', summary: 'We cannot waive the early-cancellation fee.' });
    const ctx = context(desk.record, desk.events);
    const english = { ...defaultOptions(caCase, ctx.settings), language: 'en-CA' as const };
    const notice = letterText(buildLetter('ccts-notice', defaultInputs(ctx), english, ctx));
    expect(notice).toContain('given you our final position: we cannot do any more to resolve it');
    expect(notice).not.toContain('second level');
    expect(notice).not.toContain('We will keep working on it');
  });

  it('a Jive update letter says the customer can go to the CCTS now once told of it, in English and French (explore39-letters #2)', () => {
    const second = atSecondLevel(caCase);
    const inputs = { ...defaultInputs(second), progress: 'We are checking the termination fee.' };
    const english = { ...defaultOptions(caCase, second.settings), language: 'en-CA' as const };
    const french = { ...english, language: 'fr-CA' as const };
    // Not yet told: we will write to say how.
    expect(letterText(buildLetter('update', inputs, english, second))).toContain(
      'If we cannot resolve the complaint, we will write to tell you how to take it to',
    );
    // Told of the CCTS (its notice records it): the update says the customer can go now, with its details.
    const desk = new Desk(second.record, '2026-11-20');
    desk.events = [...second.events];
    desk.do('ccts-informed', { on: '2026-11-20', channel: 'letter' });
    const told = context(desk.record, desk.events);
    const en = letterText(buildLetter('update', inputs, english, told));
    expect(en).not.toContain('we will write to tell you how');
    expect(en).toMatch(
      /You can already ask the (Commission for Complaints for Telecom-television Services \(CCTS\)|CCTS) to look at the complaint\./,
    );
    expect(en).toContain('www.ccts-cprst.ca');
    expect(en).toContain('1-888-221-1687');
    const fr = letterText(buildLetter('update', inputs, french, told));
    expect(fr).toMatch(
      /Vous pouvez déjà demander à la (CPRST|Commission des plaintes relatives aux services de télécom-télévision \(CPRST\)) d’examiner votre plainte\./,
    );
    expect(fr).toContain('1-888-221-1687');
    expect(fr).not.toContain('nous vous écrirons pour vous indiquer');
  });

  it('a Jive update letter after a final response says the customer can go to the CCTS now (explore39-letters #2)', () => {
    const ctx = context(caCase);
    const record = { ...ctx.record };
    const events: TimelineEvent[] = [
      ...ctx.events,
      {
        id: 'fr1',
        caseId: record.id,
        type: 'letter-issued',
        on: '2026-11-20',
        at: '2026-11-20T10:00:00.000Z',
        by: 'Priya Shah',
        summary: 'Final response issued (f.pdf)',
        data: { letterId: 'F1', kind: 'final-response', fileName: 'f.pdf', sha256: 'a'.repeat(64) },
      },
    ];
    const answered = context(record, events);
    const inputs = { ...defaultInputs(answered), progress: 'We are checking the termination fee.' };
    const english = { ...defaultOptions(caCase, answered.settings), language: 'en-CA' as const };
    expect(letterText(buildLetter('update', inputs, english, answered))).toContain('You can already ask');
  });

  it("the acknowledgement names the ADR scheme the case's provider chose, not its procedure's", () => {
    // Kijoma's procedure names CISAS; this desk chose the Communications Ombudsman for the Kijoma provider.
    const settings = desk();
    const chose = {
      ...settings,
      providers: settings.providers!.map((p) =>
        p.id === 'first' ? { ...p, adrSchemeId: 'communications-ombudsman' } : p,
      ),
    };
    const ctx = { ...context(ukCase), settings: chose };
    expect(ctx.evaluation.adrScheme?.id).toBe('cisas');
    const batch = letterText(acknowledgementDocument(ctx));
    const dialog = letterText(buildLetter('acknowledgement', defaultInputs(ctx), defaultOptions(ukCase, chose), ctx));
    for (const text of [batch, dialog]) {
      expect(text).toContain('the Communications Ombudsman');
      expect(text).toContain('www.commsombudsman.org');
      expect(text).not.toMatch(/CISAS|cedr\.com/);
    }
    // The update letter names the same scheme: one choice for every letter of the case.
    const update = letterText(
      buildLetter(
        'update',
        { ...defaultInputs(ctx), progress: 'We are checking.' },
        defaultOptions(ukCase, chose),
        ctx,
      ),
    );
    expect(update).toContain('Communications Ombudsman');
  });

  it("each case's letters print its own provider's logo, never the usual provider's", () => {
    const JIVE_LOGO = 'data:image/png;base64,iVBORw0KGgoJIVE';
    const settings = desk();
    const logos: DeskSettings = {
      ...settings,
      // The desk settings' own logo is the usual provider's (Jive's): a Kijoma case must not take it.
      logoDataUrl: JIVE_LOGO,
      providers: settings.providers!.map((p) =>
        p.id === 'first' ? { ...p, logoDataUrl: SAMPLE_LOGO_DATA_URL } : { ...p, logoDataUrl: JIVE_LOGO },
      ),
    };
    const logosIn = (doc: unknown) => [...words(doc).matchAll(/"image":"([^"]+)"/g)].map((m) => m[1]);
    const uk = { ...context(ukCase), settings: logos };
    expect(logosIn(acknowledgementDocument(uk))).toEqual([SAMPLE_LOGO_DATA_URL]);
    const update = { ...defaultInputs(uk), progress: 'We are checking the bills.' };
    expect(logosIn(buildLetter('update', update, defaultOptions(ukCase, logos), uk))).toEqual([SAMPLE_LOGO_DATA_URL]);
    const ca = { ...context(caCase), settings: logos };
    expect(logosIn(acknowledgementDocument(ca))).toEqual([JIVE_LOGO]);
    const caSecond = { ...atSecondLevel(caCase), settings: logos };
    expect(logosIn(buildLetter('ccts-notice', defaultInputs(ca), defaultOptions(caCase, logos), caSecond))).toEqual([
      JIVE_LOGO,
    ]);
    // A provider without a logo prints none, whatever the desk settings hold.
    const none = { ...uk, settings: { ...logos, providers: settings.providers } };
    expect(logosIn(acknowledgementDocument(none))).toEqual([]);
  });

  it("the customer's own language still wins over the provider's", () => {
    const record = { ...caCase, communication: { language: 'en-CA' as const } };
    expect(defaultOptions(record, context(record).settings).language).toBe('en-CA');
  });
});

describe('an acknowledgement that can give no time frame (Jive’s code asks for “an approximate time frame”)', () => {
  const caCase = sampleCase({ id: 'case-44', procedureId: 'jive-ca', calendar: 'canada', providerId: 'jive' });

  it('is pointed out for a case on the built-in Jive code (no reply target, no time frame promised)', () => {
    const ctx = context(caCase);
    expect(noTimeFrameIn(ctx, 'fr-CA')).toEqual({ procedure: JIVE_CA.name });
    expect(noTimeFrameIn(ctx, 'en-CA')).toEqual({ procedure: JIVE_CA.name });
  });

  it('is not, where the rules give a reply date (Kijoma) or the procedure promises a time frame in that language', () => {
    expect(noTimeFrameIn(context(sampleCase({ procedureId: 'kijoma', providerId: 'first' })), 'en-GB')).toBeNull();
    const copy = {
      ...copyOfProcedure(JIVE_CA, new Set()),
      wording: { promisedTimeFrame: { fr: 'Nous vous répondrons dans un délai approximatif de 10 jours ouvrables.' } },
    };
    installDeskProcedures([copy]);
    try {
      const ctx = context({ ...caCase, procedureId: copy.id });
      expect(noTimeFrameIn(ctx, 'fr-CA')).toBeNull();
      // Promised in French only: an English letter still has none.
      expect(noTimeFrameIn(ctx, 'en-CA')).toEqual({ procedure: copy.name });
      expect(letterText(acknowledgementDocument(ctx))).toContain('dans un délai approximatif de 10 jours ouvrables');
    } finally {
      installDeskProcedures([]);
    }
  });
});

describe('a case under the FCA’s rules (a desk’s copy of a procedure switched to FCA DISP)', () => {
  it('names one scheme in every letter, and its final response opens the way to it at once', () => {
    const fca = {
      ...copyOfProcedure(OFCOM_BASELINE, new Set()),
      regimeId: 'fca-disp',
      adrSchemeId: 'communications-ombudsman',
    };
    installDeskProcedures([fca]);
    try {
      const record = sampleCase({ procedureId: fca.id, providerId: 'first', receivedOn: '2026-11-18' });
      const ctx = context(record);
      const options = defaultOptions(record, ctx.settings);
      const inputs = {
        ...defaultInputs(ctx),
        outcome: 'We found the fault.',
        actionsTaken: 'Refunded.',
        resolution: 'Refunded.',
      };
      const schemesIn = (text: string) =>
        ['Communications Ombudsman', 'Financial Ombudsman', 'CISAS'].filter((name) => text.includes(name));
      const summary = letterText(buildLetter('summary-resolution', inputs, options, ctx));
      const final = letterText(buildLetter('final-response', inputs, options, ctx));
      expect(schemesIn(summary)).toEqual(schemesIn(final));
      // Received 18 Nov, the letter on 20 Nov: not "from 13 January 2027" (8 weeks), but now.
      expect(final).not.toMatch(/from \d+ January 2027/);
    } finally {
      installDeskProcedures([]);
    }
  });
});
