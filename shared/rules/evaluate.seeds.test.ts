// Table tests: each seed procedure walked through a realistic case. At each checkpoint the case is evaluated with
// the events recorded up to that day, as a desk would see it.
import { describe, expect, it } from 'vitest';
import { evaluateCase } from './evaluate';
import type { CaseFacts, ClockState, Evaluation, RuleEvent } from './types';

type Expect = {
  today: string;
  stage?: string;
  level?: number;
  /** clock id → [state, dueOn]; `absent` = the clock is not part of this procedure's regime. */
  clocks?: Record<string, [ClockState, string | null] | 'absent'>;
  actions?: string[];
  explain?: Record<string, RegExp>;
  warnings?: RegExp[];
};

/** One test per checkpoint of the case `name`. What a checkpoint leaves out is not compared. */
function walk(name: string, facts: CaseFacts, checkpoints: Expect[]): void {
  it.each(checkpoints.map((c) => [c.today, c] as const))(`${name}: on %s`, (_today, c) => {
    const seen = { ...facts, events: facts.events.filter((e) => e.on <= c.today) };
    const e: Evaluation = evaluateCase(seen, c.today);
    expect(e.stage).toBe(c.stage ?? e.stage);
    expect(e.escalationLevel).toBe(c.level ?? e.escalationLevel);
    for (const [id, want] of Object.entries(c.clocks ?? {})) {
      const clock = e.clocks.find((x) => x.id === id);
      // A clock that is not there compares as 'absent', so a missing clock and an unexpected one both fail.
      expect(clock ? [clock.state, clock.dueOn] : 'absent', `${id}: ${clock?.explanation}`).toEqual(want);
    }
    const labels = e.nextActions.map((a) => a.label);
    expect(labels).toEqual(c.actions ?? labels);
    for (const [id, re] of Object.entries(c.explain ?? {})) {
      expect(e.clocks.find((x) => x.id === id)?.explanation).toMatch(re);
    }
    // As many warnings as named, each matching its pattern in order (none named: any warnings, each matching anything).
    const warnings = c.warnings ?? e.warnings.map(() => /(?:)/);
    expect(e.warnings).toEqual(warnings.map((re) => expect.stringMatching(re)));
  });
}

const ev = (type: RuleEvent['type'], on: string, stage?: string): RuleEvent =>
  stage ? { type, on, stage } : { type, on };

// --- Kijoma Broadband: 5 working days; manager review; CISAS ---------------------------------------------------------
walk(
  'kijoma: phone complaint over Christmas, manager review, deadlock and CISAS',
  {
    procedureId: 'kijoma',
    calendar: 'england-and-wales',
    receivedOn: '2026-12-18',
    channel: 'phone',
    category: 'billing',
    events: [
      ev('acknowledged', '2026-12-18'),
      ev('escalated', '2026-12-22'),
      ev('responded', '2026-12-23'),
      ev('deadlock', '2027-01-08'),
      ev('adr-letter-sent', '2027-01-08'),
      ev('referred-to-adr', '2027-02-01'),
    ],
  },
  [
    {
      today: '2026-12-18',
      stage: 'customer-services',
      level: 0,
      clocks: {
        acknowledgement: ['not-applicable', null],
        'first-response': ['running', '2026-12-29'],
        'stage-response': ['running', '2026-12-29'],
        'adr-letter': ['running', '2027-01-29'],
        'adr-referral-window': ['not-applicable', null],
        'ccts-response': 'absent',
      },
      actions: ['Send a substantive reply', 'Send the ADR letter'],
      explain: {
        'first-response': /Christmas Day 2026-12-25, Boxing Day \(substitute day\) 2026-12-28/,
        'adr-letter': /^due 2027-01-29: received 2026-12-18 \+ 6 weeks, Ofcom GC C4 from 2026-04-08$/,
      },
      warnings: [],
    },
    {
      today: '2026-12-22',
      stage: 'management-review',
      level: 1,
      clocks: { 'first-response': ['running', '2026-12-29'], 'stage-response': ['not-applicable', null] },
    },
    {
      today: '2027-01-04',
      clocks: { 'first-response': ['met', '2026-12-29'], 'adr-letter': ['running', '2027-01-29'] },
    },
    {
      today: '2027-01-08',
      clocks: { 'adr-letter': ['met', '2027-01-08'], 'adr-referral-window': ['running', '2028-01-08'] },
      actions: [],
    },
    { today: '2027-02-01', stage: 'adr', clocks: { 'adr-referral-window': ['met', '2028-01-08'] } },
  ],
);

// --- Miso Communications: reference number at once; three resolution attempts; deadlock ---------------------------
walk(
  'miso: email complaint made before 2026-04-08 (8 weeks) that drifts past the ADR date',
  {
    procedureId: 'miso',
    calendar: 'england-and-wales',
    receivedOn: '2026-03-30',
    channel: 'email',
    events: [
      ev('acknowledged', '2026-03-30'),
      ev('escalated', '2026-04-02'),
      ev('resolution-proposed', '2026-04-16'),
      ev('escalated', '2026-04-20'),
    ],
  },
  [
    {
      today: '2026-03-30',
      stage: 'resolution-attempt-1',
      clocks: {
        acknowledgement: ['met', '2026-03-30'],
        'first-response': ['not-applicable', null],
        'adr-letter': ['running', '2026-05-25'],
      },
      explain: {
        acknowledgement:
          /^due 2026-03-30: received 2026-03-30, at once, Miso Communications complaints procedure v1 \(a complaint reference number\)\. Met: acknowledged 2026-03-30\.$/,
        'adr-letter':
          /\+ 8 weeks, Ofcom GC C4 before 2026-04-08\. 2026-05-25 is a bank holiday \(Spring bank holiday\); a date counted in days is not moved\.$/,
      },
    },
    { today: '2026-04-20', stage: 'resolution-attempt-3', level: 2 },
    {
      today: '2026-05-26',
      clocks: { 'adr-letter': ['missed', '2026-05-25'] },
      actions: ['Send the ADR letter (overdue)'],
    },
  ],
);

walk(
  'miso: complaint made on 2026-04-08 (6 weeks), deadlock at attempt 3, ADR letter a day late',
  {
    procedureId: 'miso',
    calendar: 'england-and-wales',
    receivedOn: '2026-04-08',
    channel: 'phone',
    events: [
      ev('acknowledged', '2026-04-08'),
      ev('escalated', '2026-04-09'),
      ev('escalated', '2026-04-15'),
      ev('deadlock', '2026-05-06'),
      ev('adr-letter-sent', '2026-05-07'),
    ],
  },
  [
    { today: '2026-04-08', clocks: { 'adr-letter': ['running', '2026-05-20'] } },
    {
      today: '2026-05-06',
      stage: 'deadlock',
      clocks: { 'adr-letter': ['running', '2026-05-06'] },
      actions: ['Send the ADR letter (deadlock: at once)'],
    },
    {
      today: '2026-05-07',
      clocks: { 'adr-letter': ['missed', '2026-05-06'], 'adr-referral-window': ['running', '2027-05-07'] },
    },
  ],
);

// --- kinex: customer service → escalation team → Customer Resolution (28 days of transfer) → manager -------------
walk(
  'kinex: letter complaint transferred to Customer Resolution, paused for documents, answered, ADR letter overdue',
  {
    procedureId: 'kinex',
    calendar: 'england-and-wales',
    receivedOn: '2026-06-01',
    channel: 'letter',
    events: [
      ev('acknowledged', '2026-06-02'),
      ev('escalated', '2026-06-03'),
      ev('escalated', '2026-06-08'),
      ev('paused', '2026-06-15'),
      ev('resumed', '2026-06-22'),
      ev('responded', '2026-07-10'),
      ev('escalated', '2026-07-13'),
    ],
  },
  [
    { today: '2026-06-03', stage: 'escalation-team', level: 1, clocks: { 'stage-response': ['not-applicable', null] } },
    {
      today: '2026-06-08',
      stage: 'customer-resolution',
      level: 2,
      clocks: { 'stage-response': ['running', '2026-07-06'], 'adr-letter': ['running', '2026-07-13'] },
      explain: {
        'stage-response': /^due 2026-07-06: entered the Customer resolution stage 2026-06-08 \+ 28 days, kinex/,
      },
    },
    {
      // Paused since 15 June: 15-18 June (4 days, counting today) stop the 28 days; the ADR date does not move.
      today: '2026-06-18',
      clocks: { 'stage-response': ['running', '2026-07-10'], 'adr-letter': ['running', '2026-07-13'] },
      actions: ['Send the formal written response', 'Send the ADR letter', 'Resume the case when the customer replies'],
    },
    { today: '2026-07-10', clocks: { 'stage-response': ['met', '2026-07-13'] } },
    {
      today: '2026-07-14',
      stage: 'resolution-manager',
      level: 3,
      clocks: { 'stage-response': ['not-applicable', null], 'adr-letter': ['missed', '2026-07-13'] },
      actions: ['Send the ADR letter (overdue)'],
    },
  ],
);

// --- Jive Canada: acknowledge at once; two escalation levels; CCTS ----------------------------------------------------
walk(
  'jive-ca: chat complaint escalated twice (CCTS notice), then referred by the CCTS',
  {
    procedureId: 'jive-ca',
    calendar: 'canada',
    receivedOn: '2026-06-26',
    channel: 'chat',
    events: [
      ev('acknowledged', '2026-06-26'),
      ev('escalated', '2026-06-29'),
      ev('escalated', '2026-07-02'),
      ev('ccts-informed', '2026-07-02'),
      ev('ccts-referral', '2026-08-04'),
      ev('responded', '2026-08-20'),
      ev('ccts-report', '2026-08-21'),
    ],
  },
  [
    {
      today: '2026-06-26',
      stage: 'customer-support',
      clocks: {
        acknowledgement: ['met', '2026-06-26'],
        'ccts-notice': ['not-applicable', null],
        'ccts-response': ['not-applicable', null],
        'adr-letter': 'absent',
        'adr-referral-window': 'absent',
      },
      explain: { 'ccts-notice': /Not yet due: .*second level of escalation \(the Head of support stage\)/ },
      warnings: [],
    },
    { today: '2026-06-29', stage: 'senior-manager', level: 1, clocks: { 'ccts-notice': ['not-applicable', null] } },
    { today: '2026-07-02', stage: 'head-of-support', level: 2, clocks: { 'ccts-notice': ['met', '2026-07-02'] } },
    {
      today: '2026-08-05',
      stage: 'ccts',
      level: 2,
      clocks: { 'ccts-response': ['running', '2026-08-24'], 'ccts-objection': ['running', '2026-08-14'] },
      actions: ['Report back to the CCTS'],
      explain: {
        'ccts-response': /^due 2026-08-24: CCTS referral 2026-08-04 \+ 20 days, CCTS Procedural Code from May 2023$/,
      },
    },
    {
      today: '2026-08-25',
      clocks: { 'ccts-response': ['met', '2026-08-24'], 'ccts-objection': ['not-applicable', null] },
    },
  ],
);

walk(
  'jive-ca: a complaint made before May 2023 has 30 days to report back; the CCTS notice is owed at level 2',
  {
    procedureId: 'jive-ca',
    calendar: 'canada',
    receivedOn: '2023-04-15',
    channel: 'phone',
    events: [ev('escalated', '2023-04-20', 'head-of-support'), ev('ccts-referral', '2023-06-01')],
  },
  [
    {
      today: '2023-04-21',
      clocks: { 'ccts-notice': ['missed', '2023-04-20'] },
      actions: [
        'Acknowledge the complaint with a tracking number and an estimated time frame (overdue)',
        'Tell the customer about the CCTS (overdue)',
      ],
    },
    {
      today: '2023-06-02',
      clocks: { 'ccts-response': ['running', '2023-07-01'], 'ccts-objection': ['running', '2023-06-16'] },
      explain: {
        'ccts-response':
          /CCTS Procedural Code before May 2023\. 2023-07-01 is a Saturday; a date counted in days is not moved\.$/,
      },
    },
  ],
);

// --- Infinity Group: letters 10 working days, emails 5, call-backs 5 -------------------------------------------------
describe('infinity: first-response target by channel, received Wednesday 2026-12-23', () => {
  it.each<[CaseFacts['channel'], ClockState, string | null, string | null, RegExp]>([
    [
      'phone',
      'running',
      '2027-01-04',
      'Call the customer back',
      /^due 2027-01-04: received 2026-12-23 \+ 5 working days, .* \(a call-back\)\./,
    ],
    [
      'email',
      'running',
      '2027-01-04',
      'Reply to the email',
      /^due 2027-01-04: received 2026-12-23 \+ 5 working days, .* \(a reply to the email\)\./,
    ],
    [
      'letter',
      'running',
      '2027-01-11',
      'Reply to the letter',
      /^due 2027-01-11: received 2026-12-23 \+ 10 working days, .* \(a reply to the letter\)\./,
    ],
    ['web', 'not-applicable', null, null, /sets no first-response target for web form complaints/],
  ])('%s', (channel, state, dueOn, action, explanation) => {
    const e = evaluateCase(
      { procedureId: 'infinity', calendar: 'england-and-wales', receivedOn: '2026-12-23', channel, events: [] },
      '2026-12-23',
    );
    const fr = e.clocks.find((c) => c.id === 'first-response');
    expect([fr?.state, fr?.dueOn]).toEqual([state, dueOn]);
    const a = e.nextActions.find((x) => x.id === 'first-response');
    expect(a?.label ?? null).toBe(action);
    expect(fr?.explanation).toMatch(explanation);
  });
});

walk(
  'infinity: small business phone complaint taken to the Operations and Managing Directors, then deadlock',
  {
    procedureId: 'infinity',
    calendar: 'england-and-wales',
    receivedOn: '2026-12-23',
    channel: 'phone',
    customer: { isBusiness: true, employees: 8 },
    events: [
      ev('responded', '2026-12-30'),
      ev('escalated', '2027-01-05'),
      ev('escalated', '2027-01-20'),
      ev('deadlock', '2027-01-27'),
      ev('adr-letter-sent', '2027-01-27'),
    ],
  },
  [
    {
      today: '2026-12-30',
      stage: 'customer-service',
      clocks: { 'first-response': ['met', '2027-01-04'] },
      warnings: [],
    },
    { today: '2027-01-05', stage: 'operations-director', level: 1 },
    { today: '2027-01-20', stage: 'managing-director', level: 2, clocks: { 'adr-letter': ['running', '2027-02-03'] } },
    {
      today: '2027-01-27',
      clocks: { 'adr-letter': ['met', '2027-01-27'], 'adr-referral-window': ['running', '2028-01-27'] },
      explain: { 'adr-referral-window': /to the Communications Ombudsman\.$/ },
    },
  ],
);

walk(
  'infinity: a pricing complaint from a business with 40 employees is outside the scheme',
  {
    procedureId: 'infinity',
    calendar: 'england-and-wales',
    receivedOn: '2026-09-01',
    channel: 'email',
    category: 'pricing',
    customer: { isBusiness: true, employees: 40 },
    events: [],
  },
  [
    {
      today: '2026-09-01',
      clocks: {
        'first-response': ['running', '2026-09-08'],
        'adr-letter': ['not-applicable', null],
        'adr-referral-window': ['not-applicable', null],
      },
      actions: ['Reply to the email', 'Acknowledge the complaint'],
      warnings: [/40 employees: outside the Communications Ombudsman's scope/, /Pricing complaint/],
    },
  ],
);

// --- Ofcom baseline: only the regulatory clocks ----------------------------------------------------------------------
walk(
  'ofcom baseline: in-person complaint resolved within the ADR period, then closed',
  {
    procedureId: 'ofcom',
    calendar: 'northern-ireland',
    receivedOn: '2026-07-10',
    channel: 'in-person',
    events: [ev('acknowledged', '2026-07-10'), ev('resolved', '2026-07-30'), ev('closed', '2026-07-31')],
  },
  [
    {
      today: '2026-07-10',
      stage: 'front-line',
      clocks: {
        acknowledgement: ['not-applicable', null],
        'first-response': ['not-applicable', null],
        'stage-response': ['not-applicable', null],
        'adr-letter': ['running', '2026-08-21'],
      },
      actions: ['Send the ADR letter'],
    },
    { today: '2026-07-30', clocks: { 'adr-letter': ['not-applicable', null] }, actions: ['Close the case'] },
    { today: '2026-07-31', actions: [] },
  ],
);
