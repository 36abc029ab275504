import { describe, expect, it } from 'vitest';
import { caseFacts, evaluateCase, getProcedure } from '#shared/rules/index';
import {
  type ActionInput,
  availableActions,
  buildActionEvent,
  CASE_ACTIONS,
  type CaseActionId,
  customerFieldLabel,
  customerFieldValue,
  defaultInput,
  fieldDescriptionPart,
  actionForNextStep,
  getAction,
  listActions,
  nextStage,
  readAmount,
  whyNot,
} from './index';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { customer } from '#test/support/cases';
import { problemOf } from '#shared/model/problems';

function record(procedureId: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'case-1',
    reference: 'RDR-2026-000001',
    receivedOn: '2026-09-01',
    channel: 'letter',
    customer: customer({ phone: '0113 496 0000' }),
    category: 'billing',
    summary: 'Charged twice',
    procedureId,
    calendar: procedureId === 'jive-ca' ? 'canada' : 'england-and-wales',
    stage: '',
    status: 'open',
    createdAt: '2026-09-01T10:00:00.000Z',
    updatedAt: '2026-09-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A case in memory: actions are built with the pure functions and appended, as performAction does in a transaction. */
class Desk {
  events: TimelineEvent[];
  private n = 0;
  constructor(
    public record: CaseRecord,
    public today: string,
  ) {
    this.events = [
      {
        id: 'e0',
        caseId: record.id,
        type: 'received',
        on: record.receivedOn,
        at: `${record.receivedOn}T09:00:00.000Z`,
        by: 'Sam',
        summary: 'Received',
      },
    ];
  }
  context(by = 'Sam Patel') {
    const procedure = getProcedure(this.record.procedureId);
    const evaluation = evaluateCase(caseFacts(this.record, this.events), this.today);
    return { record: this.record, events: this.events, evaluation, procedure, today: this.today, by };
  }
  evaluation() {
    return this.context().evaluation;
  }
  available() {
    const c = this.context();
    return availableActions(c.record, c.events, c.evaluation, c.procedure);
  }
  reason(id: CaseActionId) {
    return this.available().find((a) => a.id === id)!.reason;
  }
  build(id: CaseActionId, input: ActionInput) {
    const ctx = this.context();
    return buildActionEvent(id, { ...defaultInput(id, ctx), ...input }, ctx);
  }
  do(id: CaseActionId, input: ActionInput = {}) {
    const result = this.build(id, input);
    if (!result.ok) throw new Error(result.message);
    this.n += 1;
    this.events.push({
      id: `e${this.n}`,
      caseId: this.record.id,
      at: `${this.today}T10:00:${String(this.n).padStart(2, '0')}.000Z`,
      ...result.event,
    });
    if (result.customer) this.record = { ...this.record, customer: result.customer };
    if (result.communication !== undefined) {
      const { communication: _old, ...rest } = this.record;
      this.record = result.communication ? { ...rest, communication: result.communication } : rest;
    }
    return result.event;
  }
}

describe('the catalogue', () => {
  it('lists every action once, each writing one kind of timeline event, its form starting with the date', () => {
    const specs = listActions();
    expect(specs.map((s) => s.id)).toEqual([...CASE_ACTIONS]);
    // A correction and a void are dated the day they are made: no date to choose.
    const undated = new Set(['correct-facts', 'void-entry']);
    for (const s of specs.filter((spec) => !undated.has(spec.id))) {
      expect(s.fields[0]).toMatchObject({ name: 'on', kind: 'date', required: true });
    }
    expect(specs.filter((spec) => undated.has(spec.id)).map((s) => s.id)).toEqual(['correct-facts', 'void-entry']);
    for (const s of specs) expect(s.label).not.toBe('');
    expect(getAction('respond').eventType).toBe('responded');
    expect(getAction('record-payment').eventType).toBe('compensation');
    expect(getAction('edit-customer').eventType).toBe('customer-edited');
  });

  it('answers the "was the complaint resolved?" next step (a closure without a resolution, issue #15) by resolving', () => {
    const e = evaluateCase(caseFacts(record('kijoma'), []), '2026-09-10');
    expect(e.nextActions.some((a) => a.id === 'confirm-resolution')).toBe(false);
    const closed = evaluateCase(
      { ...caseFacts(record('kijoma'), []), events: [{ type: 'closed', on: '2026-09-05' }] },
      '2026-09-10',
    );
    const step = closed.nextActions.find((a) => a.id === 'confirm-resolution');
    expect(step?.label).toMatch(/^Was the complaint resolved\?/);
    expect(actionForNextStep('confirm-resolution')).toBe('resolve');
  });

  it('finds the next stage from the procedure: internal stages only', () => {
    const kinex = getProcedure('kinex');
    expect(nextStage(kinex, 'customer-service')?.id).toBe('escalation-team');
    expect(nextStage(kinex, 'resolution-manager')).toBeNull(); // the ADR stage is entered by a referral, not an escalation
    expect(nextStage(getProcedure('jive-ca'), 'head-of-support')).toBeNull();
    expect(nextStage(getProcedure('miso'), 'resolution-attempt-3')?.id).toBe('deadlock');
  });
});

describe('availableActions', () => {
  it('on a new UK case: acknowledge and respond are open; resume, acceptance, closing and CCTS actions say why not', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const allowed = desk
      .available()
      .filter((a) => a.allowed)
      .map((a) => a.id);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'acknowledge',
        'log-contact',
        'respond',
        'escalate',
        'pause',
        'propose-resolution',
        'resolve',
        'record-deadlock',
        'adr-letter-sent',
        'add-note',
        'record-payment',
        'edit-customer',
      ]),
    );
    expect(desk.reason('resume')).toBe('Resume is only possible while the case is paused.');
    expect(desk.reason('record-acceptance')).toBe('No resolution has been proposed yet.');
    expect(desk.reason('ccts-referral')).toBe('CCTS actions apply only to cases under the CCTS’s rules.');
    expect(desk.reason('ccts-informed')).toBe('CCTS actions apply only to cases under the CCTS’s rules.');
    expect(desk.reason('ccts-report')).toBe('CCTS actions apply only to cases under the CCTS’s rules.');
    expect(desk.reason('close')).toMatch(/^Resolve the complaint, or send the ADR letter, before closing it/);
    expect(desk.reason('referred-to-adr')).toMatch(
      /once the ADR letter is sent, a final position is given, or the ADR letter's date \(2026-10-13\) has passed/,
    );
    for (const a of desk.available())
      expect(a.allowed ? a.reason === undefined : (a.reason ?? '').length > 10).toBe(true);
  });

  it('gives every reason a code and values, so the interface can say it in its language (#17)', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const reasons = () =>
      desk
        .available()
        .filter((a) => !a.allowed)
        .map((a) => [a.id, a.reason!] as const);
    const uncoded = (list: ReturnType<typeof reasons>) => list.filter(([, r]) => !problemOf(r)).map(([id]) => id);
    const seen = [...reasons()];
    desk.do('acknowledge', { channel: 'email' });
    desk.do('pause', { reason: 'Waiting for bills' });
    seen.push(...reasons());
    expect(uncoded(seen)).toEqual([]);
    expect(problemOf(desk.reason('escalate')!)).toEqual({
      code: 'refused-paused',
      values: { on: { date: '2026-09-10' } },
    });
    expect(problemOf(desk.reason('acknowledge')!)?.code).toBe('refused-acknowledged');
  });

  it('on a Canadian case the ADR letter is refused and the CCTS actions are open', () => {
    const desk = new Desk(record('jive-ca'), '2026-09-10');
    expect(desk.reason('adr-letter-sent')).toBe(
      'The ADR letter applies only to UK procedures; Jive Canada complaint handling code uses the CCTS.',
    );
    expect(desk.reason('referred-to-adr')).toMatch(/record the CCTS referral/);
    expect(desk.reason('ccts-informed')).toBeUndefined();
    expect(desk.reason('ccts-referral')).toBeUndefined();
  });

  it('refuses escalation past the last internal stage, naming the procedure and the stage', () => {
    const desk = new Desk(record('jive-ca'), '2026-09-10');
    desk.do('escalate', { on: '2026-09-02', reason: 'Asked for a manager' });
    desk.do('escalate', { on: '2026-09-03', reason: 'Still unhappy' });
    expect(desk.evaluation().stage).toBe('head-of-support');
    expect(desk.reason('escalate')).toBe('Jive Canada complaint handling code has no stage after Head of support.');
    const refused = desk.build('escalate', { on: '2026-09-04', reason: 'Again' });
    expect(refused).toEqual({
      ok: false,
      errors: { action: 'Jive Canada complaint handling code has no stage after Head of support.' },
      message: 'Jive Canada complaint handling code has no stage after Head of support.',
    });
  });

  it('pausing: resume only while paused, no second pause, no escalation until resumed', () => {
    const desk = new Desk(record('infinity'), '2026-09-10');
    desk.do('pause', { on: '2026-09-02', reason: 'Waiting for a copy of the bill' });
    expect(desk.reason('resume')).toBeUndefined();
    expect(desk.reason('pause')).toBe('The case is already paused (since 2026-09-02).');
    expect(desk.reason('escalate')).toBe(
      'The case is paused, waiting for the customer since 2026-09-02: resume it first.',
    );
    desk.do('resume', { on: '2026-09-04' });
    expect(desk.reason('resume')).toBe('Resume is only possible while the case is paused.');
    expect(desk.reason('escalate')).toBeUndefined();
  });

  it('acceptance and rejection answer the latest proposal, once', () => {
    const desk = new Desk(record('kijoma'), '2026-09-10');
    desk.do('propose-resolution', { on: '2026-09-02', summary: 'Refund of £12.50' });
    expect(desk.reason('record-acceptance')).toBeUndefined();
    desk.do('record-rejection', { on: '2026-09-03', channel: 'phone', summary: 'Wants more' });
    expect(desk.reason('record-acceptance')).toBe(
      'The customer already rejected the proposal of 2026-09-02 (on 2026-09-03); propose a new resolution first.',
    );
    desk.do('propose-resolution', { on: '2026-09-04', summary: 'Refund of £25' });
    const accepted = desk.do('record-acceptance', { on: '2026-09-05', channel: 'email', who: 'Ada Lovelace' });
    expect(accepted).toMatchObject({
      type: 'resolution-accepted',
      on: '2026-09-05',
      data: { channel: 'email', who: 'Ada Lovelace' },
    });
    expect(accepted.summary).toBe('Ada Lovelace accepted the proposed resolution (by email)');
  });

  it('the answer to a proposal starts as made the way the proposal was, not the complaint (explore40-team #8d)', () => {
    const desk = new Desk({ ...record('kijoma'), channel: 'letter' }, '2026-09-10');
    // No proposal yet: the complaint's channel, as for every other step.
    expect(defaultInput('record-acceptance', desk.context()).channel).toBe('letter');
    desk.do('propose-resolution', { on: '2026-09-02', channel: 'phone', summary: 'Refund of £12.50' });
    expect(defaultInput('record-acceptance', desk.context()).channel).toBe('phone');
    expect(defaultInput('record-rejection', desk.context()).channel).toBe('phone');
    desk.do('record-rejection', { on: '2026-09-03', channel: 'phone', summary: 'Wants more' });
    const second = desk.do('propose-resolution', { on: '2026-09-04', channel: 'email', summary: 'Refund of £25' });
    expect(defaultInput('record-acceptance', desk.context()).channel).toBe('email');
    // A proposal taken back (voided) is not the one answered.
    desk.do('void-entry', { entryId: desk.events.find((e) => e.summary === second.summary)!.id, reason: 'Wrong case' });
    expect(defaultInput('record-acceptance', desk.context()).channel).toBe('phone');
    // Other steps keep the complaint's channel.
    expect(defaultInput('acknowledge', desk.context()).channel).toBe('letter');
  });

  it('the ADR letter once; a closed case refuses everything but a note, a payment and the customer details', () => {
    const desk = new Desk(record('kinex'), '2026-10-20');
    desk.do('record-deadlock', { on: '2026-09-20', summary: 'We will not refund the early termination charge' });
    desk.do('adr-letter-sent', { on: '2026-09-20' });
    expect(desk.reason('adr-letter-sent')).toBe('The ADR letter has already been sent (on 2026-09-20).');
    expect(desk.reason('referred-to-adr')).toBeUndefined();
    desk.do('close', { on: '2026-09-21' });
    const still = desk
      .available()
      .filter((a) => a.allowed)
      .map((a) => a.id);
    expect(still).toEqual([
      'add-note',
      'record-payment',
      'edit-customer',
      'record-vulnerability',
      'correct-facts',
      'reopen',
    ]);
    expect(desk.reason('escalate')).toBe('This case is closed (closed 2026-09-21): reopen it first, or add a note.');
    // The redress agreed, paid after closing: recorded on the closed case, which stays closed and resolved.
    const before = desk.evaluation();
    desk.do('record-payment', {
      on: '2026-09-25',
      amount: '30.00',
      kind: 'goodwill',
      currency: 'GBP',
      reason: 'Agreed credit paid',
    });
    const after = desk.evaluation();
    expect(after.status).toBe('closed');
    expect(after.status).toBe(before.status);
    expect(after.clocks).toEqual(before.clocks);
  });

  it('without an evaluation (the rules cannot read the case) only record-keeping actions are open', () => {
    const r = record('kinex');
    const list = availableActions(r, [], null, null);
    expect(list.filter((a) => a.allowed).map((a) => a.id)).toEqual([
      'log-contact',
      'send-update',
      'add-note',
      'record-payment',
      'edit-customer',
      'record-vulnerability',
      // A correction may be what makes the case readable again (a wrong date received).
      'correct-facts',
    ]);
    expect(whyNot('escalate', r, [], null, null)).toMatch(/rules engine cannot read this case/);
  });
});

describe('buildActionEvent', () => {
  it('checks the date: required, real, not in the future, not before receipt, not before the last entry', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const on = (value: string) => {
      const r = desk.build('add-note', { on: value, summary: 'Called' });
      return r.ok ? 'ok' : r.errors.on;
    };
    expect(on('')).toBe('Enter the date');
    expect(on('2026-02-30')).toBe('Enter a real date as YYYY-MM-DD');
    expect(on('2026-09-11')).toBe('The date cannot be in the future');
    expect(on('2026-08-31')).toBe('The date cannot be before the complaint was received (2026-09-01)');
    desk.do('add-note', { on: '2026-09-05', summary: 'Customer rang about the refund' });
    expect(on('2026-09-04')).toBe(
      'The date cannot be before the last entry on the timeline (2026-09-05: Customer rang about the refund)',
    );
    expect(on('2026-09-05')).toBe('ok');
    expect(on('2026-09-10')).toBe('ok');
  });

  it('names the field in its message, and reports every field at once', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const r = desk.build('record-payment', { on: '2026-09-12', amount: 'ten pounds', reason: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      on: 'The date cannot be in the future',
      amount: 'Enter an amount like 25 or 25.50',
      reason: 'Give the reason for the payment',
    });
    expect(r.message).toBe('Date: The date cannot be in the future.');
    const summaryMissing = desk.build('log-contact', { summary: '  ' });
    expect(summaryMissing.ok ? null : summaryMissing.message).toBe('What was said: Say what was said.');
  });

  it('records the person working, and refuses when nobody is named', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const ctx = desk.context('');
    const r = buildActionEvent('add-note', { on: '2026-09-10', summary: 'x' }, ctx);
    expect(r.ok ? null : r.errors.form).toBe('Choose who is working before recording anything on the case');
    expect(desk.do('add-note', { summary: 'x' }).by).toBe('Sam Patel');
  });

  it('escalation names the next stage from the procedure and gives the reason; the rules engine follows it', () => {
    const desk = new Desk(record('kinex'), '2026-11-30');
    const stages: string[] = [desk.evaluation().stage];
    const e1 = desk.do('escalate', { on: '2026-09-03', reason: 'Customer asked for the escalation team' });
    expect(e1).toMatchObject({
      type: 'escalated',
      on: '2026-09-03',
      summary: 'Escalated from Customer service to Escalation team: Customer asked for the escalation team',
      data: {
        stage: 'escalation-team',
        fromStage: 'customer-service',
        reason: 'Customer asked for the escalation team',
      },
    });
    stages.push(desk.evaluation().stage);
    desk.do('escalate', { on: '2026-09-10', reason: 'Unresolved' });
    stages.push(desk.evaluation().stage);
    desk.do('respond', { on: '2026-09-30', channel: 'letter', summary: 'Formal written response' });
    desk.do('escalate', { on: '2026-10-02', reason: 'Customer unhappy with the outcome' });
    stages.push(desk.evaluation().stage);
    expect(desk.reason('escalate')).toBe(
      'kinex communications complaints procedure has no stage after Customer resolution manager review.',
    );
    desk.do('record-deadlock', { on: '2026-10-05', summary: 'Final position: no further credit' });
    desk.do('adr-letter-sent', { on: '2026-10-05' });
    desk.do('referred-to-adr', { on: '2026-10-20', reference: 'CO-12345' });
    stages.push(desk.evaluation().stage);
    expect(stages).toEqual(['customer-service', 'escalation-team', 'customer-resolution', 'resolution-manager', 'adr']);
    const clocks = Object.fromEntries(desk.evaluation().clocks.map((c) => [c.id, c.state]));
    expect(clocks).toMatchObject({ 'adr-letter': 'met', 'adr-referral-window': 'met' });
    expect(desk.reason('escalate')).toMatch(
      /^The case is with Communications Ombudsman, outside kinex's own procedure/,
    );
  });

  it('the response is the substantive reply: it meets the first-response clock', () => {
    const desk = new Desk(record('infinity', { channel: 'email' }), '2026-09-07');
    expect(desk.evaluation().clocks.find((c) => c.id === 'first-response')?.state).toBe('running');
    const e = desk.do('respond', { on: '2026-09-03', channel: 'email', summary: 'Refund agreed' });
    expect(e).toMatchObject({
      type: 'responded',
      summary: 'Response sent by email: Refund agreed',
      data: { channel: 'email', atStage: 'customer-service' },
    });
    expect(desk.evaluation().clocks.find((c) => c.id === 'first-response')).toMatchObject({
      state: 'met',
      closedOn: '2026-09-03',
    });
  });

  it('compensation and goodwill: kind, amount, currency and reason', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const e = desk.do('record-payment', {
      kind: 'compensation',
      amount: '1,250.5',
      currency: 'GBP',
      reason: 'Ten days without broadband',
    });
    expect(e).toMatchObject({
      type: 'compensation',
      summary: 'Compensation of £1,250.50: Ten days without broadband',
      data: { kind: 'compensation', amount: 1250.5, currency: 'GBP', reason: 'Ten days without broadband' },
    });
    expect(desk.build('record-payment', { amount: '0', reason: 'x' }).ok ? null : 'refused').toBe('refused');
    expect(
      defaultInput('record-payment', {
        record: record('jive-ca'),
        procedure: getProcedure('jive-ca'),
        today: '2026-09-10',
      }).currency,
    ).toBe('CAD');
  });

  it('an amount with a decimal comma is read as French writes it, never as a hundred times more', () => {
    const desk = new Desk(record('jive-ca'), '2026-09-10');
    const e = desk.do('record-payment', { kind: 'goodwill', amount: '25,50', currency: 'CAD', reason: 'Late reply' });
    expect(e.data).toMatchObject({ amount: 25.5, currency: 'CAD' });
    const read = (typed: string) => readAmount(typed);
    expect(
      ['20,50', '20,5', '20.50', '1,250', '1,250.50', '1 250,50', '1\u00a0250', '1\u202f250,5', ' 7 '].map(read),
    ).toEqual([20.5, 20.5, 20.5, 1250, 1250.5, 1250.5, 1250, 1250.5, 7]);
    // Neither a grouping nor a decimal comma: refused with the form's message, not guessed.
    for (const typed of ['20,500,5', '1,25,0', '1.250,50', '25 50', '12345678', '2.505', ',50', 'ten'])
      expect(read(typed), typed).toBeNull();
    const refused = desk.build('record-payment', { amount: '1.250,50', reason: 'x' });
    expect(refused.ok ? null : refused.errors.amount).toBe('Enter an amount like 25 or 25.50');
  });

  it('editing the customer keeps the old and the new values of what changed', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const r = desk.build('edit-customer', { phone: '020 7946 0000', email: 'ada@example.com', summary: 'New number' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toMatchObject({
      type: 'customer-edited',
      summary: 'Customer’s details changed: phone, email: New number',
      data: {
        changed: ['phone', 'email'],
        before: { phone: '0113 496 0000', email: '' },
        after: { phone: '020 7946 0000', email: 'ada@example.com' },
      },
    });
    expect(r.customer).toEqual({ ...record('kinex').customer, phone: '020 7946 0000', email: 'ada@example.com' });
    const unchanged = desk.build('edit-customer', {});
    expect(unchanged.ok ? null : unchanged.errors.form).toBe('Nothing has changed: edit a field first');
    const noAddress = desk.build('edit-customer', { addressLines: '', postcode: '' });
    expect(noAddress.ok ? null : noAddress.errors.addressLines).toBe(
      'A complaint by letter needs a postal address to reply to',
    );
    const badEmail = desk.build('edit-customer', { email: 'ada@' });
    expect(badEmail.ok ? null : badEmail.errors.email).toBe('Enter an email address like name@example.com');
  });

  it("editing the customer's title records it, keeps it when a form does not send it, and refuses an unknown one", () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    expect(defaultInput('edit-customer', desk.context())).toMatchObject({ title: '' });
    const e = desk.do('edit-customer', { title: 'ms', summary: 'Asked to be written to as Ms' });
    expect(e).toMatchObject({
      type: 'customer-edited',
      summary: 'Customer’s details changed: title: Asked to be written to as Ms',
      data: { changed: ['title'], before: { title: '' }, after: { title: 'ms' } },
    });
    expect(desk.record.customer).toEqual({ ...record('kinex').customer, title: 'ms' });
    expect(customerFieldValue('title', 'ms')).toBe('Ms (Mme)');
    // Another correction carries the title with it.
    desk.do('edit-customer', { phone: '020 7946 0000' });
    expect(desk.record.customer).toMatchObject({ title: 'ms', phone: '020 7946 0000' });
    const wrong = desk.build('edit-customer', { title: 'Dame' });
    expect(wrong.ok ? null : wrong.errors.title).toBe('Choose Mr, Mrs, Ms, Mx, Dr or none');
    desk.do('edit-customer', { title: '' });
    expect('title' in desk.record.customer).toBe(false);
  });

  it("editing the customer's business size records the old and new values, and the new customer", () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    expect(defaultInput('edit-customer', desk.context())).toMatchObject({
      isBusiness: '',
      employees: '',
      language: '',
      largePrint: '',
      prefersPost: '',
    });
    const e = desk.do('edit-customer', { isBusiness: 'yes', employees: ' 25 ', summary: 'They run a shop' });
    expect(e).toMatchObject({
      type: 'customer-edited',
      summary: 'Customer’s details changed: business, number of employees: They run a shop',
      data: {
        changed: ['isBusiness', 'employees'],
        before: { isBusiness: '', employees: '' },
        after: { isBusiness: 'yes', employees: '25' },
      },
    });
    expect(desk.record.customer).toEqual({ ...record('kinex').customer, isBusiness: true, employees: 25 });
    expect(desk.record.communication).toBeUndefined();
    expect(defaultInput('edit-customer', desk.context())).toMatchObject({ isBusiness: 'yes', employees: '25' });
    // No longer a business: the number of employees goes with it.
    const back = desk.do('edit-customer', { isBusiness: '' });
    expect(back.data).toMatchObject({
      changed: ['isBusiness', 'employees'],
      before: { isBusiness: 'yes', employees: '25' },
      after: { isBusiness: '', employees: '' },
    });
    expect(desk.record.customer).toEqual(record('kinex').customer);
  });

  it.each([
    ['0', /at least 1/],
    ['2.5', /whole number/],
    ['lots', /whole number/],
  ])('refuses %s employees for a business, naming the field', (employees, message) => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const r = desk.build('edit-customer', { isBusiness: 'yes', employees });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.employees).toMatch(message);
    expect(r.message).toMatch(/^Number of employees: /);
    // The same text is ignored when the customer is not a business (the field is hidden then).
    expect(desk.build('edit-customer', { isBusiness: '', employees, phone: '020 7946 0000' }).ok).toBe(true);
  });

  it('editing communication needs: large print on, then language, then everything off removes them', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const large = desk.do('edit-customer', { largePrint: 'yes' });
    expect(large).toMatchObject({
      summary: 'Customer’s details changed: large print',
      data: { changed: ['largePrint'], before: { largePrint: '' }, after: { largePrint: 'yes' } },
    });
    expect(desk.record.communication).toEqual({ largePrint: true });
    expect(desk.record.customer).toEqual(record('kinex').customer);
    desk.do('edit-customer', { language: 'fr-CA', prefersPost: 'yes' });
    expect(desk.record.communication).toEqual({ language: 'fr-CA', largePrint: true, prefersPost: true });
    const off = desk.build('edit-customer', { language: '', largePrint: '', prefersPost: '' });
    expect(off.ok).toBe(true);
    if (!off.ok) return;
    expect(off.communication).toBeNull();
    expect(off.event.data).toMatchObject({
      changed: ['language', 'largePrint', 'prefersPost'],
      before: { language: 'fr-CA' },
      after: { language: '' },
    });
    const badLanguage = desk.build('edit-customer', { language: 'de-DE' });
    expect(badLanguage.ok ? null : badLanguage.errors.language).toMatch(/French \(Canada\)/);
  });

  it('an edit that does not send business size or communication needs leaves them as they were', () => {
    const desk = new Desk(
      record('kinex', {
        customer: { ...record('kinex').customer, isBusiness: true, employees: 4 },
        communication: { largePrint: true },
      }),
      '2026-09-10',
    );
    const ctx = desk.context();
    const {
      isBusiness: _b,
      employees: _e,
      language: _l,
      largePrint: _p,
      prefersPost: _pp,
      ...contactOnly
    } = defaultInput('edit-customer', ctx);
    const r = buildActionEvent('edit-customer', { ...contactOnly, phone: '020 7946 0000' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event.data).toMatchObject({ changed: ['phone'] });
    expect(r.customer).toMatchObject({ isBusiness: true, employees: 4, phone: '020 7946 0000' });
    expect(r.communication).toBeUndefined();
  });

  it('shows the kept values of an edit in words', () => {
    expect(customerFieldLabel('largePrint')).toBe('Large print');
    expect(customerFieldValue('largePrint', 'yes')).toBe('Yes');
    expect(customerFieldValue('isBusiness', '')).toBe('No');
    expect(customerFieldValue('language', 'fr-CA')).toBe('French (Canada)');
    expect(customerFieldValue('language', '')).toBe('The desk’s usual language');
    expect(customerFieldValue('employees', '25')).toBe('25');
  });

  it('the CCTS notice at the second level of escalation records when and how', () => {
    const desk = new Desk(record('jive-ca', { channel: 'phone' }), '2026-09-10');
    desk.do('acknowledge', { on: '2026-09-01' });
    desk.do('escalate', { on: '2026-09-02', reason: 'Manager please' });
    desk.do('escalate', { on: '2026-09-04', reason: 'Still unresolved' });
    expect(desk.evaluation().clocks.find((c) => c.id === 'ccts-notice')).toMatchObject({
      state: 'missed',
      dueOn: '2026-09-04',
    });
    const e = desk.do('ccts-informed', { on: '2026-09-04', channel: 'phone', summary: 'Read out the CCTS details' });
    expect(e).toMatchObject({
      type: 'ccts-informed',
      on: '2026-09-04',
      data: { channel: 'phone', atStage: 'head-of-support' },
    });
    expect(desk.evaluation().clocks.find((c) => c.id === 'ccts-notice')).toMatchObject({
      state: 'met',
      closedOn: '2026-09-04',
    });
  });

  function referred() {
    const desk = new Desk(record('jive-ca', { channel: 'phone' }), '2026-09-30');
    desk.do('escalate', { on: '2026-09-02', reason: 'Manager please' });
    desk.do('escalate', { on: '2026-09-04', reason: 'Still unresolved' });
    desk.do('ccts-referral', { on: '2026-09-10', reference: 'CCTS-1' });
    return desk;
  }
  const report = (desk: Desk) => desk.evaluation().clocks.find((c) => c.id === 'ccts-response');

  it('the report sent to the CCTS: open only once the CCTS referred the complaint and until it is recorded', () => {
    const before = new Desk(record('jive-ca', { channel: 'phone' }), '2026-09-30');
    expect(before.reason('ccts-report')).toBe('Record the CCTS referral first: the report answers it.');
    const desk = referred();
    expect(desk.reason('ccts-report')).toBeUndefined();
    // A reply to the customer is not the report: the report is still owed and the action still open.
    desk.do('respond', { on: '2026-09-15', channel: 'phone', summary: 'Explained the bill' });
    expect(report(desk)).toMatchObject({ state: 'running', dueOn: '2026-09-30', closedOn: null });
    expect(desk.reason('ccts-report')).toBeUndefined();
    const e = desk.do('ccts-report', { on: '2026-09-20', sentBy: 'ccts-portal', summary: 'Credit of $40 offered' });
    expect(e).toMatchObject({
      type: 'ccts-report',
      on: '2026-09-20',
      summary: 'Report sent to the CCTS through its portal: Credit of $40 offered',
      data: { sentBy: 'ccts-portal', details: 'Credit of $40 offered', atStage: 'ccts' },
    });
    expect(report(desk)).toMatchObject({ state: 'met', closedOn: '2026-09-20' });
    expect(desk.reason('ccts-report')).toBe('The report to the CCTS was recorded on 2026-09-20.');
    expect(actionForNextStep('report-to-ccts')).toBe('ccts-report');
  });

  it('the report asks how it was sent and says it in the summary', () => {
    const desk = referred();
    const none = desk.build('ccts-report', { on: '2026-09-20', sentBy: '' });
    expect(none.ok ? null : none.errors.sentBy).toBe('Choose how it was sent');
    const odd = desk.build('ccts-report', { on: '2026-09-20', sentBy: 'pigeon' });
    expect(odd.ok).toBe(false);
    const early = desk.build('ccts-report', { on: '2026-09-09', sentBy: 'email' });
    expect(early.ok ? null : early.errors.on).toMatch(/^The date cannot be before the last entry/);
    const email = desk.build('ccts-report', { on: '2026-09-20', sentBy: 'email' });
    expect(email.ok ? email.event.summary : null).toBe('Report sent to the CCTS by email');
  });

  it('a referred case cannot be closed until the report is recorded; a case closed before can still record it', () => {
    const desk = referred();
    desk.do('resolve', { on: '2026-09-15', summary: 'Refunded' });
    expect(desk.reason('close')).toBe(
      'Record the report sent to the CCTS before closing the case: the CCTS is waiting for it, and closing does not end its time limit.',
    );
    desk.do('ccts-report', { on: '2026-09-16', sentBy: 'email' });
    expect(desk.reason('close')).toBeUndefined();
    // A case closed before the report could be recorded (data from before this action existed).
    const old = referred();
    old.do('resolve', { on: '2026-09-15', summary: 'Refunded' });
    old.events.push({
      id: 'closed-before',
      caseId: old.record.id,
      type: 'closed',
      on: '2026-09-15',
      at: '2026-09-15T12:00:00.000Z',
      by: 'Sam',
      summary: 'Case closed',
    });
    expect(report(old)).toMatchObject({ state: 'running', closedOn: null });
    expect(old.reason('ccts-report')).toBeUndefined();
    expect(old.reason('add-note')).toBeUndefined();
    expect(old.reason('respond')).toMatch(/closed 2026-09-15/);
    old.do('ccts-report', { on: '2026-09-20', sentBy: 'letter' });
    expect(report(old)).toMatchObject({ state: 'met', closedOn: '2026-09-20' });
    // Closed with no referral: nothing to report, the case is closed.
    const plain = new Desk(record('jive-ca', { channel: 'phone' }), '2026-09-30');
    plain.events.push({
      id: 'c2',
      caseId: plain.record.id,
      type: 'closed',
      on: '2026-09-05',
      at: '2026-09-05T12:00:00.000Z',
      by: 'Sam',
      summary: 'Case closed',
    });
    expect(plain.reason('ccts-report')).toMatch(/closed 2026-09-05/);
  });

  it('a voided report no longer counts: the action is open again and the clock runs', () => {
    const desk = referred();
    desk.do('ccts-report', { on: '2026-09-20', sentBy: 'email' });
    expect(desk.reason('ccts-report')).toBe('The report to the CCTS was recorded on 2026-09-20.');
    desk.do('void-entry', { entryId: desk.events.at(-1)!.id, reason: 'Recorded on the wrong case' });
    expect(report(desk)).toMatchObject({ state: 'running', closedOn: null });
    expect(desk.reason('ccts-report')).toBeUndefined();
  });

  it('the CCTS actions follow the regime version the case is evaluated under, not the provider’s country', () => {
    const uk = new Desk(record('kijoma'), '2026-09-10');
    const c = uk.context();
    // A UK-stage procedure evaluated under a regime with the CCTS's rules: its actions are there.
    const underCcts = { ...c.evaluation, regime: { id: 'ccts', name: 'CCTS (Canada)', version: 'CCTS from May 2023' } };
    expect(whyNot('ccts-referral', c.record, c.events, underCcts, c.procedure)).toBeNull();
    expect(whyNot('ccts-informed', c.record, c.events, underCcts, c.procedure)).toBeNull();
    expect(whyNot('referred-to-adr', c.record, c.events, underCcts, { ...c.procedure, stages: [] })).toMatch(
      /record the CCTS referral/,
    );
    // A Canadian provider's procedure under a UK regime: no CCTS actions, the ADR letter refused in UK words.
    const ca = new Desk(record('jive-ca'), '2026-09-10').context();
    const underOfcom = { ...ca.evaluation, regime: { id: 'ofcom-gc-c4', name: 'Ofcom', version: 'x' } };
    expect(ca.procedure.provider.country).toBe('CA');
    expect(whyNot('ccts-referral', ca.record, ca.events, underOfcom, ca.procedure)).toBe(
      'CCTS actions apply only to cases under the CCTS’s rules.',
    );
    expect(whyNot('ccts-informed', ca.record, ca.events, underOfcom, ca.procedure)).toBe(
      'CCTS actions apply only to cases under the CCTS’s rules.',
    );
    expect(whyNot('adr-letter-sent', ca.record, ca.events, underOfcom, ca.procedure)).toBe(
      'Jive Canada complaint handling code has no ADR letter clock.',
    );
  });

  it('an unknown action is refused', () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const r = buildActionEvent('undo' as CaseActionId, { on: '2026-09-10' }, desk.context());
    expect(r.ok ? null : r.message).toBe('Unknown action "undo".');
  });
});

describe('buildActionEvent: control and invisible characters (model/text.ts, as the intake form)', () => {
  it("refuses them in the customer's name and in notes, and keeps line breaks in the address and notes", () => {
    const desk = new Desk(record('kinex'), '2026-09-10');
    const name = desk.build('edit-customer', { customerName: 'Ada\u202eLovelace' });
    expect(name.ok ? null : name.errors.customerName).toBe(
      'Name contains an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Ada”; remove it',
    );
    const nul = desk.build('edit-customer', { accountNumber: 'AC\u0000-1' });
    expect(nul.ok ? null : nul.errors.accountNumber).toMatch(
      /^.+ contains an invisible control character \(U\+0000 NULL\) after “AC”; remove it$/,
    );
    const note = desk.build('add-note', { summary: 'Called back\u2066 later' });
    expect(note.ok ? null : Object.values(note.errors)).toEqual([
      expect.stringMatching(
        / contains an invisible control character \(U\+2066 LEFT-TO-RIGHT ISOLATE\) after “Called back”; remove it$/,
      ),
    ]);
    expect(desk.build('add-note', { summary: 'Called back\nlater\tagain' }).ok).toBe(true);
    expect(desk.build('edit-customer', { addressLines: '2 New Road\r\nLeeds', postcode: 'LS1 1AA' }).ok).toBe(true);
  });
});

describe('the final position’s description follows the case’s regime (explore27-quebec §10)', () => {
  const summary = getAction('record-deadlock').fields.find((f) => f.name === 'summary')!;
  const part = (procedureId: string, evaluated = true) => {
    const r = record(procedureId);
    const evaluation = evaluated ? evaluateCase(caseFacts(r, []), '2026-09-10') : null;
    return fieldDescriptionPart(summary, { record: r, evaluation, procedure: getProcedure(procedureId) });
  };

  it('says the ADR letter is then due at once under Ofcom; nothing of an ADR letter under the CCTS', () => {
    expect(summary.description).toContain('the ADR letter is then due at once');
    expect(summary.descriptionNoAdrLetter).not.toMatch(/ADR/);
    expect(part('kijoma')).toBe('description');
    expect(part('jive-ca')).toBe('descriptionNoAdrLetter');
    // Not evaluated (bad facts): the procedure's regime.
    expect(part('jive-ca', false)).toBe('descriptionNoAdrLetter');
  });

  it('a field with one description keeps it', () => {
    const closing = getAction('close').fields.find((f) => f.name === 'summary')!;
    expect(fieldDescriptionPart(closing, { record: record('jive-ca'), evaluation: null, procedure: null })).toBe(
      'description',
    );
  });
});
