import { describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import {
  anonymiseDueOn,
  checkRetentionYears,
  DEFAULT_RETENTION,
  finishedOn,
  receivedOnOrBefore,
  retentionDue,
  retentionPolicy,
} from './retention';

const record = { status: 'open', updatedAt: '2020-05-05T10:00:00Z', receivedOn: '2019-01-02' } as CaseRecord;
const e = (type: TimelineEvent['type'], on: string) => ({ type, on }) as TimelineEvent;

describe('retention policy', () => {
  it('defaults to 6 years, on, for settings stored before there was a policy; keeps a valid stored one', () => {
    expect(retentionPolicy(null)).toEqual({ enabled: true, anonymiseAfterYears: 6 });
    expect(retentionPolicy({})).toEqual(DEFAULT_RETENTION);
    expect(retentionPolicy({ retention: { enabled: false, anonymiseAfterYears: 8 } })).toEqual({
      enabled: false,
      anonymiseAfterYears: 8,
    });
    expect(retentionPolicy({ retention: { enabled: true, anonymiseAfterYears: 0 } })).toEqual(DEFAULT_RETENTION);
  });
  it('checks the years typed in', () => {
    expect(checkRetentionYears(' 7 ')).toEqual({ ok: true, years: 7 });
    for (const bad of ['', '0', '31', '2.5', 'six'])
      expect(checkRetentionYears(bad)).toEqual({ ok: false, error: 'Enter a whole number of years, from 1 to 30' });
  });
});

describe('finishedOn and retentionDue', () => {
  it('a closed case ends on its first closed entry', () => {
    expect(
      finishedOn(record, [
        e('received', '2019-01-02'),
        e('resolved', '2019-01-10'),
        e('closed', '2019-01-11'),
        e('note', '2019-02-01'),
      ]),
    ).toEqual({ on: '2019-01-11', basis: 'closed' });
  });
  it('a case stored as closed without a closed entry (older data) ends on the day it was last changed', () => {
    expect(finishedOn({ ...record, status: 'closed' }, [e('received', '2019-01-02')])).toEqual({
      on: '2020-05-05',
      basis: 'closed',
    });
  });
  it('a case resolved but never closed ends on its last entry; a case never resolved never ends', () => {
    expect(finishedOn(record, [e('resolved', '2019-01-10'), e('note', '2019-03-01')])).toEqual({
      on: '2019-03-01',
      basis: 'resolved',
    });
    expect(finishedOn(record, [e('received', '2019-01-02'), e('deadlock', '2019-02-01')])).toBeNull();
  });
  it('is due on the anniversary (29 February moves to 28 February), never before, and never twice', () => {
    expect(anonymiseDueOn('2020-02-29', DEFAULT_RETENTION)).toBe('2026-02-28');
    const events = [e('closed', '2020-02-29')];
    expect(retentionDue(record, events, DEFAULT_RETENTION, '2026-02-27')).toBeNull();
    expect(retentionDue(record, events, DEFAULT_RETENTION, '2026-02-28')).toEqual({
      endedOn: '2020-02-29',
      basis: 'closed',
      dueOn: '2026-02-28',
    });
    expect(retentionDue({ ...record, anonymisedOn: '2026-02-28' }, events, DEFAULT_RETENTION, '2027-01-01')).toBeNull();
  });
  it('only cases received on or before the cut-off can be due (so only those are read)', () => {
    expect(receivedOnOrBefore('2026-02-28', DEFAULT_RETENTION)).toBe('2020-02-29');
    expect(receivedOnOrBefore('2026-06-01', { enabled: true, anonymiseAfterYears: 1 })).toBe('2025-06-02');
  });
});
