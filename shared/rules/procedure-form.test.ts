import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate';
import { createProcedureRegistry, procedureOnDay, withProcedures } from './procedure';
import {
  checkProcedureForm,
  copyId,
  copyOfProcedure,
  emptyStage,
  formField,
  freeName,
  procedureFile,
  procedureFromForm,
  procedureNameKey,
  procedureNamedLike,
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

  it('a channel taken out of "Channels" takes its first-response target with it; put back, the target comes back', () => {
    // Infinity answers a letter in 10 working days, an email and a call in 5 (its own targets by channel).
    const form = procedureToForm(copyOfProcedure(DEFAULT_PROCEDURES.byId.get('infinity')!, new Set()));
    expect(Object.keys(procedureFromForm(form).firstResponse.byChannel ?? {}).sort()).toEqual([
      'email',
      'letter',
      'phone',
    ]);
    form.channels = form.channels.filter((c) => c !== 'letter');
    // A half-filled letter target that no field shows any more is neither saved nor refused.
    form.firstResponse.byChannel.letter.what = '';
    const checked = checkProcedureForm(form);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.procedure.channels).toEqual(['phone', 'email']);
    expect(Object.keys(checked.procedure.firstResponse.byChannel ?? {}).sort()).toEqual(['email', 'phone']);
    // The engine then sets no first-response date of the procedure's own for a letter (it had 10 working days);
    // an email keeps its 5 (Monday 23 Nov → Monday 30 Nov).
    const registry = withProcedures(DEFAULT_PROCEDURES, [checked.procedure]);
    const firstResponse = (channel: 'letter' | 'email') =>
      evaluateCase(
        {
          procedureId: checked.procedure.id,
          calendar: 'england-and-wales',
          receivedOn: '2026-11-23',
          channel,
          events: [],
        },
        '2026-11-23',
        { procedures: registry },
      ).clocks.find((c) => c.id === 'first-response');
    expect(firstResponse('letter')).toMatchObject({ state: 'not-applicable', dueOn: null });
    expect(firstResponse('email')).toMatchObject({ state: 'running', dueOn: '2026-11-30' });
    // The form kept what was typed: listing letters again brings its target back (once it says what is due).
    form.channels = [...form.channels, 'letter'];
    form.firstResponse.byChannel.letter.what = 'a reply to the letter';
    expect(procedureFromForm(form).firstResponse.byChannel?.letter).toMatchObject({ amount: 10, unit: 'working-days' });
    // With nothing listed, no target by channel is sent, and the one problem is the empty list, under its box.
    form.channels = [];
    const none = checkProcedureForm(form);
    expect(procedureFromForm(form).firstResponse.byChannel).toBeUndefined();
    expect(!none.ok && Object.keys(none.errors)).toEqual(['channels']);
  });

  it('a problem with one item of a list chosen in one box belongs to that box', () => {
    expect(formField('channels[2]')).toBe('channels');
    expect(formField('stages[1].escalateWhen[0]')).toBe('stages.1.escalateWhen');
    expect(formField('stages[0].enteredBy[1]')).toBe('stages.0.enteredBy');
    expect(formField('stages[1].target.amount')).toBe('stages.1.target.amount');
    expect(formField('notes[3]')).toBe('notes');
    expect(formField('provider.name')).toBe('provider.name');
  });

  it('stages moved, added and removed, an acknowledgement target, an escalation rule and the ADR scheme: saved and followed by the engine', () => {
    const form = procedureToForm(copyOfProcedure(KIJOMA, new Set(['kijoma'])));
    // Add a stage (the editor puts it before the first stage run outside the provider), fill it in, move it up one,
    // and take "Management review" out.
    const added = {
      ...emptyStage('stage-4'),
      name: 'Head of support review',
      owner: 'Head of support',
      target: {
        on: true,
        amount: 10 as const,
        unit: 'working-days' as const,
        what: 'a final reply',
        action: '',
        basis: '',
      },
    };
    form.stages.splice(
      form.stages.findIndex((st) => st.external),
      0,
      added,
    );
    expect(form.stages.map((st) => st.id)).toEqual(['customer-services', 'management-review', 'stage-4', 'adr']);
    const [moved] = form.stages.splice(2, 1);
    form.stages.splice(1, 0, moved);
    form.stages.splice(
      form.stages.findIndex((st) => st.id === 'management-review'),
      1,
    );
    form.acknowledgement = {
      ...form.acknowledgement,
      on: true,
      amount: 2,
      unit: 'working-days',
      what: 'an acknowledgement',
    };
    form.stages[0].escalateWhen = ['missed-target'];
    form.adrSchemeId = 'communications-ombudsman';

    const checked = checkProcedureForm(form);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const p = checked.procedure;
    expect(p.stages.map((st) => [st.id, st.name, st.owner])).toEqual([
      ['customer-services', 'Customer services', 'Customer services team'],
      ['stage-4', 'Head of support review', 'Head of support'],
      ['adr', 'Independent review (CISAS)', 'CISAS'],
    ]);
    expect(p.stages[1]).toEqual({
      id: 'stage-4',
      name: 'Head of support review',
      owner: 'Head of support',
      description: '',
      target: { amount: 10, unit: 'working-days', what: 'a final reply' },
      escalateWhen: ['unresolved'],
    });
    expect(p.acknowledgement).toEqual({ amount: 2, unit: 'working-days', what: 'an acknowledgement' });
    expect(p.stages[0].escalateWhen).toEqual(['missed-target']);
    expect(p.adrSchemeId).toBe('communications-ombudsman');
    // The saved form reads back as it was edited.
    expect(procedureFromForm(procedureToForm(p))).toEqual(p);

    const procedures = withProcedures(DEFAULT_PROCEDURES, [p]);
    const facts = (events: Array<{ type: 'escalated'; on: string }>) => ({
      procedureId: p.id,
      calendar: 'england-and-wales' as const,
      receivedOn: '2026-11-23',
      channel: 'letter' as const,
      events,
    });
    // Received Monday 23 Nov: acknowledged within 2 working days (Wednesday 25); the customer-services reply was due
    // Monday 30 Nov, so on 1 Dec the missed target says to escalate, to the stage that now comes second.
    const waiting = evaluateCase(facts([]), '2026-12-01', { procedures });
    expect(waiting.clocks.find((c) => c.id === 'acknowledgement')?.dueOn).toBe('2026-11-25');
    expect(waiting.clocks.find((c) => c.id === 'stage-response')?.dueOn).toBe('2026-11-30');
    expect(waiting.nextActions.find((a) => a.id === 'escalate')?.label).toBe('Escalate to Head of support review');
    expect(waiting.adrScheme?.name).toBe('Communications Ombudsman');
    // Escalated on Tuesday 24 Nov: the new stage, its own 10 working days (Tuesday 8 Dec).
    const escalated = evaluateCase(facts([{ type: 'escalated', on: '2026-11-24' }]), '2026-12-01', { procedures });
    expect(escalated).toMatchObject({ stage: 'stage-4', stageName: 'Head of support review', escalationLevel: 1 });
    expect(escalated.clocks.find((c) => c.id === 'stage-response')?.dueOn).toBe('2026-12-08');
  });
});

describe('a copy’s name', () => {
  it('is compared whatever its letter case and spacing', () => {
    expect(procedureNameKey('  Kijoma   Broadband (COPY) ')).toBe(procedureNameKey('kijoma broadband (copy)'));
    expect(procedureNameKey('Kijoma (copy)')).not.toBe(procedureNameKey('Kijoma (copy 2)'));
    const procedures = [KIJOMA, JIVE_CA];
    expect(procedureNamedLike('KIJOMA broadband complaints procedure', 'mine', procedures)).toBe(KIJOMA);
    // A procedure's own name is its own.
    expect(procedureNamedLike(KIJOMA.name, KIJOMA.id, procedures)).toBeUndefined();
    expect(procedureNamedLike('Kijoma, second office', 'mine', procedures)).toBeUndefined();
  });

  it('is numbered inside its closing bracket, whatever its words, until it is free', () => {
    expect(freeName('Kijoma (copy)', [])).toBe('Kijoma (copy)');
    expect(freeName('Kijoma (copy)', ['kijoma (COPY)'])).toBe('Kijoma (copy 2)');
    expect(freeName('Kijoma (copy)', ['Kijoma (copy)', 'Kijoma (Copy 2)', 'Kijoma (copy 4)'])).toBe('Kijoma (copy 3)');
    // The suffix as it is given (another language's words, or none in brackets).
    expect(freeName('Jive Canada (copie)', ['Jive Canada (copie)'])).toBe('Jive Canada (copie 2)');
    expect(freeName('Copy of Jive', ['copy of jive', 'Copy of Jive 2'])).toBe('Copy of Jive 3');
  });

  it('of a copy never clashes with a procedure the desk has', () => {
    const names = [KIJOMA.name, `${KIJOMA.name} (copy)`];
    expect(copyOfProcedure(KIJOMA, new Set(), 'a1b2c3d4', names).name).toBe(`${KIJOMA.name} (copy 2)`);
    expect(copyOfProcedure(KIJOMA, new Set(), 'a1b2c3d4').name).toBe(`${KIJOMA.name} (copy)`);
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

  it('a copy is named "(copy)" in English, or as the interface names it', () => {
    expect(copy.name).toBe('Kijoma Broadband complaints procedure (copy)');
    const inFrench = (name: string) => `${name} (copie)`;
    expect(copyOfProcedure(KIJOMA, new Set(), undefined, [], inFrench).name).toBe(
      'Kijoma Broadband complaints procedure (copie)',
    );
    // Named apart in French as in English.
    const names = ['Kijoma Broadband complaints procedure (copie)'];
    expect(copyOfProcedure(KIJOMA, new Set(), undefined, names, inFrench).name).toBe(
      'Kijoma Broadband complaints procedure (copie 2)',
    );
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

  it('a later version no case follows yet moves its day only to after the last case of the version before', () => {
    const v2 = { ...copy, version: 2, effectiveFrom: '2027-02-01' };
    // A case following version 1 came on 2 Dec 2026: version 2 may not take effect on or before that day.
    expect(savePlan({ ...v2, effectiveFrom: '2026-12-01' }, v2, null, '2026-12-02')).toMatchObject({
      ok: false,
      field: 'effectiveFrom',
      refusal: { kind: 'effective-too-early', version: 1, date: '2026-12-02' },
    });
    expect(savePlan({ ...v2, effectiveFrom: '2026-12-02' }, v2, null, '2026-12-02')).toMatchObject({ ok: false });
    expect(savePlan({ ...v2, effectiveFrom: '2026-12-03' }, v2, null, '2026-12-02')).toMatchObject({
      ok: true,
      newVersion: false,
      procedure: { version: 2, effectiveFrom: '2026-12-03' },
    });
    // No case on version 1: the day is free.
    expect(savePlan({ ...v2, effectiveFrom: '2026-11-01' }, v2, null, null)).toMatchObject({ ok: true });
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
    // No version said: said so, not "format version undefined" (explore34b #12).
    expect(readProcedureFile('{"format":"redress-procedure","procedure":{}}')).toEqual({
      ok: false,
      message:
        'This procedure file does not say which format version it is (formatVersion); this Redress reads version 1.',
      said: { code: 'file-version-missing' },
    });
    expect(readProcedureFile('{"format":"redress-procedure","formatVersion":2}')).toMatchObject({
      message: 'This procedure file is of format version 2; this Redress reads version 1.',
    });
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
