import { describe, expect, it } from 'vitest';
import { JIVE_CA } from '#shared/rules/index';
import { caseRecord, Desk } from '#test/support/case-desk';
import { fr } from '#test/support/translate';
import { builtInWordsIn } from './built-in-procedures';
import { explanationIn } from './explain';
import { entrySummaryIn } from './timeline';
import type { TimelineEvent } from '#shared/model/case';

describe('a built-in procedure’s words in the interface language', () => {
  it('says the Canadian procedure’s stages, owners and acknowledgement in French at a French desk', () => {
    expect(JIVE_CA.stages.map((s) => builtInWordsIn('fr-CA', s.name))).toEqual([
      'Soutien à la clientèle',
      'Cadre supérieur',
      'Responsable du soutien',
      'À la CPRST',
    ]);
    expect(builtInWordsIn('fr-CA', JIVE_CA.stages[2].owner)).toBe('Le responsable de l’équipe de soutien');
    expect(builtInWordsIn('fr-CA', JIVE_CA.acknowledgement!.what)).toMatch(/^un accusé de réception avec un numéro/);
  });

  it('leaves them in English at an English desk, and any other text as it is', () => {
    for (const locale of ['en-GB', 'en-CA'])
      expect(builtInWordsIn(locale, JIVE_CA.stages[1].name)).toBe('Senior manager');
    expect(builtInWordsIn('fr-CA', 'Front line')).toBe('Front line');
  });

  it('quotes the acknowledgement in French in the clock’s explanation', () => {
    const desk = new Desk(caseRecord({ procedureId: 'jive-ca', calendar: 'canada' }), '2026-11-27');
    const clock = desk.evaluation().clocks.find((c) => c.id === 'acknowledgement')!;
    const said = explanationIn(fr, 'fr-CA', clock.explain);
    expect(said).toContain('«\u00a0un accusé de réception avec un numéro de suivi');
    expect(said).not.toContain('tracking number');
  });
});

describe('a built-in procedure’s stages in the timeline', () => {
  it('says an escalation between Jive’s stages in French (explore34a #5)', () => {
    const event: TimelineEvent = {
      id: 'e1',
      caseId: 'c1',
      type: 'escalated',
      on: '2026-11-30',
      at: '2026-11-30T10:00:00.000Z',
      by: 'Sam Patel',
      summary: 'Escalated from Customer support to Senior manager: Asked for a manager',
      data: { fromStage: JIVE_CA.stages[0].id, stage: JIVE_CA.stages[1].id, reason: 'Asked for a manager' },
    };
    const said = entrySummaryIn(fr, 'fr-CA', event, { procedure: JIVE_CA });
    expect(said).toContain('Soutien à la clientèle');
    expect(said).toContain('Cadre supérieur');
    expect(said).not.toMatch(/Customer support|Senior manager/);
  });
});
