import { describe, expect, it } from 'vitest';
import { getCalendar } from '#shared/rules/index';
import { receivedDateQuestion } from './received-date';

const ew = getCalendar('england-and-wales');
const ask = (date: string, channel: 'letter' | 'phone' = 'letter', today = '2026-12-02') =>
  receivedDateQuestion(date, { today, channel, calendar: ew });

describe('receivedDateQuestion: "Are you sure?" about a received date', () => {
  it('asks nothing about a recent working day', () => {
    expect(ask('2026-12-01')).toBeNull();
    expect(ask('2026-11-02')).toBeNull(); // exactly 30 days ago
  });

  it('asks about a date more than 30 days ago, written out in words', () => {
    expect(ask('2026-11-01', 'phone')).toEqual({
      words: 'Sunday 1 November 2026 — 31 days ago',
      doubts: [{ code: 'long-ago', message: expect.stringContaining('more than 30 days ago') }],
    });
    expect(ask('2026-01-12', 'phone')?.words).toBe('Monday 12 January 2026 — 324 days ago');
  });

  it('asks about a date in the future', () => {
    expect(ask('2026-12-03', 'phone')?.doubts.map((d) => d.code)).toEqual(['future']);
  });

  it('asks about a letter received on a Sunday, but not a phone call', () => {
    expect(ask('2026-11-29')).toEqual({
      words: 'Sunday 29 November 2026 — 3 days ago',
      doubts: [{ code: 'no-post', message: 'It is a Sunday: no post is delivered on a Sunday.' }],
    });
    expect(ask('2026-11-29', 'phone')).toBeNull();
    expect(ask('2026-11-28')).toBeNull(); // Saturday: post is delivered
  });

  it('in Canada, asks about a letter received on a Saturday too (Canada Post delivers Monday to Friday)', () => {
    const canada = getCalendar('canada');
    const question = receivedDateQuestion('2026-12-05', { today: '2026-12-06', channel: 'letter', calendar: canada });
    expect(question?.doubts).toEqual([
      { code: 'no-post', message: 'It is a Saturday: Canada Post delivers letters Monday to Friday.', saturday: true },
    ]);
    expect(receivedDateQuestion('2026-12-05', { today: '2026-12-06', channel: 'phone', calendar: canada })).toBeNull();
    expect(receivedDateQuestion('2026-12-04', { today: '2026-12-06', channel: 'letter', calendar: canada })).toBeNull();
  });

  it('asks about a letter received on a bank holiday of the desk’s calendar', () => {
    const q = ask('2026-08-31', 'letter', '2026-09-01');
    expect(q?.doubts).toEqual([
      {
        code: 'no-post',
        message: expect.stringMatching(/^It is a bank holiday \(.*Summer.*England & Wales\)/),
        holiday: {
          name: expect.stringMatching(/Summer/),
          calendar: 'England & Wales',
          calendarId: 'england-and-wales',
        },
      },
    ]);
    // 3 August 2026 is Scotland's summer bank holiday, not England's.
    expect(ask('2026-08-03', 'letter', '2026-08-04')).toBeNull();
    expect(
      receivedDateQuestion('2026-08-03', { today: '2026-08-04', channel: 'letter', calendar: getCalendar('scotland') })
        ?.doubts[0]?.code,
    ).toBe('no-post');
  });
});
