import { describe, expect, it } from 'vitest';
import { caseFacts, copyOfProcedure, evaluateCase, installDeskProcedures, JIVE_CA } from '#shared/rules/index';
import { effectiveTimeline } from '#shared/model/effective';
import { caseRecord, Desk } from '#test/support/case-desk';
import {
  applyCorrections,
  correctableFacts,
  correctedValueText,
  correctionFormValues,
  correctionNames,
  correctionMismatches,
  correctionPreview,
  dueDateChanges,
  fieldOptions,
  followProvider,
  getAction,
  offersVoid,
  VOIDABLE_TYPES,
  voidEffects,
  whyNotVoid,
} from './index';

const record = caseRecord;

const adrDue = (desk: Desk) => desk.evaluation().clocks.find((c) => c.id === 'adr-letter')?.dueOn;

describe('correcting the complaint’s facts', () => {
  it('writes ONE corrected entry with the old and new values, who, when and the reason; the clocks move', () => {
    const desk = new Desk(record(), '2026-12-02');
    expect(adrDue(desk)).toBe('2027-01-08');
    const e = desk.do('correct-facts', { receivedOn: '2026-11-10', reason: 'Letter was date-stamped 10 November' });
    expect(e).toMatchObject({
      type: 'corrected',
      on: '2026-12-02',
      by: 'Sam Patel',
      data: {
        changed: ['receivedOn'],
        before: { receivedOn: '2026-11-27' },
        after: { receivedOn: '2026-11-10' },
        reason: 'Letter was date-stamped 10 November',
      },
    });
    expect(e.summary).toBe('Corrected date received 2026-11-27 → 2026-11-10: Letter was date-stamped 10 November');
    expect(desk.record.receivedOn).toBe('2026-11-10');
    // Ofcom GC C4: 6 weeks from receipt.
    expect(adrDue(desk)).toBe('2026-12-22');
    expect(desk.events.filter((x) => x.type === 'corrected')).toHaveLength(1);
  });

  it('asks for a reason, refuses a correction that changes nothing and a date received after the first entry', () => {
    const desk = new Desk(record(), '2026-12-02');
    desk.do('acknowledge', { on: '2026-11-30' });
    const noReason = desk.build('correct-facts', { channel: 'letter' });
    expect(noReason.ok ? null : noReason.errors.reason).toBe('Give the reason for the correction');
    const nothing = desk.build('correct-facts', { reason: 'Checking' });
    expect(nothing.ok ? null : nothing.message).toBe(
      'Correct the complaint’s facts: Nothing has changed: correct a field first.',
    );
    const late = desk.build('correct-facts', { receivedOn: '2026-12-01', reason: 'Typo' });
    expect(late.ok ? null : late.errors.receivedOn).toMatch(
      /^The date received cannot be after the first entry on the timeline \(2026-11-30/,
    );
    const future = desk.build('correct-facts', { receivedOn: '2026-12-03', reason: 'Typo' });
    expect(future.ok ? null : future.errors.receivedOn).toBe('The date received cannot be in the future');
    const noAuthority = desk.build('correct-facts', { repName: 'Ann Lee', repRelationship: 'Daughter', reason: 'x' });
    expect(noAuthority.ok ? null : noAuthority.errors.repAuthority).toBe(
      'Choose what shows they may act for the customer',
    );
  });

  it('quotes a long first entry cut short with an ellipsis, as the timeline’s other refusals do', () => {
    const desk = new Desk(record(), '2026-12-02');
    const long = 'Customer rang to say the engineer did not come and the router still drops every evening';
    desk.do('add-note', { on: '2026-11-30', summary: long });
    const late = desk.build('correct-facts', { receivedOn: '2026-12-01', reason: 'Typo' });
    const refusal = late.ok ? '' : (late.errors.receivedOn ?? '');
    expect(refusal).toContain(`${long.slice(0, 59).trimEnd()}…`);
    expect(refusal).not.toContain(long);
  });

  it('a representative logged at intake (no authority asked there) does not block correcting another fact', () => {
    const logged = record({ representative: { name: 'Daniel O’Brien', relationship: 'Son' } });
    const desk = new Desk(logged, '2026-12-02');
    const e = desk.do('correct-facts', { receivedOn: '2026-11-10', reason: 'Postmark' });
    expect(e.data).toMatchObject({ changed: ['receivedOn'] });
    expect(desk.record.representative).toEqual({ name: 'Daniel O’Brien', relationship: 'Son' });
    // Someone else acting for the customer still needs their authority shown.
    const other = desk.build('correct-facts', { repName: 'Ann O’Brien', reason: 'Daughter now acts' });
    expect(other.ok ? null : other.errors.repAuthority).toBe('Choose what shows they may act for the customer');
  });

  it('a representative added or renamed here can be given a postal address; correcting a name keeps it (explore36-team #4)', () => {
    const dover = { lines: ['3 Mill Lane', 'Dover'], postcode: 'CT16 1AA' };
    const logged = record({ representative: { name: 'Daniel OBrien', relationship: 'Son', address: dover } });
    const desk = new Desk(logged, '2026-12-02');
    const written = { repAuthority: 'written-consent', repAuthorityOn: '2026-11-25' };
    desk.do('correct-facts', { repName: 'Daniel O’Brien', ...written, reason: 'Name misspelt' });
    expect(desk.record.representative?.address).toEqual(dover);
    desk.do('correct-facts', {
      repName: 'Ann Lee',
      repRelationship: 'Daughter',
      repAddress: ' 1 High Street \n\nLeeds',
      repPostcode: 'ls1 1aa',
      ...written,
      reason: 'Daughter now acts',
    });
    expect(desk.record.representative?.address).toEqual({ lines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' });
    const noPostcode = desk.build('correct-facts', { repAddress: '2 Low Road\nYork', repPostcode: '', reason: 'x' });
    expect(noPostcode.ok ? null : noPostcode.errors.repPostcode).toBe('Enter the postcode for this address');
    const tooLong = desk.build('correct-facts', { repAddress: 'a\nb\nc\nd\ne\nf\ng', reason: 'x' });
    expect(tooLong.ok ? null : tooLong.errors.repAddress).toBeTruthy();
  });

  it('a correction does not stop a later entry being dated before it', () => {
    const desk = new Desk(record(), '2026-12-02');
    desk.do('correct-facts', { category: 'service', reason: 'Miscategorised' });
    expect(() => desk.do('acknowledge', { on: '2026-11-28' })).not.toThrow();
  });

  it('neither do a handover, a change of details, vulnerability details or a letter issued or withdrawn, made today', () => {
    for (const type of [
      'reassigned',
      'customer-edited',
      'vulnerability',
      'letter-issued',
      'letter-withdrawn',
    ] as const) {
      const desk = new Desk(record(), '2026-12-02');
      const at = '2026-12-02T09:00:00.000Z';
      desk.events.push({
        id: `x-${type}`,
        caseId: desk.record.id,
        type,
        on: '2026-12-02',
        at,
        by: 'Sam Patel',
        summary: type,
      });
      expect(() => desk.do('acknowledge', { on: '2026-11-28' }), type).not.toThrow();
    }
    // A contact today still stops an earlier one (the timeline of the complaint's handling only grows forward).
    const desk = new Desk(record(), '2026-12-02');
    const call = desk.do('log-contact', {
      on: '2026-12-02',
      channel: 'phone',
      direction: 'to-customer',
      summary: 'Called',
    });
    expect(() => desk.do('acknowledge', { on: '2026-11-28' })).toThrow(/before the last entry/);
    // Voided, it no longer does: that is how an earlier entry is recorded (the user guide), also when another desk's
    // fast clock dated the later one tomorrow (explore40-team #3).
    desk.do('void-entry', { entryId: call.id, reason: 'Dated by a clock a day fast' });
    expect(() => desk.do('acknowledge', { on: '2026-11-28' })).not.toThrow();
  });

  it('the case’s current values are its entries applied to the facts as logged (the projection)', () => {
    const logged = record({ communication: { largePrint: true } });
    const desk = new Desk(logged, '2026-12-02');
    desk.do('correct-facts', { receivedOn: '2026-11-20', channel: 'letter', reason: 'Postmark' });
    desk.do('correct-facts', {
      repName: 'Ann Lee',
      repRelationship: 'Daughter',
      repAuthority: 'written-consent',
      repAuthorityOn: '2026-11-25',
      reason: 'Consent form arrived',
    });
    desk.do('acknowledge', { on: '2026-11-26' });
    desk.do('correct-facts', {
      repName: 'Ann Lee',
      repRelationship: 'Daughter',
      repAuthority: 'power-of-attorney',
      repAuthorityOn: '2026-12-01',
      language: 'fr-CA',
      largePrint: '',
      summary: 'Charged twice in November',
      reason: 'Lasting power of attorney seen',
    });
    desk.do('correct-facts', { procedureId: 'miso', category: 'service', reason: 'Wrong brand' });
    desk.do('correct-facts', { repName: '', reason: 'The customer withdrew the consent' });
    expect(desk.record.representative).toBeUndefined();
    expect(desk.record.communication).toEqual({ language: 'fr-CA' });
    expect(desk.record.procedureId).toBe('miso');
    expect(applyCorrections(correctableFacts(logged), desk.events)).toEqual(correctableFacts(desk.record));
    // The representative's authority was recorded on the way.
    const third = desk.events.filter((e) => e.type === 'corrected')[2];
    expect((third.data!.after as Record<string, unknown>).representative).toEqual({
      name: 'Ann Lee',
      relationship: 'Daughter',
      authority: { kind: 'power-of-attorney', on: '2026-12-01' },
    });
  });

  it('writes who acts for the customer whole in the headline, never cut inside the day or a bracket', () => {
    const desk = new Desk(record(), '2026-12-02');
    const e = desk.do('correct-facts', {
      repName: 'Ravi Shah',
      repRelationship: 'Son',
      repAuthority: 'written-consent',
      repAuthorityOn: '2026-11-25',
      largePrint: 'on',
      reason: 'Consent form arrived',
    });
    // Cut at 40 characters this read "Ravi Shah (Son), written consent (2026-…" (explore 27, finding 5).
    expect(e.summary).toBe(
      'Corrected representative (none) → Ravi Shah (Son), written consent (2026-11-25); ' +
        'communication needs (none) → large print: Consent form arrived',
    );
    // A long name and relationship are cut, each inside its own brackets' reach: every bracket opened is closed.
    const long = new Desk(record(), '2026-12-02').do('correct-facts', {
      repName: 'Ravindra Venkataraman Shah-Lakshminarayanan',
      repRelationship: 'Nephew (through his late brother)',
      repAuthority: 'power-of-attorney',
      repAuthorityOn: '2026-11-25',
      reason: 'Lasting power of attorney seen',
    });
    expect(long.summary).toBe(
      'Corrected representative (none) → Ravindra Venkataraman Shah-La… (Nephew…), power of attorney (2026-11-25): ' +
        'Lasting power of attorney seen',
    );
  });

  it('says before saving which due dates change', () => {
    const desk = new Desk(record(), '2026-12-02');
    const ctx = desk.context();
    const preview = correctionPreview({ receivedOn: '2026-11-10' }, ctx)!;
    expect(preview.error).toBeNull();
    expect(preview.dueDates.find((d) => d.clockId === 'adr-letter')).toEqual({
      clockId: 'adr-letter',
      label: desk.evaluation().clocks.find((c) => c.id === 'adr-letter')!.label,
      from: '2027-01-08',
      to: '2026-12-22',
    });
    // Every listed change is a real difference between the two evaluations, and nothing else is listed.
    const after = evaluateCase(caseFacts({ ...desk.record, receivedOn: '2026-11-10' }, desk.events), desk.today);
    expect(preview.dueDates).toEqual(dueDateChanges(desk.evaluation(), after));
    expect(preview.dueDates.every((d) => d.from !== d.to)).toBe(true);
    expect(correctionPreview({ category: 'service' }, ctx)?.dueDates).toEqual([]);
    expect(correctionPreview({}, ctx)).toBeNull();
  });

  it('says when a moved date has already passed, so the clock is overdue once saved (and when it no longer is)', () => {
    // Received 27 November: every clock runs. Corrected to a receipt in August, the ADR letter (8 weeks in UK working
    // days) fell due in October: missed on 2 December, the desk's day.
    const desk = new Desk(record(), '2026-12-02');
    const moved = correctionPreview({ receivedOn: '2026-08-03' }, desk.context())!;
    const adr = moved.dueDates.find((d) => d.clockId === 'adr-letter')!;
    expect(adr.to! < desk.today).toBe(true);
    expect(adr.missed).toBe('now-missed');
    // The engine's own judgement, not a date comparison of its own: the same as the evaluation after the change.
    const after = evaluateCase(caseFacts({ ...desk.record, receivedOn: '2026-08-03' }, desk.events), desk.today);
    expect(after.clocks.find((c) => c.id === 'adr-letter')!.state).toBe('missed');
    // A date that moves but stays ahead says nothing of the kind: the ADR letter moved to 22 December. (Received on 10
    // November, the acknowledgement, never sent, is overdue though, and is said to be.)
    const ahead = correctionPreview({ receivedOn: '2026-11-10' }, desk.context())!;
    expect(ahead.dueDates.find((d) => d.clockId === 'adr-letter')).not.toHaveProperty('missed');
    for (const d of ahead.dueDates) expect(d.missed === 'now-missed').toBe(d.to! < desk.today);
    // The other way round: a case logged in August with the wrong date, corrected to December, is no longer overdue.
    const late = new Desk(record({ receivedOn: '2026-08-03' }), '2026-12-02');
    const back = correctionPreview({ receivedOn: '2026-12-01' }, late.context())!;
    expect(back.dueDates.find((d) => d.clockId === 'adr-letter')!.missed).toBe('no-longer-missed');
  });

  it('says when a corrected date received puts the ADR letter already sent before its day', () => {
    // Received 20 October: the ADR letter fell due on 1 December and was sent on the 2nd.
    const desk = new Desk(record({ receivedOn: '2026-10-20' }), '2026-12-06');
    desk.do('acknowledge', { on: '2026-11-12' });
    desk.do('adr-letter-sent', { on: '2026-12-02' });
    const moved = correctionPreview({ receivedOn: '2026-11-10' }, desk.context())!;
    const adr = moved.dueDates.find((d) => d.clockId === 'adr-letter')!;
    expect(adr).toMatchObject({ to: '2026-12-22', sentEarlyOn: '2026-12-02' });
    // A correction that keeps the letter after its day says nothing of the kind.
    const earlier = correctionPreview({ receivedOn: '2026-10-13' }, desk.context())!;
    expect(earlier.dueDates.find((d) => d.clockId === 'adr-letter')).not.toHaveProperty('sentEarlyOn');
  });
});

describe('voiding a mistaken entry', () => {
  it('can void every entry about the handling, and none of the receipt, record edits, letters, attachments, corrections or voids', () => {
    expect([...VOIDABLE_TYPES]).toEqual([
      'acknowledged',
      'contact',
      'update-sent',
      'responded',
      'escalated',
      'paused',
      'resumed',
      'resolution-proposed',
      'resolution-accepted',
      'resolution-rejected',
      'resolved',
      'deadlock',
      'adr-letter-sent',
      'referred-to-adr',
      'ccts-referral',
      'ccts-informed',
      'ccts-report',
      'closed',
      'note',
      'compensation',
      'reopened',
    ]);
  });

  function escalatedTwice() {
    const desk = new Desk(record({ procedureId: 'miso' }), '2026-12-02');
    desk.do('escalate', { on: '2026-11-28', reason: 'Asked for a manager' });
    return desk;
  }

  it('refuses to void what a standing letter says happened; offers it again once the letter is withdrawn', () => {
    const desk = new Desk(record(), '2026-12-02');
    // An acknowledgement letter, and the acknowledgement it recorded beside itself, at the same moment.
    const at = '2026-11-28T10:00:00.000Z';
    const letter = { id: 'issued-1', caseId: desk.record.id, at, by: 'Sam Patel', on: '2026-11-28' };
    desk.events.push({
      ...letter,
      type: 'letter-issued',
      summary: 'Acknowledgement letter issued',
      data: { letterId: 'L1', kind: 'acknowledgement', fileName: 'RDR-2026-000001-acknowledgement.pdf', sha256: 'a' },
    });
    const ack = { ...letter, id: 'ack-1', type: 'acknowledged' as const, summary: 'Complaint acknowledged by letter' };
    desk.events.push(ack);
    const ctx = desk.context();
    expect(offersVoid(ack.id, ctx.events)).toBe(true);
    expect(whyNotVoid(ack.id, ctx.events)).toBe(
      'The letter RDR-2026-000001-acknowledgement.pdf says this happened and still stands: if it never reached the customer, withdraw it first, then void this entry.',
    );
    desk.events.push({
      ...letter,
      id: 'withdrawn-1',
      at: '2026-12-01T10:00:00.000Z',
      on: '2026-12-01',
      type: 'letter-withdrawn',
      summary: 'Letter withdrawn',
      data: { letterId: 'L1', reason: 'Never posted' },
    });
    expect(whyNotVoid(ack.id, desk.context().events)).toBeNull();
    // A corrected acknowledgement letter records no second acknowledgement, but says the first one happened.
    desk.events.push({
      ...letter,
      id: 'issued-2',
      at: '2026-12-01T11:00:00.000Z',
      on: '2026-12-01',
      type: 'letter-issued',
      summary: 'Acknowledgement letter issued',
      data: { letterId: 'L2', kind: 'acknowledgement', fileName: 'RDR-2026-000001-acknowledgement-2.pdf', sha256: 'b' },
    });
    expect(whyNotVoid(ack.id, desk.context().events)).toMatch(
      /^The letter RDR-2026-000001-acknowledgement-2\.pdf says/,
    );
    expect(desk.build('void-entry', { entryId: ack.id, reason: 'Not sent' }).ok).toBe(false);
  });

  it('the entry stays, the rules ignore it: a voided escalation puts the stage back', () => {
    const desk = new Desk(record(), '2026-12-02');
    const escalation = desk.do('escalate', { on: '2026-11-28', reason: 'Clicked by mistake' });
    expect(desk.record.stage).toBe('management-review');
    const v = desk.do('void-entry', { entryId: escalation.id, reason: 'Escalated the wrong case' });
    expect(v).toMatchObject({
      type: 'voided',
      on: '2026-12-02',
      by: 'Sam Patel',
      data: {
        entryId: escalation.id,
        entryType: 'escalated',
        entryOn: '2026-11-28',
        reason: 'Escalated the wrong case',
      },
    });
    expect(desk.events).toContainEqual(escalation);
    expect(desk.evaluation().stage).toBe('customer-services');
    expect(desk.record.stage).toBe('customer-services');
    expect(effectiveTimeline(desk.events).map((e) => e.id)).not.toContain(escalation.id);
  });

  it('says when the entry voided is about someone else (left out of a subject-access copy), only when ticked', () => {
    const desk = new Desk(record(), '2026-12-02');
    const note = desk.do('add-note', { on: '2026-11-28', summary: 'Her neighbour Bob has the same fault' });
    const slip = desk.do('add-note', { on: '2026-11-28', summary: 'Called twice' });
    const about = desk.do('void-entry', { entryId: note.id, reason: 'Wrong case', aboutSomeoneElse: 'yes' });
    const plain = desk.do('void-entry', { entryId: slip.id, reason: 'Typed twice', aboutSomeoneElse: '' });
    expect(about.data).toMatchObject({ entryId: note.id, aboutSomeoneElse: true });
    expect(plain.data).not.toHaveProperty('aboutSomeoneElse');
  });

  it('says what else it affects before it is voided: the stage and the later escalation that depends on it', () => {
    const desk = escalatedTwice();
    const first = desk.events[1];
    const second = desk.do('escalate', { on: '2026-11-30', reason: 'Still unhappy' });
    const effects = voidEffects(first.id, desk.context())!;
    expect(effects.dependents.map((e) => e.id)).toEqual([second.id]);
    // The later escalation names the stage it moved to, so the stage stays; it is listed as depending on the first.
    expect(effects).toMatchObject({ stage: null, error: null });
    // A note depends on nothing.
    const note = desk.do('add-note', { on: '2026-12-01', summary: 'Called back' });
    expect(voidEffects(note.id, desk.context())).toMatchObject({ dependents: [], stage: null, dueDates: [] });
  });

  it('says when a void turns a clock met on its day into one not met, the day unchanged (explore34a #2)', () => {
    // Miso acknowledges at once: received 27 November, acknowledged that day (met). Voided, it is missed.
    const desk = new Desk(record({ procedureId: 'miso', stage: 'front-line' }), '2026-12-02');
    const ack = desk.do('acknowledge', { on: '2026-11-27', channel: 'email' });
    expect(desk.evaluation().clocks.find((c) => c.id === 'acknowledgement')?.state).toBe('met');
    const effects = voidEffects(ack.id, desk.context())!;
    expect(effects.dueDates.find((d) => d.clockId === 'acknowledgement')).toMatchObject({
      from: '2026-11-27',
      to: '2026-11-27',
      standing: { from: 'met', to: 'missed' },
    });
    // A note's void changes nothing of the kind.
    const note = desk.do('add-note', { on: '2026-12-01', summary: 'Called back' });
    expect(voidEffects(note.id, desk.context())!.dueDates).toEqual([]);
  });

  it('cannot void the receipt, a void, a correction, or an entry already voided', () => {
    const desk = new Desk(record(), '2026-12-02');
    const note = desk.do('add-note', { on: '2026-11-28', summary: 'Wrong case' });
    const v = desk.do('void-entry', { entryId: note.id, reason: 'Wrong case' });
    const c = desk.do('correct-facts', { category: 'service', reason: 'x' });
    const message = (entryId: string) => {
      const r = desk.build('void-entry', { entryId, reason: 'Because' });
      return r.ok ? null : r.message;
    };
    expect(message('e0')).toBe('The receipt of the complaint cannot be voided: correct the date received instead.');
    expect(message(v.id)).toBe('A void is final: it cannot itself be voided.');
    expect(message(c.id)).toBe('A correction cannot be voided: correct the facts again instead.');
    expect(message(note.id)).toBe('This entry was already voided on 2026-12-02 by Sam Patel.');
    expect(message('nope')).toBe('Choose the entry to void from the timeline.');
    const noReason = desk.build('void-entry', { entryId: 'e0' });
    expect(noReason.ok).toBe(false);
  });
});

describe('reopening', () => {
  it('a closed case reopens with a reason; status and stage derive from it', () => {
    const desk = new Desk(record(), '2026-12-02');
    expect(desk.allowed()).not.toContain('reopen');
    desk.do('resolve', { on: '2026-11-28', summary: 'Refunded' });
    desk.do('close', { on: '2026-11-29' });
    expect(desk.record.status).toBe('closed');
    expect(desk.allowed()).toContain('reopen');
    const missing = desk.build('reopen', { on: '2026-12-01' });
    expect(missing.ok ? null : missing.errors.reason).toBe('Give the reason for reopening');
    const e = desk.do('reopen', { on: '2026-12-01', reason: 'The refund never arrived' });
    expect(e).toMatchObject({ type: 'reopened', summary: 'Case reopened: The refund never arrived' });
    expect(desk.evaluation().status).toBe('open');
    expect(desk.record.status).toBe('open');
    expect(desk.allowed()).toContain('escalate');
    expect(desk.allowed()).not.toContain('reopen');
    // Closed again later: the later closure counts.
    desk.do('resolve', { on: '2026-12-02', summary: 'Refund paid' });
    desk.do('close', { on: '2026-12-02' });
    expect(desk.evaluation().status).toBe('closed');
  });
});

describe('moving a case to another provider (issue #16)', () => {
  const providers = [
    { id: 'first', name: 'Kijoma UK', calendar: 'england-and-wales' as const },
    { id: 'scot', name: 'Kijoma Scotland', calendar: 'scotland' as const },
    { id: 'old', name: 'Old brand', calendar: 'england-and-wales' as const, retiredOn: '2026-01-01' },
  ];

  it('is a correction: the provider and its calendar change, the entry names both providers and the dates move', () => {
    const desk = new Desk(record(), '2026-12-02', providers);
    const ctx = desk.context();
    const preview = correctionPreview({ providerId: 'scot', reason: 'Scottish customer' }, ctx);
    // St Andrew's Day (Mon 30 Nov 2026) is a Scottish bank holiday: working-day targets move a day later.
    expect(preview?.dueDates.length).toBeGreaterThan(0);
    for (const change of preview!.dueDates) expect(change.to! > change.from!).toBe(true);
    const e = desk.do('correct-facts', { providerId: 'scot', reason: 'Scottish customer' });
    expect(e.data).toMatchObject({
      changed: ['providerId', 'calendar'],
      before: { providerId: 'first', calendar: 'england-and-wales' },
      after: { providerId: 'scot', calendar: 'scotland' },
      names: { first: 'Kijoma UK', scot: 'Kijoma Scotland' },
    });
    expect(e.summary).toContain('provider Kijoma UK → Kijoma Scotland');
    expect(desk.record).toMatchObject({ providerId: 'scot', calendar: 'scotland' });
    // The projection gives the same: the case as logged with its corrections applied.
    const facts = applyCorrections(correctableFacts(record()), desk.events);
    expect(facts).toMatchObject({ providerId: 'scot', calendar: 'scotland' });
  });

  it('refuses a retired provider, an unknown one, and any change when the desk’s providers are not known', () => {
    const desk = new Desk(record(), '2026-12-02', providers);
    const retired = desk.build('correct-facts', { providerId: 'old', reason: 'x' });
    expect(retired.ok ? null : retired.errors.providerId).toBe(
      'Old brand is retired (2026-01-01): no case can be moved to it',
    );
    const unknown = desk.build('correct-facts', { providerId: 'nope', reason: 'x' });
    expect(unknown.ok ? null : unknown.errors.providerId).toBe('Choose the provider');
    const blind = new Desk(record(), '2026-12-02').build('correct-facts', { providerId: 'scot', reason: 'x' });
    expect(blind.ok ? null : blind.errors.providerId).toBe('Choose the provider');
  });

  it('offers the desk’s active providers and the case’s own, even when retired or unknown here', () => {
    const field = getAction('correct-facts').fields.find((f) => f.name === 'providerId')!;
    const onOld = new Desk(record({ providerId: 'old' }), '2026-12-02', providers).context();
    expect(fieldOptions(field, onOld).map((o) => o.label)).toEqual([
      'Kijoma UK',
      'Kijoma Scotland',
      'Old brand (retired)',
    ]);
    const elsewhere = new Desk(record({ providerId: 'other-desk' }), '2026-12-02', providers).context();
    expect(fieldOptions(field, elsewhere)[0]).toEqual({
      value: 'other-desk',
      label: 'Not one of this desk’s providers',
      provider: { kind: 'elsewhere' },
    });
  });

  it('offers the desk’s procedures as they are now, its own copies too (installed after the catalogue was read)', () => {
    const field = getAction('correct-facts').fields.find((f) => f.name === 'procedureId')!;
    const context = new Desk(record(), '2026-12-02', providers).context();
    const copy = copyOfProcedure(JIVE_CA, new Set());
    installDeskProcedures([copy]);
    try {
      expect(fieldOptions(field, context)).toContainEqual({ value: copy.id, label: copy.name });
      expect(fieldOptions(field, context)).toContainEqual({
        value: 'kijoma',
        label: 'Kijoma Broadband complaints procedure',
      });
    } finally {
      installDeskProcedures([]);
    }
    expect(fieldOptions(field, context).map((o) => o.value)).not.toContain(copy.id);
  });

  it('moves no case onto a retired procedure; a case already under it keeps it through another correction', () => {
    const copy = copyOfProcedure(JIVE_CA, new Set());
    installDeskProcedures([copy], [copy.id]);
    try {
      const desk = new Desk(record(), '2026-12-02', providers);
      const moved = desk.build('correct-facts', { procedureId: copy.id, reason: 'x' });
      expect(moved.ok ? null : moved.errors.procedureId).toBe(`${copy.name} is retired: no case can be moved to it`);
      const under = new Desk(record({ procedureId: copy.id }), '2026-12-02', providers);
      const kept = under.build('correct-facts', {
        procedureId: copy.id,
        summary: 'Charged three times in November',
        reason: 'x',
      });
      expect(kept.ok ? {} : kept.errors).toEqual({});
    } finally {
      installDeskProcedures([]);
    }
  });
});

describe('moving a case to another provider: its procedure follows, a mismatch is warned of (issue #16, p8d)', () => {
  const kijomaUk = {
    id: 'first',
    name: 'Kijoma UK',
    calendar: 'england-and-wales' as const,
    procedureId: 'kijoma',
    region: 'UK' as const,
    languages: ['en-GB' as const],
  };
  const jive = {
    id: 'jive',
    name: 'Jive Canada',
    calendar: 'canada' as const,
    procedureId: 'jive-ca',
    region: 'CA' as const,
    languages: ['fr-CA' as const, 'en-CA' as const],
  };
  const providers = [kijomaUk, jive];

  it('the form’s procedure follows the provider chosen, and goes back with it', () => {
    const ctx = new Desk(record(), '2026-12-02', providers).context();
    const values = correctionFormValues(ctx.record);
    const moved = followProvider(values, 'jive', ctx);
    expect(moved).toMatchObject({ providerId: 'jive', procedureId: 'jive-ca' });
    // The handler may still choose another procedure; going back to the case's own provider gives its own procedure.
    expect(followProvider({ ...moved, procedureId: 'miso' }, 'first', ctx)).toMatchObject({
      providerId: 'first',
      procedureId: 'kijoma',
    });
    // A provider whose procedure is not installed here leaves the procedure as it was.
    const stray = [...providers, { ...jive, id: 'stray', procedureId: 'not-installed' }];
    expect(followProvider(values, 'stray', { ...ctx, providers: stray }).procedureId).toBe('kijoma');
  });

  it('with the procedure followed: the dates move onto the Canadian calendar and nothing is warned of', () => {
    const desk = new Desk(record(), '2026-12-02', providers);
    const ctx = desk.context();
    const input = { ...followProvider(correctionFormValues(ctx.record), 'jive', ctx), reason: 'Canadian customer' };
    const preview = correctionPreview(input, ctx);
    expect(preview?.error).toBeNull();
    expect(preview?.dueDates.length).toBeGreaterThan(0);
    expect(preview?.mismatches).toBeUndefined();
    const e = desk.do('correct-facts', input);
    expect(e.data).toMatchObject({
      changed: ['procedureId', 'providerId', 'calendar'],
      before: { procedureId: 'kijoma', providerId: 'first', calendar: 'england-and-wales' },
      after: { procedureId: 'jive-ca', providerId: 'jive', calendar: 'canada' },
      // The procedures by the names they had (explore 27, finding 5: the entry read "procedure kijoma → jive-ca").
      procedureNames: {
        kijoma: 'Kijoma Broadband complaints procedure',
        'jive-ca': 'Jive Canada complaint handling code',
      },
    });
    expect(e.summary).toMatch(
      /^Corrected procedure Kijoma Broadband complaints procedure → Jive Canada complaint handling code; provider Kijoma UK → Jive Canada;/,
    );
    // The table under the entry names them too, by the names the entry kept (even after a rename).
    const names = correctionNames({ ...e.data, procedureNames: { ...e.data!.procedureNames!, kijoma: 'Old name' } });
    expect(correctedValueText('procedureId', 'kijoma', names)).toBe('Old name');
    // An entry written before the names were kept: the procedure as the desk calls it now, an unknown one by its id.
    expect(correctedValueText('procedureId', 'kijoma', correctionNames({}))).toBe(
      'Kijoma Broadband complaints procedure',
    );
    expect(correctedValueText('procedureId', 'gone', undefined)).toBe('gone');
    expect(desk.record).toMatchObject({ providerId: 'jive', procedureId: 'jive-ca', calendar: 'canada' });
  });

  it('keeping the UK procedure on the Canadian provider is warned of before saving, in words and with values', () => {
    const ctx = new Desk(record(), '2026-12-02', providers).context();
    const preview = correctionPreview({ providerId: 'jive', reason: 'Canadian customer' }, ctx);
    // The UK procedure counted on the Canadian calendar, for a Canadian provider, and its letters naming a UK scheme.
    expect(preview?.mismatches?.map((m) => m.code)).toEqual([
      'procedure-calendar',
      'procedure-region',
      'scheme-region',
    ]);
    expect(preview?.mismatches?.[0]).toMatchObject({
      message: expect.stringContaining('The UK procedure “Kijoma Broadband'),
      values: { procedureCountry: 'GB', calendar: 'canada', calendarCountry: 'CA', region: 'CA' },
    });
    // A UK case given a Canadian procedure on its own UK provider is warned of too.
    const proc = correctionPreview({ procedureId: 'jive-ca', reason: 'x' }, ctx);
    expect(proc?.mismatches?.map((m) => m.code)).toEqual(['procedure-calendar', 'procedure-region', 'scheme-region']);
    // Any other correction says nothing of the provider.
    expect(correctionPreview({ channel: 'letter', reason: 'x' }, ctx)?.mismatches).toBeUndefined();
  });

  it('does not repeat what the provider’s own set-up already has (the desk said why in Settings)', () => {
    // A Canadian brand set up, knowingly, on the Kijoma procedure: moving a case there with Kijoma warns of nothing new.
    const oddJive = { ...jive, id: 'odd', procedureId: 'kijoma' };
    const ctx = new Desk(record(), '2026-12-02', [...providers, oddJive]).context();
    const preview = correctionPreview({ providerId: 'odd', reason: 'x' }, ctx);
    expect(preview?.mismatches).toBeUndefined();
    // Providers given without their set-up (an older caller) cannot be checked: nothing is claimed.
    expect(correctionMismatches({ providerId: 'jive', procedureId: 'kijoma', calendar: 'canada' }, [])).toEqual([]);
  });
});
