// Issue #16: reports filter by provider. A case keeps the provider it was logged for; cases from before providers
// count under the desk's first one.
import { describe, expect, it } from 'vitest';
import { FIRST_PROVIDER_ID } from '#shared/model/provider';
import { FIXTURE_CASES, FIXTURE_PERIOD, FIXTURE_TODAY } from './fixtures';
import { buildReport, describeFilters, measureOf } from './report';
import { summariseCase } from './summary';
import { reportTable } from './table';

// Every third fixture case is Jive's; the others carry no provider (logged before providers existed).
const summaries = FIXTURE_CASES.map((c, i) =>
  summariseCase(i % 3 === 0 ? { ...c.record, providerId: 'jive' } : c.record, c.events, FIXTURE_TODAY),
);
const received = (providerId?: string) =>
  measureOf(
    buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: providerId ? { providerId } : {},
    }),
    'received',
  ).value;

describe('the provider filter', () => {
  it('counts each provider’s cases, older cases under the first provider, and together all of them', () => {
    expect(summaries.filter((s) => s.providerId === 'jive')).toHaveLength(Math.ceil(FIXTURE_CASES.length / 3));
    expect(summaries.filter((s) => s.providerId === FIRST_PROVIDER_ID)).toHaveLength(
      FIXTURE_CASES.length - Math.ceil(FIXTURE_CASES.length / 3),
    );
    const jive = received('jive');
    const first = received(FIRST_PROVIDER_ID);
    expect(jive).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(0);
    expect(jive! + first!).toBe(received());
  });

  it('says which provider in the report’s words', () => {
    expect(describeFilters({ providerId: 'jive' }, undefined, (id) => (id === 'jive' ? 'Jive Canada' : id))).toBe(
      'Provider: Jive Canada',
    );
    const report = buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: { providerId: 'jive' },
    });
    const table = reportTable(report, { company: 'Desk', providerNames: { jive: 'Jive Canada' } });
    expect(table.some((row) => row.includes('Provider: Jive Canada'))).toBe(true);
  });
});

describe('received by provider (explore40-manager #2)', () => {
  const desk = [
    { id: FIRST_PROVIDER_ID, name: 'Kijoma Broadband' },
    { id: 'jive', name: 'Jive Canada' },
    { id: 'quiet', name: 'Quiet Telecom' },
  ];
  const report = (options: { providers?: typeof desk; providerId?: string } = {}) =>
    buildReport(summaries, {
      period: FIXTURE_PERIOD,
      today: FIXTURE_TODAY,
      filters: options.providerId ? { providerId: options.providerId } : {},
      ...(options.providers ? { providers: options.providers } : {}),
    });

  it('counts each provider’s cases received, in the desk’s order, one with none too; they add up to the desk’s', () => {
    // Jive's: c01 (04-01), c04 (04-14), c07 (06-30), c13 (06-16), c16 (05-05) in the period; c10 (03-16) before it.
    // The other 9 of the 14 received are the first provider's.
    const byProvider = report({ providers: desk }).volumes.byProvider;
    expect(byProvider).toEqual([
      { key: FIRST_PROVIDER_ID, label: 'Kijoma Broadband', count: 9 },
      { key: 'jive', label: 'Jive Canada', count: 5 },
      { key: 'quiet', label: 'Quiet Telecom', count: 0 },
    ]);
    expect(byProvider.reduce((n, r) => n + r.count, 0)).toBe(received());
    // In the CSV, under its own title.
    const table = reportTable(report({ providers: desk }), { company: 'Desk' });
    expect(table.filter((row) => row[0] === 'Received by provider').map((row) => [row[1], row[2]])).toEqual([
      ['Kijoma Broadband', '9'],
      ['Jive Canada', '5'],
      ['Quiet Telecom', '0'],
    ]);
  });

  it('is left out on a desk of one provider, and in a report on one provider', () => {
    expect(report().volumes.byProvider).toEqual([]);
    expect(report({ providers: desk.slice(0, 1) }).volumes.byProvider).toEqual([]);
    expect(report({ providers: desk, providerId: 'jive' }).volumes.byProvider).toEqual([]);
  });

  it('names by its id a provider the desk no longer has, after the desk’s own', () => {
    expect(report({ providers: desk.filter((p) => p.id !== 'jive') }).volumes.byProvider).toEqual([
      { key: FIRST_PROVIDER_ID, label: 'Kijoma Broadband', count: 9 },
      { key: 'quiet', label: 'Quiet Telecom', count: 0 },
      { key: 'jive', label: 'jive', count: 5 },
    ]);
  });
});

describe('the regions reported on', () => {
  const report = (regions?: ReadonlySet<'UK' | 'CA'>) =>
    buildReport(summaries, { period: FIXTURE_PERIOD, today: FIXTURE_TODAY, filters: { providerId: 'jive' }, regions });
  const ids = (regions?: ReadonlySet<'UK' | 'CA'>) => report(regions).measures.map((m) => m.id);
  const ofcom = ['within-regulatory-deadline', 'adr-letters-sent', 'adr-letters-on-time', 'adr-referrals'];

  it('leaves Ofcom’s rows out of a Canadian provider’s report, and the CCTS row out of a UK one’s', () => {
    for (const id of ofcom) expect(ids(new Set(['CA']))).not.toContain(id);
    expect(ids(new Set(['CA']))).toContain('ccts-referrals');
    expect(ids(new Set(['UK']))).not.toContain('ccts-referrals');
    for (const id of ofcom) expect(ids(new Set(['UK']))).toContain(id);
  });

  it('keeps every row for a desk with providers in both, or when the regions are not given, with the same figures', () => {
    const all = report();
    expect(report(new Set(['UK', 'CA'])).measures).toEqual(all.measures);
    expect(report(new Set(['CA'])).measures).toEqual(all.measures.filter((m) => !ofcom.includes(m.id)));
    // The table exported has the rows the page shows.
    const meta = { company: 'Jive Canada Inc.' };
    const rows = (r: ReturnType<typeof report>) => reportTable(r, meta).map((row) => row[1]);
    expect(rows(report(new Set(['CA'])))).not.toContain('ADR letters sent');
    expect(rows(all)).toContain('ADR letters sent');
  });
});
