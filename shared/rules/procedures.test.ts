import { describe, expect, it } from 'vitest';
import { RulesError } from './errors';
import {
  checkProcedure,
  createProcedureRegistry,
  firstResponseTarget,
  recordedStageId,
  validateProcedure,
  withProcedures,
} from './procedure';
import {
  BUILT_IN_PROCEDURES,
  DEFAULT_PROCEDURES,
  getProcedure,
  installDeskProcedures,
  isProcedureRetired,
  KIJOMA,
  listProcedures,
  newCaseStageId,
  procedureChoices,
  proceduresMayHave,
} from './procedures';
import { evaluateCase } from './evaluate';
import { getAdrScheme } from './adr-schemes';
import { getRegime } from './regimes';
import { assertNotOk } from '#test/support/assert';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('procedure registry', () => {
  it('has the five seed procedures and the Ofcom baseline', () => {
    expect(listProcedures().map((p) => p.id)).toEqual(['kijoma', 'miso', 'kinex', 'jive-ca', 'infinity', 'ofcom']);
  });

  it.each(BUILT_IN_PROCEDURES.map((p) => [p.id, p] as const))('%s is complete and valid', (_id, p) => {
    expect(validateProcedure(clone(p))).toEqual(p);
    expect(p.name).toMatch(/\S/);
    expect(p.provider.name).toMatch(/\S/);
    expect(p.stages.length).toBeGreaterThanOrEqual(2);
    for (const s of p.stages) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.owner).toMatch(/\S/);
    }
    expect(() => getRegime(p.regimeId)).not.toThrow();
    // Current scheme names only: the seeds' "Ombudsman Services: Communications" must not survive.
    expect(JSON.stringify(p.stages)).not.toMatch(/Ombudsman Services: Communications/);
    expect(getAdrScheme(p.adrSchemeId, '2026-06-01').name).not.toMatch(/Ombudsman Services/);
  });

  it('regimes and schemes: UK providers use Ofcom GC C4, Jive uses the CCTS', () => {
    expect(Object.fromEntries(listProcedures().map((p) => [p.id, [p.regimeId, p.adrSchemeId]]))).toEqual({
      kijoma: ['ofcom-gc-c4', 'cisas'],
      miso: ['ofcom-gc-c4', 'communications-ombudsman'],
      kinex: ['ofcom-gc-c4', 'communications-ombudsman'],
      'jive-ca': ['ccts', 'ccts'],
      infinity: ['ofcom-gc-c4', 'communications-ombudsman'],
      ofcom: ['ofcom-gc-c4', 'communications-ombudsman'],
    });
  });

  it("providers' own targets come from the seeds", () => {
    expect(firstResponseTarget(getProcedure('kijoma'), 'email')).toMatchObject({ amount: 5, unit: 'working-days' });
    expect(getProcedure('kinex').stages.find((s) => s.id === 'customer-resolution')?.target).toMatchObject({
      amount: 28,
      unit: 'days',
    });
    const infinity = getProcedure('infinity');
    expect(firstResponseTarget(infinity, 'letter')).toMatchObject({ amount: 10, unit: 'working-days' });
    expect(firstResponseTarget(infinity, 'email')).toMatchObject({ amount: 5, unit: 'working-days' });
    expect(firstResponseTarget(infinity, 'phone')).toMatchObject({
      amount: 5,
      unit: 'working-days',
      what: 'a call-back',
    });
    expect(firstResponseTarget(infinity, 'web')).toBeUndefined();
    expect(getProcedure('jive-ca').acknowledgement).toMatchObject({ amount: 0 });
  });

  it('refuses an unknown procedure clearly', () => {
    expect(() => getProcedure('acme')).toThrow(/Unknown procedure "acme"; known procedures: kijoma, miso/);
  });
});

describe('procedure validation (a desk clones and edits one)', () => {
  function refuse(edit: (p: ReturnType<typeof clone<typeof KIJOMA>>) => void): RulesError {
    const p = clone(KIJOMA);
    edit(p);
    let refused: unknown;
    try {
      validateProcedure(p);
    } catch (e) {
      refused = e;
    }
    // Undefined (not refused) fails here too.
    expect(refused).toBeInstanceOf(RulesError);
    return refused as RulesError;
  }

  it.each<[string, (p: ReturnType<typeof clone<typeof KIJOMA>>) => void, string]>([
    ['a bad unit', (p) => ((p.stages[0].target as { unit: string }).unit = 'fortnights'), 'stages[0].target.unit'],
    ['a negative amount', (p) => (p.stages[0].target!.amount = -1), 'stages[0].target.amount'],
    ['a fractional amount', (p) => (p.firstResponse.default!.amount = 2.5), 'firstResponse.default.amount'],
    ['a stage id that is not a slug', (p) => (p.stages[1].id = 'Manager Review'), 'stages[1].id'],
    ['a duplicate stage id', (p) => (p.stages[1].id = 'customer-services'), 'stages[1].id'],
    [
      'an unknown channel',
      (p) => ((p.firstResponse as { byChannel?: object }).byChannel = { fax: p.firstResponse.default }),
      'firstResponse.byChannel',
    ],
    ['an unknown regime', (p) => (p.regimeId = 'ofcom-gc-c5'), 'regimeId'],
    ['an unknown ADR scheme', (p) => (p.adrSchemeId = 'ombudsman'), 'adrSchemeId'],
    ['no stages', (p) => (p.stages = []), 'stages'],
    ['a missing name', (p) => ((p as { name?: string }).name = undefined), 'name'],
    ['an empty owner', (p) => (p.stages[0].owner = ' '), 'stages[0].owner'],
    ['a misspelt field', (p) => ((p.stages[0] as unknown as Record<string, unknown>).targte = {}), 'stages[0]'],
    ['an external first stage', (p) => (p.stages[0].external = true), 'stages[0].external'],
    ['an unknown calendar', (p) => ((p as { defaultCalendar: string }).defaultCalendar = 'wales'), 'defaultCalendar'],
  ])('refuses %s, naming the field', (_what, edit, field) => {
    const error = refuse(edit);
    expect(error.code).toBe('invalid-procedure');
    expect(error.field).toBe(field);
    expect(error.message).toContain('Invalid procedure "kijoma"');
    expect(error.message).toContain(field);
  });

  it('checkProcedure lists every problem without throwing', () => {
    const p = clone(KIJOMA);
    p.regimeId = 'nope';
    p.adrSchemeId = 'nope';
    const result = checkProcedure(p);
    assertNotOk(result);
    expect(result.issues.map((i) => i.field)).toEqual(['regimeId', 'adrSchemeId']);
  });

  it('refuses something that is not a procedure at all', () => {
    expect(() => validateProcedure(null)).toThrow(/Invalid procedure/);
    expect(() => validateProcedure('kijoma')).toThrow(RulesError);
  });

  it('an edited clone can be registered beside the built-in ones', () => {
    const p = clone(KIJOMA);
    p.id = 'kijoma-business';
    p.name = 'Kijoma Broadband business complaints';
    p.firstResponse.default!.amount = 3;
    const registry = withProcedures(DEFAULT_PROCEDURES, [p]);
    expect(getProcedure('kijoma-business', registry).firstResponse.default?.amount).toBe(3);
    expect(getProcedure('kijoma', registry).firstResponse.default?.amount).toBe(5);
    expect(() => getProcedure('kijoma-business')).toThrow(/Unknown procedure/);
    expect(() => createProcedureRegistry([KIJOMA, KIJOMA])).toThrow(/Two procedures have the id "kijoma"/);
  });
});

describe('the stage a new case starts in', () => {
  // A desk's procedure whose second version adds a first stage: a case follows the version in force when received.
  const v1 = { ...clone(KIJOMA), id: 'kijoma-triage', name: 'Kijoma with triage' };
  const v2 = {
    ...clone(v1),
    version: 2,
    effectiveFrom: '2026-11-25',
    stages: [{ ...clone(KIJOMA.stages[0]), id: 'triage', name: 'Triage' }, ...clone(KIJOMA.stages)],
  };
  const registry = withProcedures(DEFAULT_PROCEDURES, [v1, v2]);
  const facts = (receivedOn: string) => ({
    procedureId: 'kijoma-triage',
    calendar: 'england-and-wales' as const,
    receivedOn,
    channel: 'email' as const,
    category: 'billing' as const,
    events: [],
  });

  it('is the first stage of the version in force on the day received: the one the rules read from its timeline', () => {
    for (const [receivedOn, stage] of [
      ['2026-11-24', 'customer-services'],
      ['2026-11-25', 'triage'],
    ]) {
      const c = { procedureId: 'kijoma-triage', receivedOn };
      expect(newCaseStageId(c, registry)).toBe(stage);
      expect(evaluateCase(facts(receivedOn), receivedOn, { procedures: registry }).stage).toBe(stage);
    }
    expect(newCaseStageId({ procedureId: 'kijoma', receivedOn: '2026-11-24' })).toBe('customer-services');
  });

  it('is not known for a procedure the desk does not know: the record says so with an empty stage', () => {
    expect(newCaseStageId({ procedureId: 'gone', receivedOn: '2026-11-24' }, registry)).toBe('');
  });

  it('is what a stored empty stage (a case logged before, or under an unknown procedure) is read as', () => {
    expect(recordedStageId('', KIJOMA)).toBe('customer-services');
    expect(recordedStageId('management-review', KIJOMA)).toBe('management-review');
    expect(recordedStageId('', v2)).toBe('triage');
  });
});

describe('what a desk’s cases can ever have, from its providers’ procedures (explore27-quebec §10)', () => {
  const registry = withProcedures(DEFAULT_PROCEDURES, [
    { ...getProcedure('jive-ca'), id: 'jive-ca-copy', name: 'Jive (copy)' },
  ]);

  it('a desk whose providers all follow the CCTS has no ADR letters and no referral windows', () => {
    expect(proceduresMayHave(['jive-ca'], registry)).toEqual({ adrLetters: false, referralWindow: false });
    expect(proceduresMayHave(['jive-ca', 'jive-ca-copy'], registry)).toEqual({
      adrLetters: false,
      referralWindow: false,
    });
  });

  it('one provider under Ofcom is enough for both', () => {
    expect(proceduresMayHave(['jive-ca', 'kijoma'], registry)).toEqual({ adrLetters: true, referralWindow: true });
  });

  it('an unknown procedure hides nothing', () => {
    expect(proceduresMayHave(['jive-ca', 'gone'], registry)).toEqual({ adrLetters: true, referralWindow: true });
  });
});

describe('the desk’s retired procedures', () => {
  it('are left out of the choices but the one kept; a built-in or unknown id is never retired; reinstalled, gone', () => {
    const copy = { ...clone(KIJOMA), id: 'kijoma-copy-1', name: 'Kijoma (copy)' };
    installDeskProcedures([copy], [copy.id, 'kijoma', 'no-such-procedure']);
    try {
      expect(isProcedureRetired(copy.id)).toBe(true);
      expect(isProcedureRetired('kijoma')).toBe(false);
      expect(isProcedureRetired('no-such-procedure')).toBe(false);
      expect(listProcedures().map((p) => p.id)).toContain(copy.id);
      expect(procedureChoices().map((p) => p.id)).toEqual(
        listProcedures()
          .map((p) => p.id)
          .filter((id) => id !== copy.id),
      );
      expect(procedureChoices(copy.id).map((p) => p.id)).toEqual(listProcedures().map((p) => p.id));
      installDeskProcedures([copy]);
      expect(isProcedureRetired(copy.id)).toBe(false);
    } finally {
      installDeskProcedures([]);
    }
  });
});
