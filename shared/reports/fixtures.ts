// A desk's cases designed by hand for the report tests (report.test.ts), with every figure worked out by hand below.
// Full records with customers and free text, so a privacy test can anonymise them and check that the report does not
// change. Report: period 2026-04-01 to 2026-06-30 (Q2 2026), today 2026-07-15.
//
// The calendar used below (2026): 1 Apr is a Wednesday. Bank holidays: Good Friday 3 Apr (all UK, Canada), Easter
// Monday 6 Apr (England & Wales, Northern Ireland; NOT Scotland), St Patrick's Day 17 Mar (Northern Ireland), early
// May 4 May and spring 25 May (UK), Victoria Day 18 May and Canada Day 1 Jul (Canada).
// Ofcom GC C4: complaints made before 2026-04-08 get the ADR letter at 8 weeks (56 days), from then 6 weeks (42).
//
//  id   procedure  calendar  channel    category      handler  received   timeline
//  c01  kijoma     E&W       phone      billing       Sam      Wed 04-01  responded 04-09, resolved 04-09, closed 04-10
//  c02  kijoma     E&W       email      fault-repair  Jo       Fri 04-10  ack 04-10, paused 04-13, resumed 04-20, responded 04-22, resolved 04-22
//  c03  miso       E&W       phone      billing       Sam      Mon 04-13  ack 04-13, resolved 04-14, closed 04-20
//  c04  miso       E&W       phone      service       Jo       Tue 04-14  ack 04-15, escalated 04-20, resolved 06-05
//  c05  miso       Scotland  email      billing       -        Fri 05-01  (nothing: still open)
//  c06  jive-ca    Canada    phone      billing       Sam      Fri 05-15  ack 05-15, resolved 05-19, goodwill CAD 25 05-19
//  c07  jive-ca    Canada    email      service       Jo       Tue 06-30  ack 07-02 (open)
//  c08  kinex      E&W       letter     sales         Jo       Thu 04-02  ack 04-07, escalated 04-09, 04-14, responded 05-20, escalated 05-22, resolved 06-01
//  c09  infinity   E&W       letter     billing       Sam      Mon 05-18  responded 06-02, deadlock 06-10, ADR letter 06-10, compensation GBP 50 06-10,
//                                                                          referred to ADR 06-20, closed 06-25
//  c10  ofcom      NI        web        pricing       Jo       Mon 03-16  resolved 04-08, goodwill GBP 20 04-08
//  c11  ofcom      NI        phone      other         -        Thu 04-02  resolved 04-07, closed 04-07
//  c12  kijoma     Scotland  web        fault-repair  Sam      Thu 04-02  resolved 04-07
//  c13  kijoma     E&W       phone      billing       Jo       Tue 06-16  compensation GBP 30.50 07-01 (open)
//  c14  kijoma     E&W       email      sales         Sam      Mon 06-29  resolved 07-01, closed 07-02
//  c15  ofcom      E&W       chat       service       -        Fri 02-20  ADR letter 04-20, referred to ADR 05-05 (open)
//  c16  kijoma     E&W       in-person  other         Jo       Tue 05-05  resolved 05-04 (before receipt: the rules engine refuses it)
import type { CalendarId, CaseRecord, Category, Channel, TimelineEvent, TimelineType } from '#shared/model/case';
import type { ReportPeriod } from './periods';

export const FIXTURE_PERIOD: ReportPeriod = { from: '2026-04-01', to: '2026-06-30' };
export const FIXTURE_TODAY = '2026-07-15';

export interface FixtureCase {
  record: CaseRecord;
  events: TimelineEvent[];
}

type E = [TimelineType, string, Record<string, unknown>?];

function fixture(
  n: number,
  procedureId: string,
  calendar: CalendarId,
  channel: Channel,
  category: Category,
  assignee: string,
  receivedOn: string,
  timeline: E[],
): FixtureCase {
  const id = `c${String(n).padStart(2, '0')}`;
  const record: CaseRecord = {
    id,
    reference: `RDR-2026-${String(n).padStart(6, '0')}`,
    receivedOn,
    channel,
    customer: {
      name: `Customer ${id} Person`,
      address: { lines: [`${n} Personal Street`, 'Leeds'], postcode: 'LS1 1AA' },
      phone: '0113 496 0000',
      email: `${id}@example.com`,
      accountNumber: `AC${n}99`,
    },
    category,
    summary: `Free text about ${id}: what the customer said.`,
    procedureId,
    calendar,
    // Deliberately not the case's stage nor status (a record from before new cases stored their first stage): reports
    // cannot read either (summary.ts `ReportCaseRecord` has neither); they read both from the timeline.
    stage: '',
    status: 'open',
    ...(assignee ? { assignee } : {}),
    createdAt: `${receivedOn}T09:00:00.000Z`,
    updatedAt: `${receivedOn}T09:00:00.000Z`,
  };
  const events: TimelineEvent[] = [['received', receivedOn] as E, ...timeline].map(([type, on, data], i) => ({
    id: `${id}-e${i}`,
    caseId: id,
    type,
    on,
    at: `${on}T10:${String(i).padStart(2, '0')}:00.000Z`,
    by: 'Staff Member',
    summary: `Free text on ${type} of ${id}`,
    ...(data ? { data } : {}),
  }));
  return { record, events };
}

const pay = (kind: 'compensation' | 'goodwill', amount: number, currency: string) => ({
  kind,
  amount,
  currency,
  reason: 'Free-text reason',
});

export const FIXTURE_CASES: FixtureCase[] = [
  fixture(1, 'kijoma', 'england-and-wales', 'phone', 'billing', 'Sam Patel', '2026-04-01', [
    ['responded', '2026-04-09'],
    ['resolved', '2026-04-09'],
    ['closed', '2026-04-10'],
  ]),
  fixture(2, 'kijoma', 'england-and-wales', 'email', 'fault-repair', 'Jo Bloggs', '2026-04-10', [
    ['acknowledged', '2026-04-10'],
    ['paused', '2026-04-13'],
    ['resumed', '2026-04-20'],
    ['responded', '2026-04-22'],
    ['resolved', '2026-04-22'],
  ]),
  fixture(3, 'miso', 'england-and-wales', 'phone', 'billing', 'Sam Patel', '2026-04-13', [
    ['acknowledged', '2026-04-13'],
    ['resolved', '2026-04-14'],
    ['closed', '2026-04-20'],
  ]),
  fixture(4, 'miso', 'england-and-wales', 'phone', 'service', 'Jo Bloggs', '2026-04-14', [
    ['acknowledged', '2026-04-15'],
    ['escalated', '2026-04-20', { stage: 'resolution-attempt-2' }],
    ['note', '2026-04-21'],
    ['resolved', '2026-06-05'],
  ]),
  fixture(5, 'miso', 'scotland', 'email', 'billing', '', '2026-05-01', []),
  fixture(6, 'jive-ca', 'canada', 'phone', 'billing', 'Sam Patel', '2026-05-15', [
    ['acknowledged', '2026-05-15'],
    ['resolved', '2026-05-19'],
    ['compensation', '2026-05-19', pay('goodwill', 25, 'CAD')],
  ]),
  fixture(7, 'jive-ca', 'canada', 'email', 'service', 'Jo Bloggs', '2026-06-30', [['acknowledged', '2026-07-02']]),
  fixture(8, 'kinex', 'england-and-wales', 'letter', 'sales', 'Jo Bloggs', '2026-04-02', [
    ['acknowledged', '2026-04-07'],
    ['escalated', '2026-04-09', { stage: 'escalation-team' }],
    ['escalated', '2026-04-14', { stage: 'customer-resolution' }],
    ['responded', '2026-05-20'],
    ['escalated', '2026-05-22', { stage: 'resolution-manager' }],
    ['resolved', '2026-06-01'],
  ]),
  fixture(9, 'infinity', 'england-and-wales', 'letter', 'billing', 'Sam Patel', '2026-05-18', [
    ['responded', '2026-06-02'],
    ['deadlock', '2026-06-10'],
    ['adr-letter-sent', '2026-06-10'],
    ['compensation', '2026-06-10', pay('compensation', 50, 'GBP')],
    ['referred-to-adr', '2026-06-20'],
    ['closed', '2026-06-25'],
  ]),
  fixture(10, 'ofcom', 'northern-ireland', 'web', 'pricing', 'Jo Bloggs', '2026-03-16', [
    ['resolved', '2026-04-08'],
    ['compensation', '2026-04-08', pay('goodwill', 20, 'GBP')],
  ]),
  fixture(11, 'ofcom', 'northern-ireland', 'phone', 'other', '', '2026-04-02', [
    ['resolved', '2026-04-07'],
    ['closed', '2026-04-07'],
  ]),
  fixture(12, 'kijoma', 'scotland', 'web', 'fault-repair', 'Sam Patel', '2026-04-02', [['resolved', '2026-04-07']]),
  fixture(13, 'kijoma', 'england-and-wales', 'phone', 'billing', 'Jo Bloggs', '2026-06-16', [
    ['compensation', '2026-07-01', pay('compensation', 30.5, 'GBP')],
  ]),
  fixture(14, 'kijoma', 'england-and-wales', 'email', 'sales', 'Sam Patel', '2026-06-29', [
    ['resolved', '2026-07-01'],
    ['closed', '2026-07-02'],
  ]),
  fixture(15, 'ofcom', 'england-and-wales', 'chat', 'service', '', '2026-02-20', [
    ['adr-letter-sent', '2026-04-20'],
    ['referred-to-adr', '2026-05-05'],
  ]),
  fixture(16, 'kijoma', 'england-and-wales', 'in-person', 'other', 'Jo Bloggs', '2026-05-05', [
    ['resolved', '2026-05-04'],
  ]),
];
