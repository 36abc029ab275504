// The letters a case can have, and what its final response says of the scheme, come from its regime version's data
// (shared/rules/regimes.ts: `regimeLetters`, `finalResponseOpensReferral`), never from a regime's id or the
// provider's country: every built-in regime and version, through the built-in procedures and a desk's copies.
import { describe, expect, it } from 'vitest';
import { sampleCase, sampleSettings } from '#shared/letters/fixtures';
import type { TimelineEvent } from '#shared/model/case';
import { evaluateRecord } from '#lib/rules';
import {
  BUILT_IN_PROCEDURES,
  BUILT_IN_REGIMES,
  copyOfProcedure,
  getProcedure,
  installDeskProcedures,
  JIVE_CA,
  OFCOM_BASELINE,
  regimeLetters,
  regimeVersionFor,
  type Procedure,
} from '#shared/rules/index';
import { availableLetters, buildLetter, defaultInputs, defaultOptions, letterText, type LetterContext } from './build';

const EVERY_CASE = ['acknowledgement', 'update', 'final-response'];
const ADR = ['adr-time', 'adr-final'];

/** Each built-in regime version, a day a complaint made under it was received, and the letters it gives. */
const VERSIONS = [
  ['ofcom-gc-c4', '2026-03-02', [...EVERY_CASE, ...ADR]],
  ['ofcom-gc-c4', '2026-11-18', [...EVERY_CASE, ...ADR]],
  ['ccts', '2023-03-01', [...EVERY_CASE, 'ccts-notice']],
  ['ccts', '2026-11-18', [...EVERY_CASE, 'ccts-notice']],
  ['fca-disp', '2026-11-18', [...EVERY_CASE, ...ADR, 'summary-resolution']],
  ['gb-energy', '2026-11-18', [...EVERY_CASE, ...ADR]],
  ['uk-dpa-complaints', '2026-11-18', EVERY_CASE],
] as const;

/** A desk's copy of the Ofcom baseline (a UK regime) or of Jive's code (the CCTS) switched to the regime. */
function deskCopy(regimeId: string): Procedure {
  const regime = BUILT_IN_REGIMES.find((r) => r.id === regimeId)!;
  const base = regime.country === 'CA' ? JIVE_CA : OFCOM_BASELINE;
  return {
    ...copyOfProcedure(base, new Set(), regimeId),
    regimeId,
    adrSchemeId: regime.usualAdrSchemeId ?? base.adrSchemeId,
  };
}

function context(procedureId: string, receivedOn: string, today = receivedOn): LetterContext {
  const record = sampleCase({
    procedureId,
    receivedOn,
    calendar: getProcedure(procedureId).provider.country === 'CA' ? 'canada' : 'england-and-wales',
  });
  const events: TimelineEvent[] = [];
  const evaluated = evaluateRecord(record, events, today);
  if (!evaluated.evaluation) throw new Error(evaluated.error);
  return { record, events, evaluation: evaluated.evaluation, settings: sampleSettings(), today, by: 'Priya Shah' };
}

/** The regime letters a list of choices stands for: both ADR choices are the one ADR letter. */
const asRegimeLetters = (choices: readonly string[]) => [
  ...new Set(
    choices
      .filter((c) => !EVERY_CASE.includes(c))
      .map((c) => (c === 'adr-time' || c === 'adr-final' ? 'adr-letter' : c)),
  ),
];

describe('the letters a case can have are its regime version’s', () => {
  it('covers every built-in regime version', () => {
    const covered = new Set(VERSIONS.map(([id, on]) => `${id} ${regimeVersionFor(id, on)?.label}`));
    expect(covered).toEqual(new Set(BUILT_IN_REGIMES.flatMap((r) => r.versions.map((v) => `${r.id} ${v.label}`))));
  });

  it.each(VERSIONS)('%s, a complaint received %s (a desk’s copy of a procedure)', (regimeId, receivedOn, letters) => {
    const copy = deskCopy(regimeId);
    installDeskProcedures([copy]);
    try {
      const ctx = context(copy.id, receivedOn);
      const offered = availableLetters(ctx.record, ctx.evaluation);
      expect(offered).toEqual(letters);
      expect(asRegimeLetters(offered)).toEqual(regimeLetters(regimeVersionFor(regimeId, receivedOn)));
    } finally {
      installDeskProcedures([]);
    }
  });

  it.each(BUILT_IN_PROCEDURES.map((p) => [p.id, p.regimeId]))('the built-in %s (%s)', (procedureId, regimeId) => {
    for (const [id, receivedOn, letters] of VERSIONS.filter(([id]) => id === regimeId)) {
      const ctx = context(procedureId, receivedOn);
      expect(availableLetters(ctx.record, ctx.evaluation), `${id} ${receivedOn}`).toEqual(letters);
    }
  });

  it('whatever the country the procedure gives its provider: the regime decides, not the country', () => {
    const ccts = { ...deskCopy('ccts'), provider: { ...JIVE_CA.provider, country: 'GB' as const } };
    const ofcom = { ...deskCopy('ofcom-gc-c4'), provider: { ...OFCOM_BASELINE.provider, country: 'CA' as const } };
    installDeskProcedures([ccts, ofcom]);
    try {
      const fromCcts = context(ccts.id, '2026-11-18');
      expect(availableLetters(fromCcts.record, fromCcts.evaluation)).toEqual([...EVERY_CASE, 'ccts-notice']);
      const fromOfcom = context(ofcom.id, '2026-11-18');
      expect(availableLetters(fromOfcom.record, fromOfcom.evaluation)).toEqual([...EVERY_CASE, ...ADR]);
    } finally {
      installDeskProcedures([]);
    }
  });
});

describe('whether the final response opens the way to the scheme at once is the regime version’s', () => {
  // Received 18 Nov 2026, the final response on 20 Nov: long before the ADR letter's wait is over.
  const finalResponse = (regimeId: string) => {
    const copy = deskCopy(regimeId);
    installDeskProcedures([copy]);
    try {
      const ctx = context(copy.id, '2026-11-18', '2026-11-20');
      const inputs = { ...defaultInputs(ctx), outcome: 'We found the fault.', actionsTaken: 'Refunded.' };
      return letterText(buildLetter('final-response', inputs, defaultOptions(ctx.record, ctx.settings), ctx));
    } finally {
      installDeskProcedures([]);
    }
  };

  it('FCA DISP (finalResponseOpensReferral): the Financial Ombudsman can look at the complaint now', () => {
    expect(regimeVersionFor('fca-disp', '2026-11-18')?.finalResponseOpensReferral).toBe(true);
    const text = finalResponse('fca-disp');
    expect(text).toContain('You can ask the Financial Ombudsman Service to look at the complaint now');
    expect(text).toContain('You have 6 months');
  });

  it.each([
    ['ofcom-gc-c4', '30\u00a0December\u00a02026'],
    ['gb-energy', '13\u00a0January\u00a02027'],
  ])('%s: the scheme only from the day the ADR letter is due (%s)', (regimeId, from) => {
    expect(regimeVersionFor(regimeId, '2026-11-18')?.finalResponseOpensReferral).toBeUndefined();
    const text = finalResponse(regimeId);
    expect(text).toContain(from);
    expect(text).not.toContain('to look at the complaint now');
  });
});
