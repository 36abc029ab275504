// The engine's explanations in the interface language (issue #17): days written the interface's way, periods, events
// and channels in its words; the English interface says what the records say, with its own date format.
import { describe, expect, it } from 'vitest';
import {
  evaluateCase,
  type CaseFacts,
  PHRASES_EN,
  type Evaluation,
  previewProcedure,
  getProcedure,
  isRulesError,
  type Phrase,
} from '#shared/rules/index';
import { explanationIn, phraseIn, reasonIn } from './explain';
import { REGULATIONS_EN } from './regulations';
import { en, fr } from '#test/support/translate';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  receivedOn: '2026-11-18',
  channel: 'email',
  events: [],
  ...over,
});
const clock = (e: Evaluation, id: string) => e.clocks.find((c) => c.id === id)!;

describe('a name at the start of an explanation', () => {
  it('is kept as its owner writes it, not capitalised; the engine’s own words are (explore40-manager #6)', () => {
    const noAck: Phrase = { kind: 'no-ack-target', values: { rule: 'kinex communications complaints procedure v1' } };
    expect(explanationIn(en, 'en-GB', [noAck])).toBe(
      'kinex communications complaints procedure v1 sets no acknowledgement target of its own.',
    );
    expect(explanationIn(fr, 'fr-CA', [noAck])).toMatch(/^kinex communications complaints procedure v1 ne fixe pas/);
    const e = evaluateCase(facts(), '2026-12-02');
    expect(explanationIn(en, 'en-GB', clock(e, 'adr-letter').explain)).toMatch(/^Due 30 Dec 2026: /);
  });
});

describe('explanations in the interface language', () => {
  it('says the ADR letter’s due date in English (UK) and in French (Canada), dates the interface’s way', () => {
    const e = evaluateCase(facts(), '2026-12-02');
    const adr = clock(e, 'adr-letter');
    expect(process.env.TZ).toBe('Europe/London');
    expect(explanationIn(en, 'en-GB', adr.explain)).toBe(
      'Due 30 Dec 2026: received 18 Nov 2026 + 6 weeks, Ofcom GC C4 from 2026-04-08',
    );
    expect(explanationIn(fr, 'fr-CA', adr.explain)).toBe(
      'Échéance le 30 déc. 2026\u00a0: reçue le 18 nov. 2026 + 6 semaines, condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026',
    );
  });

  it('names every built-in regulation in French; one the desk loaded itself is named as it is', () => {
    for (const [key, english] of Object.entries(REGULATIONS_EN)) {
      const said = phraseIn(fr, 'fr-CA', { kind: 'no-adr-letter-sent', values: { rule: { regulation: english } } });
      expect(said, key).not.toContain(english);
      expect(said, key).not.toMatch(/\b(from|before)\b/);
      expect(
        phraseIn(en, 'en-GB', { kind: 'no-adr-letter-sent', values: { rule: { regulation: english } } }),
      ).toContain(english);
    }
    expect(
      phraseIn(fr, 'fr-CA', { kind: 'no-adr-letter-sent', values: { rule: { regulation: 'Code maison v2' } } }),
    ).toContain('(Code maison v2)');
    // A CCTS clock on a Canadian desk.
    const e = evaluateCase(
      facts({
        procedureId: 'jive-ca',
        calendar: 'canada',
        events: [{ type: 'ccts-referral', on: '2026-11-25' }],
      }),
      '2026-12-02',
    );
    expect(explanationIn(fr, 'fr-CA', clock(e, 'ccts-response').explain)).toContain(
      'Code de procédure de la CPRST en vigueur depuis mai 2023',
    );
  });

  it('writes holidays, calendars, events and plurals in French', () => {
    const e = evaluateCase(
      facts({ receivedOn: '2026-12-18', events: [{ type: 'responded', on: '2027-01-06' }] }),
      '2027-01-10',
    );
    expect(explanationIn(fr, 'fr-CA', clock(e, 'first-response').explain)).toBe(
      'Échéance le 29 déc. 2026\u00a0: reçue le 18 déc. 2026 + 5 jours ouvrables, calendrier Angleterre et pays de Galles, ' +
        'Kijoma Broadband complaints procedure v1 («\u00a0a substantive reply\u00a0»). Le jour de la réception ne compte pas\u00a0; ' +
        'les fins de semaine et les jours fériés du calendrier Angleterre et pays de Galles sont exclus ' +
        '(ici\u00a0: jour de Noël (25 déc. 2026), lendemain de Noël (jour substitut) (28 déc. 2026)). ' +
        'Manqué\u00a0: réponse envoyée le 6 janv. 2027, après l’échéance.',
    );
    const saturday = evaluateCase(facts({ receivedOn: '2026-11-21' }), '2026-11-22');
    expect(explanationIn(fr, 'fr-CA', clock(saturday, 'adr-letter').explain)).toContain(
      'Le 2 janv. 2027 tombe un samedi\u00a0; une date comptée en jours n’est pas reportée.',
    );
    expect(explanationIn(en, 'en-GB', clock(saturday, 'adr-letter').explain)).toContain(
      '2 Jan 2027 is a Saturday; a date counted in days is not moved.',
    );
  });

  it('says next actions’ reasons and warnings in French, the category in its words', () => {
    const e = evaluateCase(facts({ category: 'pricing', customer: { isBusiness: true } }), '2026-12-02');
    const ack = e.nextActions.find((a) => a.id === 'acknowledge')!;
    expect(reasonIn(fr, 'fr-CA', ack.reason)).toBe(
      'Aucun accusé de réception inscrit pour l’instant. Kijoma Broadband complaints procedure v1 ne fixe pas de délai d’accusé de réception.',
    );
    expect(e.warningPhrases.map((w) => phraseIn(fr, 'fr-CA', w))[1]).toMatch(
      /^Plainte de catégorie «\u00a0Tarification\u00a0»\u00a0: CISAS \(.*\) ne se prononce pas/u,
    );
  });

  it('leaves no English words and no placeholder in the French, over many cases', () => {
    const englishOnly = Object.values(PHRASES_EN)
      .flatMap((template) => template.split(/\{\w+\}/))
      .map((part) => part.trim())
      .filter((part) => part.length >= 12);
    const found = new Set<string>();
    const types = ['acknowledged', 'responded', 'escalated', 'paused', 'resumed', 'resolved', 'deadlock'] as const;
    const more = ['adr-letter-sent', 'referred-to-adr', 'closed', 'ccts-referral', 'ccts-informed'] as const;
    for (const procedureId of ['kijoma', 'jive-ca', 'miso', 'infinity'])
      for (let i = 0; i < 40; i++) {
        const events = [];
        let day = Date.UTC(2026, 5, 1 + i);
        for (let k = 0; k < i % 6; k++) {
          day += ((i * 7 + k * 13) % 30) * 86_400_000;
          const all = [...types, ...more];
          events.push({ type: all[(i + k * 5) % all.length], on: new Date(day).toISOString().slice(0, 10) });
        }
        let e: Evaluation;
        try {
          e = evaluateCase(
            facts({
              procedureId,
              calendar: procedureId === 'jive-ca' ? 'canada' : 'england-and-wales',
              receivedOn: '2026-06-01',
              events: [...events].sort((a, b) => (a.on < b.on ? -1 : 1)),
              customer: i % 4 === 0 ? { isBusiness: true, employees: 30 } : undefined,
            }),
            '2027-03-01',
          );
        } catch {
          continue;
        }
        const texts = [
          ...e.clocks.map((c) => explanationIn(fr, 'fr-CA', c.explain)),
          ...e.nextActions.map((a) => reasonIn(fr, 'fr-CA', a.reason)),
          ...e.warningPhrases.map((w) => phraseIn(fr, 'fr-CA', w)),
        ];
        for (const text of texts) {
          if (/[{}]|undefined/.test(text)) found.add(`placeholder left: ${text}`);
          for (const english of englishOnly) if (text.includes(english)) found.add(`${english} ← ${text}`);
        }
      }
    expect([...found]).toEqual([]);
  });

  // i17c: the procedure editor's preview says its due dates' explanations the same way.
  it('says the procedure editor preview’s explanations in French, the English sentence kept for English screens', () => {
    expect(process.env.TZ).toBe('Europe/London');
    const preview = previewProcedure(getProcedure('kijoma')!, '2026-12-02', 'england-and-wales');
    if (!('lines' in preview)) throw new Error(preview.error);
    const first = preview.lines.find((l) => l.dueOn === '2026-12-09')!;
    expect(first.explanation).toMatch(
      /^due 2026-12-09: received 2026-12-02 \+ 5 working days, England & Wales calendar/,
    );
    expect(explanationIn(fr, 'fr-CA', first.explain)).toMatch(
      /^Échéance le 9 déc\. 2026\u00a0: reçue le 2 déc\. 2026 \+ 5 jours ouvrables, calendrier Angleterre et pays de Galles, /,
    );
    for (const l of preview.lines) expect(explanationIn(fr, 'fr-CA', l.explain)).not.toMatch(/\b(due|received)\b/);
  });

  // m17b: why the engine cannot read a case, said in the interface language (the message keeps its technical words).
  it('says why a timeline cannot be read, in French, with the engine’s own message kept for the records', () => {
    const reasonOf = (f: CaseFacts, today = '2026-12-02'): Phrase => {
      try {
        evaluateCase(f, today);
      } catch (error) {
        if (isRulesError(error) && error.reason) return error.reason;
        throw error;
      }
      throw new Error('expected the case to be refused');
    };
    const before = reasonOf(facts({ events: [{ type: 'acknowledged', on: '2026-11-10' }] }));
    expect(phraseIn(fr, 'fr-CA', before)).toBe(
      'L’inscription «\u00a0réception accusée\u00a0» du 10 nov. 2026 est datée d’avant la réception de la plainte (18 nov. 2026).',
    );
    expect(phraseIn(en, 'en-GB', before)).toBe(
      'The entry “acknowledged” of 10 Nov 2026 is dated before the complaint was received (18 Nov 2026).',
    );
    const twice = reasonOf(
      facts({
        events: [
          { type: 'paused', on: '2026-11-20' },
          { type: 'paused', on: '2026-11-21' },
        ],
      }),
    );
    expect(phraseIn(fr, 'fr-CA', twice)).toBe(
      'Le dossier est suspendu le 21 nov. 2026 alors qu’il l’est déjà depuis le 20 nov. 2026.',
    );
    const notPaused = reasonOf(facts({ events: [{ type: 'resumed', on: '2026-11-20' }] }));
    expect(phraseIn(fr, 'fr-CA', notPaused)).toBe(
      'Le dossier est repris le 20 nov. 2026 alors qu’il n’est pas suspendu.',
    );
    const order = reasonOf(
      facts({
        events: [
          { type: 'acknowledged', on: '2026-11-25' },
          { type: 'responded', on: '2026-11-20' },
        ],
      }),
    );
    expect(phraseIn(fr, 'fr-CA', order)).toMatch(/^L’inscription «\u00a0.+\u00a0» du 20 nov\. 2026 figure après/u);
    const future = reasonOf(facts({ events: [{ type: 'acknowledged', on: '2026-12-05' }] }));
    expect(phraseIn(fr, 'fr-CA', future)).toBe(
      'L’inscription «\u00a0réception accusée\u00a0» du 5 déc. 2026 est datée d’après aujourd’hui (2 déc. 2026).',
    );
  });
});
