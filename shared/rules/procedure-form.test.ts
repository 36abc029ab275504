import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate';
import { createProcedureRegistry, procedureOnDay, withProcedures } from './procedure';
import {
  checkProcedureForm,
  copyId,
  copyOfProcedure,
  procedureFile,
  procedureFromForm,
  procedureToForm,
  readProcedureFile,
  savePlan,
  previewProcedure,
} from './procedure-form';
import { BUILT_IN_PROCEDURES, DEFAULT_PROCEDURES, KIJOMA, JIVE_CA } from './procedures';

describe('the procedure editor’s data form', () => {
  it.each(BUILT_IN_PROCEDURES.map((p) => [p.id, p] as const))('%s round-trips unchanged', (_id, p) => {
    const form = procedureToForm(p);
    expect(procedureFromForm(form)).toEqual(p);
    // …and through JSON, as the editor's state and an exported file hold it.
    expect(procedureFromForm(JSON.parse(JSON.stringify(form)))).toEqual(p);
    const checked = checkProcedureForm(form);
    expect(checked.ok && checked.procedure).toEqual(p);
  });

  it('gives each problem under its editor field, from THE procedure schema', () => {
    const form = procedureToForm(KIJOMA);
    form.stages[0].target.amount = '';
    form.stages[1].owner = ' ';
    form.firstResponse.byChannel.letter = { ...form.firstResponse.byChannel.letter, on: true, amount: 3, what: '' };
    form.regimeId = 'nowhere';
    const checked = checkProcedureForm(form);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['stages.0.target.amount']).toBe('must be a number');
    expect(checked.errors['stages.1.owner']).toBe('must not be empty');
    expect(checked.errors['firstResponse.byChannel.letter.what']).toBe('must not be empty');
    // The registry's own checks (regime known) come after the schema's: fixed fields first, then these.
    form.stages[0].target.amount = 3;
    form.stages[1].owner = 'A manager';
    form.firstResponse.byChannel.letter.on = false;
    const again = checkProcedureForm(form);
    expect(!again.ok && again.errors.regimeId).toMatch(/unknown regime "nowhere"/);
  });
});

describe('versions with an effective date', () => {
  const copy = copyOfProcedure(KIJOMA, new Set(['kijoma']));
  const v2 = {
    ...copy,
    version: 2,
    effectiveFrom: '2026-11-25',
    stages: copy.stages.map((s, i) => (i === 0 && s.target ? { ...s, target: { ...s.target, amount: 3 } } : s)),
  };
  const registry = withProcedures(DEFAULT_PROCEDURES, [copy, v2]);

  it('a copy made with a tag has an id of the desk’s own, readable in a file name (p8b, G6)', () => {
    expect(copyOfProcedure(KIJOMA, new Set(), '3f9a2c1b').id).toBe('kijoma-copy-3f9a2c1b');
    // A copy of a copy (a tagged one, or an older numbered one) is named after the procedure, not the copy.
    expect(copyId('kijoma-copy-3f9a2c1b', new Set(), '0d4e7a55')).toBe('kijoma-copy-0d4e7a55');
    expect(copyId('kijoma-copy-2', new Set(), '0d4e7a55')).toBe('kijoma-copy-0d4e7a55');
    // Never an id the desk holds.
    expect(copyId('kijoma', new Set(['kijoma-copy-0d4e7a55']), '0d4e7a55')).toBe('kijoma-copy-0d4e7a55-2');
  });

  it('a copy is a new procedure, version 1, in force for every case, saying where it came from', () => {
    expect(copy).toMatchObject({ id: 'kijoma-copy', version: 1, copiedFrom: 'kijoma v1' });
    expect(copy.effectiveFrom).toBeUndefined();
  });

  it('a case follows the version in force on the day it was received', () => {
    expect(procedureOnDay('kijoma-copy', '2026-11-24', registry)?.version).toBe(1);
    expect(procedureOnDay('kijoma-copy', '2026-11-25', registry)?.version).toBe(2);
    expect(procedureOnDay('kijoma-copy', '2027-01-05', registry)?.version).toBe(2);
    const facts = (receivedOn: string) => ({
      procedureId: 'kijoma-copy',
      calendar: 'england-and-wales' as const,
      receivedOn,
      channel: 'letter' as const,
      events: [],
    });
    const before = evaluateCase(facts('2026-11-23'), '2026-11-30', { procedures: registry });
    const after = evaluateCase(facts('2026-11-26'), '2026-11-30', { procedures: registry });
    const stageClock = (e: typeof before) => e.clocks.find((c) => c.rule.startsWith('Kijoma') && /stage/.test(c.id));
    expect(before.procedureVersion).toEqual({ version: 1, label: 'Kijoma Broadband complaints procedure (copy) v1' });
    expect(after.procedureVersion).toMatchObject({ version: 2, effectiveFrom: '2026-11-25' });
    // Monday 23 Nov + 5 working days = Monday 30 Nov; Thursday 26 Nov + 3 working days = Tuesday 1 Dec.
    expect(stageClock(before)?.dueOn).toBe('2026-11-30');
    expect(stageClock(after)?.dueOn).toBe('2026-12-01');
    expect(stageClock(after)?.explanation).toContain('v2');
  });

  it('a later version without an effective date, or not after the one before, is refused', () => {
    expect(() => createProcedureRegistry([copy, { ...v2, effectiveFrom: undefined }])).toThrow(
      /needs an effective date/,
    );
    expect(() => createProcedureRegistry([copy, v2, { ...v2, version: 3, effectiveFrom: '2026-11-25' }])).toThrow(
      /must take effect after version 2/,
    );
  });

  it('editing a procedure cases follow makes a new version after the last case’s day, never changes the old one', () => {
    expect(savePlan(copy, undefined, null)).toEqual({ ok: true, procedure: copy, newVersion: false });
    expect(savePlan(copy, copy, null)).toMatchObject({ ok: true, newVersion: false });
    expect(savePlan(copy, copy, '2026-11-23')).toMatchObject({
      ok: false,
      field: 'effectiveFrom',
      refusal: { kind: 'effective-missing', version: 1, date: '2026-11-23' },
    });
    expect(savePlan({ ...copy, effectiveFrom: '2026-11-23' }, copy, '2026-11-23')).toMatchObject({
      ok: false,
      field: 'effectiveFrom',
      refusal: { kind: 'effective-too-early', version: 1, date: '2026-11-23' },
    });
    expect(savePlan({ ...copy, effectiveFrom: '2026-11-25' }, copy, '2026-11-23')).toMatchObject({
      ok: true,
      newVersion: true,
      procedure: { version: 2, effectiveFrom: '2026-11-25' },
    });
    expect(savePlan(KIJOMA, KIJOMA, null)).toMatchObject({ ok: false, field: 'id', refusal: { kind: 'built-in' } });
  });
});

describe('import and export', () => {
  it('an exported procedure imports as it was', () => {
    const copy = copyOfProcedure(JIVE_CA, new Set());
    expect(readProcedureFile(JSON.stringify(procedureFile(copy)))).toEqual({ ok: true, procedure: copy });
  });

  it('a bad file is refused with the field named', () => {
    const copy = copyOfProcedure(KIJOMA, new Set());
    const bad = JSON.parse(JSON.stringify(procedureFile(copy))) as unknown as {
      procedure: { stages: Array<{ target?: object }> };
    };
    bad.procedure.stages[0].target = { amount: 3, unit: 'fortnights', what: 'a reply' };
    const read = readProcedureFile(JSON.stringify(bad));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(
      /^The procedure in this file is not valid: procedure\.stages\[0\]\.target\.unit: /,
    );
    expect(!read.ok && read.message).toMatch(/Nothing was imported\.$/);
    expect(readProcedureFile('{')).toEqual({
      ok: false,
      message: 'This is not a procedure file: it is not JSON.',
      said: { code: 'file-not-json' },
    });
    expect(readProcedureFile('{"format":"redress-backup"}')).toMatchObject({ ok: false });
    expect(readProcedureFile(JSON.stringify(procedureFile(KIJOMA)))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/built-in procedure \(procedure\.id\)/),
    });
  });
});

describe('the preview', () => {
  it('gives each clock of a complaint received today by letter, from the rules engine', () => {
    const preview = previewProcedure(KIJOMA, '2026-12-02', 'england-and-wales');
    expect('lines' in preview).toBe(true);
    if (!('lines' in preview)) return;
    const labels = preview.lines.map((l) => `${l.label}: ${l.dueOn}`);
    // Wednesday 2 Dec + 5 working days = Wednesday 9 Dec; the ADR letter 6 weeks on.
    expect(labels).toContain('First response (letter): 2026-12-09');
    expect(labels.some((l) => l.endsWith('2027-01-13'))).toBe(true);
  });
});
