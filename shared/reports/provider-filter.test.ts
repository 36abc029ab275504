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
