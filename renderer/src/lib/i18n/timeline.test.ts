// Timeline summaries in the interface language (issue #17): French from the entry's type and data, English as stored.
import { describe, expect, it } from 'vitest';
import { summaryInEnglish, type SummaryPhrase } from '#shared/casework/summaries';
import type { TimelineEvent } from '#shared/model/case';
import { translate, type Translate } from './index';
import { entrySummaryIn } from './timeline';

const fr: Translate = (key, values) => translate('fr-CA', key, values);
const en: Translate = (key, values) => translate('en-GB', key, values);

const event = (type: TimelineEvent['type'], p: SummaryPhrase, data?: Record<string, unknown>): TimelineEvent => ({
  id: 'e1',
  caseId: 'c1',
  type,
  on: '2026-11-18',
  at: '2026-11-18T10:00:00.000Z',
  by: 'Sam',
  summary: summaryInEnglish(p),
  ...(data ? { data } : {}),
});

describe('timeline summaries in the interface language', () => {
  it('says an acknowledgement, a payment and the first entry in French', () => {
    const ack = event(
      'acknowledged',
      { kind: 'acknowledged', values: { channel: { channel: 'email' } } },
      { channel: 'email' },
    );
    expect(entrySummaryIn(fr, 'fr-CA', ack)).toBe('Accusé de réception envoyé (courriel)');
    expect(entrySummaryIn(en, 'en-GB', ack)).toBe('Complaint acknowledged by email');
    const pay = event(
      'compensation',
      {
        kind: 'payment',
        values: {
          kind: { paymentKind: 'goodwill' },
          amount: { money: { amount: 25, currency: 'CAD' } },
          reason: 'Désolé',
        },
      },
      { kind: 'goodwill', amount: 25, currency: 'CAD', reason: 'Désolé' },
    );
    expect(pay.summary).toBe('Goodwill payment of $25.00: Désolé');
    expect(entrySummaryIn(fr, 'fr-CA', pay)).toMatch(/^.+ de 25,00\s\$\u00a0: Désolé$/u);
    const first = event('received', {
      kind: 'received',
      values: { how: { receivedBy: 'phone' }, reference: 'RDR-2026-000042' },
    });
    expect(entrySummaryIn(fr, 'fr-CA', first, { record: { channel: 'phone', reference: 'RDR-2026-000042' } })).toBe(
      'Plainte reçue (téléphone)\u00a0; inscrite sous le numéro RDR-2026-000042',
    );
  });

  it('shows an entry its data does not fully say as it is stored', () => {
    const note: TimelineEvent = { ...event('resumed', { kind: 'resumed' }), type: 'note', summary: 'Called back' };
    expect(entrySummaryIn(fr, 'fr-CA', note)).toBe('Called back');
  });
});
