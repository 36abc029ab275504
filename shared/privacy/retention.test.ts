import { describe, expect, it } from 'vitest';
import type { CalendarId, CaseRecord, TimelineEvent } from '#shared/model/case';
import {
  anonymiseDueOn,
  checkRetentionYears,
  CONTRACT_LIMITATION_STATUTES,
  CONTRACT_LIMITATION_YEARS,
  DEFAULT_RETENTION,
  finishedOn,
  limitationRegions,
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
  it('keeps a case written to in the last 30 days, however long ago it ended: an old paper case typed in today', () => {
    const typedIn = { ...record, updatedAt: '2026-12-07T18:45:35.000Z' };
    const events = [e('received', '2018-01-10'), e('closed', '2018-02-02')];
    expect(retentionDue(typedIn, events, DEFAULT_RETENTION, '2026-12-07')).toBeNull();
    expect(retentionDue(typedIn, events, DEFAULT_RETENTION, '2027-01-05')).toBeNull();
    expect(retentionDue(typedIn, events, DEFAULT_RETENTION, '2027-01-06')).toEqual({
      endedOn: '2018-02-02',
      basis: 'closed',
      dueOn: '2024-02-02',
    });
  });
  it('only cases received on or before the cut-off can be due (so only those are read)', () => {
    expect(receivedOnOrBefore('2026-02-28', DEFAULT_RETENTION)).toBe('2020-02-29');
    expect(receivedOnOrBefore('2026-06-01', { enabled: true, anonymiseAfterYears: 1 })).toBe('2025-06-02');
  });
});

describe('the limitation period hint follows the regions of the desk’s providers (explore27-quebec §10)', () => {
  const provider = (
    calendar: CalendarId,
    postcode: string,
    region: 'UK' | 'CA' = calendar === 'canada' ? 'CA' : 'UK',
  ) => ({
    calendar,
    region,
    company: { name: 'A', addressLines: ['1 Street'], postcode },
  });

  it('UK providers by the nation of their calendar: England & Wales and Northern Ireland 6 years, Scotland 5', () => {
    expect(limitationRegions([provider('england-and-wales', 'LS1 1AA')])).toEqual(['england-and-wales']);
    expect(
      limitationRegions([
        provider('scotland', 'EH1 1AA'),
        provider('northern-ireland', 'BT1 1AA'),
        provider('scotland', 'G1 1AA'),
      ]),
    ).toEqual(['northern-ireland', 'scotland']);
    expect(CONTRACT_LIMITATION_YEARS).toMatchObject({ 'england-and-wales': 6, 'northern-ireland': 6, scotland: 5 });
    // The statutes by their titles, the same in every language.
    expect(CONTRACT_LIMITATION_STATUTES).toEqual({
      'england-and-wales': 'Limitation Act 1980',
      'northern-ireland': 'Limitation (Northern Ireland) Order 1989',
      scotland: 'Prescription and Limitation (Scotland) Act 1973',
    });
  });

  it('Canadian providers by their postal code: Québec 3 years, another province 2; both when it is not Canadian', () => {
    expect(limitationRegions([provider('canada', 'H3B 4W8')])).toEqual(['quebec']);
    expect(limitationRegions([provider('canada', 'M5V 2T6')])).toEqual(['canada-other']);
    expect(limitationRegions([provider('canada', 'SW1A 1AA')])).toEqual(['quebec', 'canada-other']);
    expect(CONTRACT_LIMITATION_YEARS).toMatchObject({ quebec: 3, 'canada-other': 2 });
  });

  it('a desk with providers in both countries gets every region, in one order', () => {
    expect(limitationRegions([provider('canada', 'H2J 2L6'), provider('england-and-wales', 'LS1 1AA')])).toEqual([
      'england-and-wales',
      'quebec',
    ]);
  });
});
