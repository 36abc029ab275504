import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultInput, storedFormValues, type CaseActionId, type ActionInput } from '#shared/casework/index';
import { recordedMoment, type DeskSettings } from '#shared/model/case';
import { caseProviderId } from '#shared/model/provider';
import { getProcedure } from '#shared/rules/index';
import { deskSettings } from '#test/support/desk';
import { customer, newCaseParts } from '#test/support/cases';
import { ActionRefusedError, EditConflictError, performAction } from './case-actions';
import { createCase } from './cases';
import { RedressDatabase } from '../schema';
import { countEntries, readTimeline, recordEntries } from '../timeline';

const settings = (procedure: string, calendar: DeskSettings['calendar'] = 'england-and-wales'): DeskSettings =>
  deskSettings({ calendar, defaultProcedureId: procedure });

const parts = newCaseParts({ receivedOn: '2026-09-01', customer: customer({ phone: '0113 496 0000' }) });

/** A clock that moves on a second at every reading, so recorded order is unambiguous. */
function tickingClock(start = '2026-11-30T09:00:00Z') {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)) };
}

let opened: RedressDatabase[] = [];
let n = 0;
function open() {
  n += 1;
  const database = new RedressDatabase(`redress-actions-test-${process.pid}-${n}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

const TODAY = '2026-11-30';

async function newCase(
  database: RedressDatabase,
  procedure = 'kinex',
  calendar: DeskSettings['calendar'] = 'england-and-wales',
) {
  return createCase(database, parts, {
    settings: settings(procedure, calendar),
    by: 'Sam Patel',
    clock: tickingClock('2026-09-01T09:00:00Z'),
  });
}

async function counts(database: RedressDatabase, caseId: string) {
  return {
    events: (await readTimeline(database, caseId)).length,
    record: await database.cases.get(caseId),
    index: await database.caseIndex.get(caseId),
  };
}

describe('performAction', () => {
  it('every action writes exactly one timeline event of its kind, by the person working', async () => {
    const database = open();
    const clock = tickingClock();
    const uk = await newCase(database, 'kinex');
    const ca = await newCase(database, 'jive-ca', 'canada');
    const script: Array<[string, CaseActionId, ActionInput, string]> = [
      [uk.id, 'acknowledge', { on: '2026-09-01', channel: 'letter' }, 'acknowledged'],
      [
        uk.id,
        'log-contact',
        { on: '2026-09-02', channel: 'phone', direction: 'from-customer', summary: 'Rang to chase' },
        'contact',
      ],
      [uk.id, 'send-update', { on: '2026-09-03', channel: 'email', summary: 'Looking into it' }, 'update-sent'],
      [uk.id, 'pause', { on: '2026-09-04', reason: 'Waiting for the bill' }, 'paused'],
      [uk.id, 'resume', { on: '2026-09-08', summary: 'Bill received' }, 'resumed'],
      [uk.id, 'respond', { on: '2026-09-09', channel: 'letter', summary: 'Our reply' }, 'responded'],
      [uk.id, 'escalate', { on: '2026-09-10', reason: 'Asked for the escalation team' }, 'escalated'],
      [
        uk.id,
        'propose-resolution',
        { on: '2026-09-11', channel: 'phone', summary: 'Refund £12' },
        'resolution-proposed',
      ],
      [uk.id, 'record-rejection', { on: '2026-09-12', channel: 'phone', who: 'Ada Lovelace' }, 'resolution-rejected'],
      [
        uk.id,
        'propose-resolution',
        { on: '2026-09-13', channel: 'phone', summary: 'Refund £20' },
        'resolution-proposed',
      ],
      [uk.id, 'record-acceptance', { on: '2026-09-14', channel: 'email', who: 'Ada Lovelace' }, 'resolution-accepted'],
      [
        uk.id,
        'record-payment',
        { on: '2026-09-14', kind: 'goodwill', amount: '20', currency: 'GBP', reason: 'Refund' },
        'compensation',
      ],
      [uk.id, 'add-note', { on: '2026-09-14', summary: 'Refund raised' }, 'note'],
      [
        uk.id,
        'edit-customer',
        {
          on: '2026-09-14',
          customerName: 'Ada King',
          addressLines: '12 St James Square\nLondon',
          postcode: 'SW1Y 4JH',
          phone: '0113 496 0000',
        },
        'customer-edited',
      ],
      [uk.id, 'resolve', { on: '2026-09-15', summary: 'Refund paid' }, 'resolved'],
      [uk.id, 'close', { on: '2026-09-16' }, 'closed'],
      [ca.id, 'record-deadlock', { on: '2026-09-02', summary: 'No further credit' }, 'deadlock'],
      [ca.id, 'ccts-informed', { on: '2026-09-02', channel: 'phone' }, 'ccts-informed'],
      [ca.id, 'ccts-referral', { on: '2026-09-20', reference: 'CCTS-1' }, 'ccts-referral'],
    ];
    const other = await newCase(database, 'kijoma');
    script.push(
      [other.id, 'record-deadlock', { on: '2026-09-02', summary: 'Final position' }, 'deadlock'],
      [other.id, 'adr-letter-sent', { on: '2026-09-02', channel: 'letter' }, 'adr-letter-sent'],
      [other.id, 'referred-to-adr', { on: '2026-09-30' }, 'referred-to-adr'],
    );
    const seen = new Set<CaseActionId>();
    for (const [caseId, action, input, type] of script) {
      const before = await countEntries(database);
      const { event } = await performAction(database, caseId, action, input, { by: 'Kim Lee', today: TODAY, clock });
      expect(await countEntries(database), action).toBe(before + 1);
      expect(event).toMatchObject({ caseId, type, on: input.on, by: 'Kim Lee' });
      seen.add(action);
    }
    // Every action in the catalogue was exercised (escalate's stages are checked below).
    expect(seen.size).toBe(20);
    expect((await database.cases.get(uk.id))?.status).toBe('closed');
    expect((await database.caseIndex.get(uk.id))?.status).toBe('closed');
    expect((await database.cases.get(ca.id))?.stage).toBe('ccts');
    expect((await database.cases.get(other.id))?.stage).toBe('adr');
  });

  it('a refused action writes nothing and says why', async () => {
    const database = open();
    const record = await newCase(database);
    const before = await counts(database, record.id);
    const attempt = (action: CaseActionId, input: ActionInput) =>
      performAction(database, record.id, action, input, { by: 'Sam Patel', today: TODAY, clock: tickingClock() });

    await expect(attempt('resume', { on: TODAY })).rejects.toThrow('Resume is only possible while the case is paused.');
    await expect(attempt('ccts-informed', { on: TODAY, channel: 'phone' })).rejects.toThrow(
      'CCTS actions apply only to cases under the CCTS’s rules.',
    );
    const invalid = await attempt('add-note', { on: '2026-12-25', summary: '' }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ActionRefusedError);
    expect((invalid as ActionRefusedError).errors).toEqual({
      on: 'The date cannot be in the future',
      summary: 'Write the note',
    });
    expect((invalid as ActionRefusedError).message).toBe('Date: The date cannot be in the future.');
    await expect(attempt('add-note', { on: '2026-08-01', summary: 'x' })).rejects.toThrow(
      /before the complaint was received \(2026-09-01\)/,
    );
    await expect(
      performAction(database, 'no-such-case', 'add-note', { on: TODAY, summary: 'x' }, { by: 'Sam', today: TODAY }),
    ).rejects.toThrow(/no case/);
    await expect(
      performAction(database, record.id, 'add-note', { on: TODAY, summary: 'x' }, { by: ' ', today: TODAY }),
    ).rejects.toThrow(/who is working/);

    expect(await counts(database, record.id)).toEqual(before);
  });

  it('re-checks inside the transaction: of two identical acknowledgements at once, one lands', async () => {
    const database = open();
    const record = await newCase(database);
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        performAction(
          database,
          record.id,
          'acknowledge',
          { on: '2026-09-01', channel: 'letter' },
          { by: 'Sam', today: TODAY },
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await readTimeline(database, record.id)).filter((e) => e.type === 'acknowledged').length).toBe(1);
  });

  it('after an entry a fast clock recorded, a new one keeps the order and its true moment (explore40-team #4)', async () => {
    const database = open();
    const record = await newCase(database);
    // Another desk's note, recorded by a clock a day ahead, as the team's copy brings it.
    const fast = '2026-12-01T09:00:00.000Z';
    await database.transaction('rw', database.timelines, () =>
      recordEntries(database, [
        { id: 'fast', caseId: record.id, type: 'note', on: '2026-09-01', at: fast, by: 'Tom', summary: 'A note' },
      ]),
    );
    const clock = { now: () => new Date('2026-11-30T10:00:00.000Z') };
    const opts = { by: 'Sam Patel', today: TODAY, clock };
    const { event } = await performAction(database, record.id, 'add-note', { on: TODAY, summary: 'Called back' }, opts);
    expect(event.at).toBe('2026-12-01T09:00:00.001Z');
    expect(event.data?.recordedAt).toBe('2026-11-30T10:00:00.000Z');
    expect(recordedMoment(event)).toBe('2026-11-30T10:00:00.000Z');
    expect((await readTimeline(database, record.id)).at(-1)?.data?.recordedAt).toBe('2026-11-30T10:00:00.000Z');
    // A clock in step with the timeline keeps `at` alone.
    const later = { now: () => new Date('2026-12-02T10:00:00.000Z') };
    const next = await performAction(
      database,
      record.id,
      'add-note',
      { on: TODAY, summary: 'Again' },
      { ...opts, clock: later },
    );
    expect(next.event.at).toBe('2026-12-02T10:00:00.000Z');
    expect(next.event.data?.recordedAt).toBeUndefined();
    expect(recordedMoment(next.event)).toBe(next.event.at);
  });

  it("the stage follows the timeline through kinex's five stages", async () => {
    const database = open();
    const record = await newCase(database, 'kinex');
    const clock = tickingClock();
    const stageNow = async () => ({
      record: (await database.cases.get(record.id))!.stage,
      index: (await database.caseIndex.get(record.id))!.stageName,
    });
    const stages = [await stageNow()];
    const opts = { by: 'Sam Patel', today: TODAY, clock };
    for (const [on, reason] of [
      ['2026-09-02', 'Customer asked'],
      ['2026-09-09', 'Unresolved'],
      ['2026-10-01', 'Unhappy with the response'],
    ]) {
      await performAction(database, record.id, 'escalate', { on, reason }, opts);
      stages.push(await stageNow());
    }
    await expect(
      performAction(database, record.id, 'escalate', { on: '2026-10-02', reason: 'Again' }, opts),
    ).rejects.toThrow(
      'kinex communications complaints procedure has no stage after Customer resolution manager review.',
    );
    await performAction(database, record.id, 'record-deadlock', { on: '2026-10-05', summary: 'Final position' }, opts);
    await performAction(database, record.id, 'adr-letter-sent', { on: '2026-10-05', channel: 'letter' }, opts);
    await performAction(database, record.id, 'referred-to-adr', { on: '2026-10-20' }, opts);
    stages.push(await stageNow());
    expect(stages).toEqual([
      { record: 'customer-service', index: 'Customer service' }, // as created by intake: the first stage
      { record: 'escalation-team', index: 'Escalation team' },
      { record: 'customer-resolution', index: 'Customer resolution' },
      { record: 'resolution-manager', index: 'Customer resolution manager review' },
      { record: 'adr', index: 'Independent review (Communications Ombudsman)' },
    ]);
    const escalations = (await readTimeline(database, record.id)).filter((e) => e.type === 'escalated');
    expect(escalations.map((e) => [e.data?.fromStage, e.data?.stage])).toEqual([
      ['customer-service', 'escalation-team'],
      ['escalation-team', 'customer-resolution'],
      ['customer-resolution', 'resolution-manager'],
    ]);
  });

  it("editing the customer's details keeps the old values on the timeline and updates the case and its index", async () => {
    const database = open();
    const record = await newCase(database);
    const { event } = await performAction(
      database,
      record.id,
      'edit-customer',
      {
        on: '2026-09-03',
        customerName: 'Ada King',
        addressLines: '1 New Road\nLeeds',
        postcode: 'ls1 1aa',
        phone: '0113 496 0000',
        email: 'ada@example.com',
        summary: 'Moved house',
      },
      { by: 'Sam Patel', today: TODAY, clock: tickingClock() },
    );
    expect(event.data).toEqual({
      changed: ['customerName', 'addressLines', 'postcode', 'email'],
      before: {
        customerName: 'Ada Lovelace',
        addressLines: '12 St James Square\nLondon',
        postcode: 'SW1Y 4JH',
        email: '',
      },
      after: {
        customerName: 'Ada King',
        addressLines: '1 New Road\nLeeds',
        postcode: 'LS1 1AA',
        email: 'ada@example.com',
      },
      details: 'Moved house',
      atStage: 'customer-service',
    });
    const stored = await database.cases.get(record.id);
    expect(stored?.customer).toEqual({
      name: 'Ada King',
      address: { lines: ['1 New Road', 'Leeds'], postcode: 'LS1 1AA' },
      phone: '0113 496 0000',
      email: 'ada@example.com',
    });
    expect((await database.caseIndex.get(record.id))?.customerName).toBe('Ada King');
    // The case's other fields are untouched.
    expect(stored).toMatchObject({
      reference: record.reference,
      receivedOn: record.receivedOn,
      summary: record.summary,
    });
  });

  it("an edit of the customer's details or a correction of an unrelated fact never writes the case's stage", async () => {
    const database = open();
    const fresh = await newCase(database, 'ofcom');
    // A case logged before new cases stored their first stage: its record says '' (kept by desks, backups, servers).
    const legacy = await newCase(database, 'ofcom');
    await database.cases.update(legacy.id, { stage: '' });
    const edit = {
      on: '2026-09-03',
      customerName: 'Ada King',
      addressLines: '12 St James Square\nLondon',
      postcode: 'SW1Y 4JH',
      phone: '0113 496 0000',
    };
    for (const c of [fresh, legacy]) {
      const before = (await database.cases.get(c.id))!.stage;
      const opts = { by: 'Sam Patel', today: TODAY, clock: tickingClock() };
      const { record } = await performAction(database, c.id, 'edit-customer', edit, opts);
      expect(record.stage).toBe(before);
      expect((await database.cases.get(c.id))?.stage).toBe(before);
      // A correction is written whole (put): it keeps the stored stage too.
      await performAction(database, c.id, 'correct-facts', { summary: 'Charged twice', reason: 'Typo' }, opts);
      expect((await database.cases.get(c.id))?.stage).toBe(before);
      // Both read as the first stage, as the case page and index say.
      expect((await database.caseIndex.get(c.id))?.stageName).toBe('Front line');
    }
    expect((await database.cases.get(fresh.id))?.stage).toBe('front-line');
    expect((await database.cases.get(legacy.id))?.stage).toBe('');
  });

  it('editing business size and communication needs updates the case, its clocks and its index', async () => {
    const database = open();
    const record = await newCase(database);
    expect((await database.caseIndex.get(record.id))?.adrLetterDueOn).not.toBeNull();
    const big = await performAction(
      database,
      record.id,
      'edit-customer',
      {
        on: '2026-09-03',
        customerName: 'Ada Lovelace',
        addressLines: '12 St James Square\nLondon',
        postcode: 'SW1Y 4JH',
        phone: '0113 496 0000',
        isBusiness: 'yes',
        employees: '25',
        largePrint: 'yes',
      },
      { by: 'Sam Patel', today: TODAY, clock: tickingClock() },
    );
    expect(big.event.data).toMatchObject({ changed: ['isBusiness', 'employees', 'largePrint'] });
    // The new business size counts at once: outside the scheme's scope, so no ADR letter is due.
    expect(big.evaluation?.warnings.join(' ')).toMatch(/25 employees: outside .*scope \(10 or fewer employees\)/);
    const stored = await database.cases.get(record.id);
    expect(stored?.customer).toMatchObject({ isBusiness: true, employees: 25 });
    expect(stored?.communication).toEqual({ largePrint: true });
    expect((await database.caseIndex.get(record.id))?.adrLetterDueOn).toBeNull();

    await performAction(
      database,
      record.id,
      'edit-customer',
      {
        on: '2026-09-04',
        customerName: 'Ada Lovelace',
        addressLines: '12 St James Square\nLondon',
        postcode: 'SW1Y 4JH',
        phone: '0113 496 0000',
        isBusiness: 'yes',
        employees: '25',
        largePrint: '',
      },
      {
        by: 'Sam Patel',
        today: TODAY,
        clock: tickingClock('2026-11-30T10:00:00Z'),
      },
    );
    const after = await database.cases.get(record.id);
    expect(after).not.toHaveProperty('communication');
    expect(after?.customer).toMatchObject({ isBusiness: true, employees: 25 });
  });

  it('keeps recorded order even when the computer clock goes back', async () => {
    const database = open();
    const record = await newCase(database);
    const late = { now: () => new Date('2030-01-01T00:00:00Z') };
    const early = { now: () => new Date('2020-01-01T00:00:00Z') };
    await performAction(
      database,
      record.id,
      'add-note',
      { on: '2026-09-02', summary: 'first' },
      { by: 'Sam', today: TODAY, clock: late },
    );
    await performAction(
      database,
      record.id,
      'add-note',
      { on: '2026-09-02', summary: 'second' },
      { by: 'Sam', today: TODAY, clock: early },
    );
    const timeline = await readTimeline(database, record.id);
    expect(timeline.map((e) => e.summary).slice(-2)).toEqual(['first', 'second']);
  });

  describe('two windows editing the same case', () => {
    /** A window opening an edit form: the form's values, and the stored fields it was opened on (the base). */
    async function openForm(database: RedressDatabase, caseId: string, action: CaseActionId) {
      const record = (await database.cases.get(caseId))!;
      const values = defaultInput(action, { record, procedure: null, today: TODAY });
      return { values, base: storedFormValues(action, record)! };
    }

    /**
     * Two windows open `action`'s form on the case; B saves its form with `theirs`, then A saves its own with `mine`:
     * what A's save gave (its result, or what it threw), and the rows' counts just before it.
     */
    async function bothSave(
      database: RedressDatabase,
      caseId: string,
      action: CaseActionId,
      theirs: Record<string, string>,
      mine: Record<string, string>,
    ) {
      const a = await openForm(database, caseId, action);
      const b = await openForm(database, caseId, action);
      const bea = { by: 'Bea', today: TODAY, base: b.base, clock: tickingClock() };
      await performAction(database, caseId, action, { ...b.values, ...theirs }, bea);
      const before = await counts(database, caseId);
      const al = { by: 'Al', today: TODAY, base: a.base, clock: tickingClock('2026-11-30T10:00:00Z') };
      const result = await performAction(database, caseId, action, { ...a.values, ...mine }, al).catch(
        (e: unknown) => e,
      );
      return { result, before };
    }

    it("A changes only the email after B changed the phone: B's phone is kept and A's entry names only the email", async () => {
      const database = open();
      const record = await newCase(database);
      const a = await openForm(database, record.id, 'edit-customer');
      const b = await openForm(database, record.id, 'edit-customer');
      await performAction(
        database,
        record.id,
        'edit-customer',
        { ...b.values, on: '2026-09-02', phone: '0207 946 0000' },
        { by: 'Bea', today: TODAY, base: b.base, clock: tickingClock() },
      );
      const { event } = await performAction(
        database,
        record.id,
        'edit-customer',
        { ...a.values, on: '2026-09-03', email: 'ada@example.com' },
        { by: 'Al', today: TODAY, base: a.base, clock: tickingClock('2026-11-30T10:00:00Z') },
      );

      const stored = await database.cases.get(record.id);
      expect(stored?.customer).toMatchObject({
        phone: '0207 946 0000',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
      });
      expect(event.data).toMatchObject({
        changed: ['email'],
        before: { email: '' },
        after: { email: 'ada@example.com' },
      });
      expect(event.summary).toBe('Customer’s details changed: email');
      expect((await database.caseIndex.get(record.id))?.customerName).toBe('Ada Lovelace');
    });

    it('an address is one value: new lines in one window and a new postcode in the other are asked about', async () => {
      const database = open();
      const record = await newCase(database);
      const { result, before } = await bothSave(
        database,
        record.id,
        'edit-customer',
        { on: '2026-09-02', addressLines: 'Flat 3\n12 Mill Lane\nLeeds' },
        { on: '2026-09-03', postcode: 'LS1 4AP' },
      );
      expect(result).toBeInstanceOf(EditConflictError);
      expect((result as EditConflictError).conflicts.map((c) => c.field)).toEqual(['addressLines', 'postcode']);
      expect(await counts(database, record.id)).toEqual(before);
    });

    it('a field both changed is refused, nothing is written, and the choice (theirs or mine) is then saved', async () => {
      const database = open();
      const record = await newCase(database);
      const a = await openForm(database, record.id, 'edit-customer');
      const b = await openForm(database, record.id, 'edit-customer');
      await performAction(
        database,
        record.id,
        'edit-customer',
        { ...b.values, on: '2026-09-02', phone: '0207 946 0000' },
        { by: 'Bea', today: TODAY, base: b.base, clock: tickingClock() },
      );
      const before = await counts(database, record.id);

      const mine = { ...a.values, on: '2026-09-03', phone: '0161 496 0999', email: 'ada@example.com' };
      const refused = await performAction(database, record.id, 'edit-customer', mine, {
        by: 'Al',
        today: TODAY,
        base: a.base,
        clock: tickingClock('2026-11-30T10:00:00Z'),
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(EditConflictError);
      const conflict = refused as EditConflictError;
      expect(conflict.conflicts).toEqual([
        { field: 'phone', label: 'Phone', base: '0113 496 0000', theirs: '0207 946 0000', mine: '0161 496 0999' },
      ]);
      expect(conflict.message).toBe(
        'A change was saved while this form was open: phone was 0113 496 0000 when you opened this, now 0207 946 0000. Keep theirs or use yours for it, then save.',
      );
      expect(await counts(database, record.id)).toEqual(before);

      // "Use yours": the field is re-based on what is stored now and saved with the person's value.
      const { event } = await performAction(database, record.id, 'edit-customer', mine, {
        by: 'Al',
        today: TODAY,
        base: { ...a.base, phone: '0207 946 0000' },
        clock: tickingClock('2026-11-30T10:00:00Z'),
      });
      expect(event.data).toMatchObject({ changed: ['phone', 'email'], before: { phone: '0207 946 0000', email: '' } });
      expect((await database.cases.get(record.id))?.customer).toMatchObject({
        phone: '0161 496 0999',
        email: 'ada@example.com',
      });
    });

    it('"keep theirs" saves the rest of the edit and leaves the field as the other window left it', async () => {
      const database = open();
      const record = await newCase(database);
      const a = await openForm(database, record.id, 'edit-customer');
      await performAction(
        database,
        record.id,
        'edit-customer',
        { ...a.values, on: '2026-09-02', phone: '0207 946 0000', largePrint: 'yes' },
        { by: 'Bea', today: TODAY, base: a.base, clock: tickingClock() },
      );
      const { event } = await performAction(
        database,
        record.id,
        'edit-customer',
        { ...a.values, on: '2026-09-03', phone: '0207 946 0000', postcode: 'sw1y 4jj' },
        {
          by: 'Al',
          today: TODAY,
          base: { ...a.base, phone: '0207 946 0000' },
          clock: tickingClock('2026-11-30T10:00:00Z'),
        },
      );
      expect(event.data).toMatchObject({ changed: ['postcode'] });
      const stored = await database.cases.get(record.id);
      expect(stored?.customer).toMatchObject({ phone: '0207 946 0000', address: { postcode: 'SW1Y 4JJ' } });
      // B's communication need, changed only there, is kept.
      expect(stored?.communication).toEqual({ largePrint: true });
    });

    it("vulnerability details: A's note and B's details both stay; removing them over B's change is asked about", async () => {
      const database = open();
      const record = await newCase(database);
      await performAction(
        database,
        record.id,
        'record-vulnerability',
        { on: '2026-09-02', details: 'Hard of hearing', reason: 'reasonable-adjustments', note: '' },
        { by: 'Bea', today: TODAY, clock: tickingClock() },
      );
      const a = await openForm(database, record.id, 'record-vulnerability');
      const b = await openForm(database, record.id, 'record-vulnerability');
      await performAction(
        database,
        record.id,
        'record-vulnerability',
        { ...b.values, on: '2026-09-03', details: 'Hard of hearing; uses text relay' },
        { by: 'Bea', today: TODAY, base: b.base, clock: tickingClock('2026-11-30T10:00:00Z') },
      );
      const c = await openForm(database, record.id, 'record-vulnerability');
      await performAction(
        database,
        record.id,
        'record-vulnerability',
        { ...a.values, on: '2026-09-03', note: 'Prefers email' },
        { by: 'Al', today: TODAY, base: a.base, clock: tickingClock('2026-11-30T11:00:00Z') },
      );
      expect((await database.cases.get(record.id))?.vulnerability).toMatchObject({
        details: 'Hard of hearing; uses text relay',
        reason: 'reasonable-adjustments',
        note: 'Prefers email',
      });

      // C opened after B's change and before A's note: removing everything would silently drop A's note.
      const removal = performAction(
        database,
        record.id,
        'record-vulnerability',
        { ...c.values, on: '2026-09-03', details: '' },
        { by: 'Cy', today: TODAY, base: c.base, clock: tickingClock('2026-11-30T12:00:00Z') },
      );
      await expect(removal).rejects.toBeInstanceOf(EditConflictError);
    });

    // explore27 finding 1: a correction form opened before another window's correction used to write back every field.
    it("a correction opened before B corrected the date received keeps B's date; A's entry names only the summary", async () => {
      const database = open();
      const record = await newCase(database, 'kijoma');
      const a = await openForm(database, record.id, 'correct-facts');
      const b = await openForm(database, record.id, 'correct-facts');
      await performAction(
        database,
        record.id,
        'correct-facts',
        { ...b.values, receivedOn: '2026-08-20', reason: 'Postmarked 20 August' },
        { by: 'Bea', today: TODAY, base: b.base, clock: tickingClock() },
      );
      expect((await database.caseIndex.get(record.id))?.adrLetterDueOn).toBe('2026-10-01');

      const { event } = await performAction(
        database,
        record.id,
        'correct-facts',
        { ...a.values, summary: 'Charged twice, after 7pm', reason: 'Customer added the time' },
        { by: 'Al', today: TODAY, base: a.base, clock: tickingClock('2026-11-30T10:00:00Z') },
      );
      expect(event.data).toMatchObject({ changed: ['summary'], reason: 'Customer added the time' });
      expect(event.data?.before).not.toHaveProperty('receivedOn');
      expect(await database.cases.get(record.id)).toMatchObject({
        receivedOn: '2026-08-20',
        summary: 'Charged twice, after 7pm',
      });
      expect((await database.caseIndex.get(record.id))?.adrLetterDueOn).toBe('2026-10-01');
    });

    it('a fact both windows corrected differently is refused and nothing is written', async () => {
      const database = open();
      const record = await newCase(database, 'kijoma');
      const { result, before } = await bothSave(
        database,
        record.id,
        'correct-facts',
        { category: 'service', reason: 'About the service' },
        { category: 'sales', reason: 'About a sale' },
      );
      expect(result).toBeInstanceOf(EditConflictError);
      expect((result as EditConflictError).conflicts).toEqual([
        { field: 'category', label: 'Category', base: record.category, theirs: 'service', mine: 'sales' },
      ]);
      expect(await counts(database, record.id)).toEqual(before);
    });

    it('a provider both windows moved differently is refused naming the providers, not their ids', async () => {
      const database = open();
      const record = await newCase(database, 'kijoma');
      const providers = [
        {
          id: caseProviderId(record),
          name: 'Kijoma UK',
          calendar: 'england-and-wales' as const,
          procedureId: 'kijoma',
        },
        { id: 'c0ffee-42', name: 'Jive Canada', calendar: 'canada' as const, procedureId: 'jive-ca' },
        { id: 'b0b-7', name: 'Miso Mobile', calendar: 'england-and-wales' as const, procedureId: 'miso' },
      ];
      const a = await openForm(database, record.id, 'correct-facts');
      const b = await openForm(database, record.id, 'correct-facts');
      await performAction(
        database,
        record.id,
        'correct-facts',
        { ...b.values, providerId: 'c0ffee-42', procedureId: 'jive-ca', reason: 'Canadian customer' },
        { by: 'Bea', today: TODAY, base: b.base, providers, clock: tickingClock() },
      );
      const result = await performAction(
        database,
        record.id,
        'correct-facts',
        { ...a.values, providerId: 'b0b-7', procedureId: 'miso', reason: 'Mobile customer' },
        { by: 'Al', today: TODAY, base: a.base, providers, clock: tickingClock('2026-11-30T10:00:00Z') },
      ).catch((e: unknown) => e);
      expect(result).toBeInstanceOf(EditConflictError);
      expect((result as EditConflictError).message).toContain(
        'provider was Kijoma UK when you opened this, now Jive Canada',
      );
      expect((result as EditConflictError).message).not.toContain('c0ffee');
    });
  });
});

describe('corrections, voids and reopening (#15)', () => {
  it('a correction of the date received is one entry; the case, its clocks and its index move in the same transaction', async () => {
    const database = open();
    const clock = tickingClock();
    const c = await newCase(database, 'kijoma');
    const before = await counts(database, c.id);
    // Ofcom GC C4: 6 weeks from receipt.
    expect(before.index?.adrLetterDueOn).toBe('2026-10-13');
    const { event, record } = await performAction(
      database,
      c.id,
      'correct-facts',
      {
        ...defaultInput('correct-facts', { record: c, procedure: null, today: TODAY }),
        receivedOn: '2026-08-20',
        reason: 'Postmarked 20 August',
      },
      { by: 'Kim Lee', today: TODAY, clock },
    );
    expect(event).toMatchObject({
      type: 'corrected',
      on: TODAY,
      by: 'Kim Lee',
      data: { changed: ['receivedOn'], before: { receivedOn: '2026-09-01' }, after: { receivedOn: '2026-08-20' } },
    });
    const after = await counts(database, c.id);
    expect(after.events).toBe(before.events + 1);
    expect(after.record).toEqual(record);
    expect(after.record?.receivedOn).toBe('2026-08-20');
    expect(after.index?.receivedOn).toBe('2026-08-20');
    expect(after.index?.adrLetterDueOn).toBe('2026-10-01');
    // The first entry stays as it was recorded.
    const received = (await readTimeline(database, c.id)).find((e) => e.type === 'received');
    expect(received?.on).toBe('2026-09-01');
  });

  it('a correction the rules engine cannot read is refused and writes nothing', async () => {
    const database = open();
    const clock = tickingClock();
    const c = await newCase(database, 'kinex');
    await performAction(
      database,
      c.id,
      'escalate',
      { on: '2026-09-02', reason: 'Manager' },
      { by: 'Kim', today: TODAY, clock },
    );
    await performAction(
      database,
      c.id,
      'escalate',
      { on: '2026-09-03', reason: 'Again' },
      { by: 'Kim', today: TODAY, clock },
    );
    await performAction(
      database,
      c.id,
      'escalate',
      { on: '2026-09-04', reason: 'Again' },
      { by: 'Kim', today: TODAY, clock },
    );
    const before = await counts(database, c.id);
    // Kinex's fourth stage does not exist in Kijoma.
    await expect(
      performAction(
        database,
        c.id,
        'correct-facts',
        { procedureId: 'kijoma', reason: 'Wrong brand' },
        { by: 'Kim', today: TODAY, clock },
      ),
    ).rejects.toThrow(ActionRefusedError);
    expect(await counts(database, c.id)).toEqual(before);
  });

  it('voiding an escalation puts the stage back on the case and its index; reopening a closed case opens it', async () => {
    const database = open();
    const clock = tickingClock();
    const c = await newCase(database, 'kinex');
    const by = { by: 'Kim Lee', today: TODAY, clock };
    const { event: escalation } = await performAction(
      database,
      c.id,
      'escalate',
      { on: '2026-09-02', reason: 'Mistake' },
      by,
    );
    const escalatedStage = (await database.cases.get(c.id))?.stage;
    await performAction(
      database,
      c.id,
      'void-entry',
      { entryId: escalation.id, reason: 'Escalated the wrong case' },
      by,
    );
    const afterVoid = await counts(database, c.id);
    expect(afterVoid.record?.stage).not.toBe(escalatedStage);
    expect(afterVoid.record?.stage).toBe(getProcedure('kinex').stages[0].id);
    expect(afterVoid.index?.stage).toBe(getProcedure('kinex').stages[0].id);
    expect((await readTimeline(database, c.id)).find((e) => e.id === escalation.id)).toEqual(escalation);
    await expect(
      performAction(database, c.id, 'void-entry', { entryId: escalation.id, reason: 'Again' }, by),
    ).rejects.toThrow('This entry was already voided');

    await performAction(database, c.id, 'resolve', { on: '2026-09-05', summary: 'Refund' }, by);
    await performAction(database, c.id, 'close', { on: '2026-09-06' }, by);
    expect((await counts(database, c.id)).index?.status).toBe('closed');
    await performAction(database, c.id, 'reopen', { on: '2026-11-20', reason: 'Refund never arrived' }, by);
    const reopened = await counts(database, c.id);
    expect(reopened.record?.status).toBe('open');
    expect(reopened.index?.status).toBe('open');
  });
});
