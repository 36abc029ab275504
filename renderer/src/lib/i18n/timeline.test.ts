// Timeline summaries in the interface language (issue #17): French from the entry's type and data, English as stored.
import { describe, expect, it } from 'vitest';
import { receivedImported, summaryInEnglish, type SummaryPhrase } from '#shared/casework/summaries';
import type { TimelineEvent } from '#shared/model/case';
import { entrySummaryIn } from './timeline';
import { attachmentAddedEntry, attachmentRemovedEntry } from '#shared/files/entries';
import { letterWithdrawnEntry } from '#shared/letters/issued';
import { en, fr } from '#test/support/translate';

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

  // i17c: letters, hand-overs, corrections, voids, vulnerability and attachments.
  it('says letters, hand-overs, corrections, voids, vulnerability and attachments in French, English as stored', () => {
    expect(process.env.TZ).toBe('Europe/London');
    const cases: Array<[TimelineEvent['type'], SummaryPhrase, Record<string, unknown>, string, string]> = [
      [
        'letter-issued',
        { kind: 'letter-issued-edited', values: { letter: { letterKind: 'acknowledgement' }, file: 'a.pdf' } },
        { kind: 'acknowledgement', fileName: 'a.pdf' },
        'Acknowledgement letter issued (a.pdf; wording edited before issue)',
        'Document produit\u00a0: Accusé de réception (a.pdf\u00a0; texte modifié avant la production)',
      ],
      [
        'letter-issued',
        {
          kind: 'letter-issued-printed',
          values: { letter: { letterKind: 'adr-letter' }, file: 'b.pdf', printFile: 'post.pdf' },
        },
        { kind: 'adr-letter', fileName: 'b.pdf' },
        'ADR letter issued (b.pdf, printed for post in post.pdf)',
        'Document produit\u00a0: Lettre de recours externe (b.pdf, imprimé pour la poste dans post.pdf)',
      ],
      [
        'letter-withdrawn',
        { kind: 'letter-withdrawn', values: { file: 'a.pdf', reason: 'Mauvaise adresse' } },
        { fileName: 'a.pdf', reason: 'Mauvaise adresse' },
        'Letter withdrawn (a.pdf): Mauvaise adresse',
        'Lettre retirée (a.pdf)\u00a0: Mauvaise adresse',
      ],
      [
        'reassigned',
        {
          kind: 'with-details',
          values: { headline: { kind: 'handed-over', values: { from: 'Sam', to: 'Alex' } }, details: 'Congé' },
        },
        { from: 'Sam', to: 'Alex', reason: 'Congé' },
        'Handed over from Sam to Alex: Congé',
        'Dossier transféré de Sam à Alex\u00a0: Congé',
      ],
      [
        'reassigned',
        { kind: 'assigned', values: { to: 'Alex' } },
        { from: null, to: 'Alex' },
        'Assigned to Alex',
        'Dossier confié à Alex',
      ],
      [
        'corrected',
        {
          kind: 'corrected',
          values: {
            changes: { changes: [{ field: 'receivedOn', from: { day: '2026-11-10' }, to: { day: '2026-11-09' } }] },
            reason: 'Tampon dateur',
          },
        },
        {
          changed: ['receivedOn'],
          before: { receivedOn: '2026-11-10' },
          after: { receivedOn: '2026-11-09' },
          reason: 'Tampon dateur',
        },
        'Corrected date received 2026-11-10 → 2026-11-09: Tampon dateur',
        'Correction (date de réception 10 nov. 2026 → 9 nov. 2026)\u00a0: Tampon dateur',
      ],
      [
        'voided',
        { kind: 'voided', values: { entry: 'Resumed', on: '2026-11-17', reason: 'Erreur' } },
        { entryId: 'e0', entryType: 'resumed', entryOn: '2026-11-17', reason: 'Erreur' },
        'Voided “Resumed” of 2026-11-17: Erreur',
        'Inscription «\u00a0Resumed\u00a0» du 17 nov. 2026 invalidée\u00a0: Erreur',
      ],
      [
        'vulnerability',
        { kind: 'vulnerability-updated' },
        { change: 'updated' },
        'Vulnerability details updated',
        'Renseignements sur la vulnérabilité mis à jour',
      ],
      [
        'attachment-added',
        {
          kind: 'attachment-added-note',
          values: { kind: { attachmentKind: 'evidence' }, file: 'c.pdf', note: 'Facture' },
        },
        { kind: 'evidence', fileName: 'c.pdf', note: 'Facture' },
        'Evidence attached: c.pdf (Facture)',
        'Pièce jointe ajoutée (pièce justificative)\u00a0: c.pdf (Facture)',
      ],
      [
        'attachment-removed',
        { kind: 'attachment-removed-deleted', values: { file: 'c.pdf', reason: 'Doublon' } },
        { kind: 'evidence', fileName: 'c.pdf', reason: 'Doublon', fileDeleted: true },
        'Attachment removed: c.pdf (the file was deleted). Reason: Doublon',
        'Pièce jointe retirée\u00a0: c.pdf (le fichier a été supprimé). Motif\u00a0: Doublon',
      ],
    ];
    const also = (type: TimelineEvent['type'], p: SummaryPhrase) => ({ ...event(type, p), data: undefined });
    expect(entrySummaryIn(fr, 'fr-CA', also('responded', { kind: 'final-response-letter' }))).toBe(
      'Réponse finale envoyée (lettre)',
    );
    expect(
      entrySummaryIn(fr, 'fr-CA', also('adr-letter-sent', { kind: 'adr-letter-after-weeks', values: { weeks: '8' } })),
    ).toBe('Lettre de recours externe envoyée (plainte toujours non réglée après 8\u00a0semaines)');
    expect(
      entrySummaryIn(
        fr,
        'fr-CA',
        also('acknowledged', { kind: 'acknowledged', values: { channel: { channel: 'letter' } } }),
      ),
    ).toBe('Accusé de réception envoyé (lettre)');
    for (const [type, p, data, english, french] of cases) {
      const e = event(type, p, data);
      expect(e.summary, english).toBe(english);
      // A void's day and a corrected date received are written the interface's way (m17b), in English too.
      expect(entrySummaryIn(en, 'en-GB', e)).toBe(
        type === 'voided'
          ? english.replace('2026-11-17', '17 Nov 2026')
          : type === 'corrected'
            ? english.replace('2026-11-10 → 2026-11-09', '10 Nov 2026 → 9 Nov 2026')
            : english,
      );
      expect(entrySummaryIn(fr, 'fr-CA', e)).toBe(french);
    }
  });

  it('says in French the entries shared/files and shared/letters write (their wordings agree with the phrases)', () => {
    const row = { id: 'a1', fileName: 'bill.pdf', kind: 'evidence' as const, note: 'Octobre', sha256: 'cd' };
    const stamp = { id: 'e2', caseId: 'c1', at: '2026-11-18T10:00:00.000Z' };
    const added = { ...stamp, ...attachmentAddedEntry(row, '2026-11-18', 'Sam') };
    expect(entrySummaryIn(fr, 'fr-CA', added)).toBe(
      'Pièce jointe ajoutée (pièce justificative)\u00a0: bill.pdf (Octobre)',
    );
    const removed = {
      ...stamp,
      ...attachmentRemovedEntry(row, { on: '2026-11-19', by: 'Sam', reason: 'Doublon', fileDeleted: false }),
    };
    expect(entrySummaryIn(fr, 'fr-CA', removed)).toBe('Pièce jointe retirée\u00a0: bill.pdf. Motif\u00a0: Doublon');
    const issued: TimelineEvent = {
      ...stamp,
      type: 'letter-issued',
      on: '2026-11-18',
      by: 'Sam',
      summary: 'Update letter issued (u.pdf)',
      data: { letterId: 'l1', kind: 'update', fileName: 'u.pdf', sha256: 'ab' },
    };
    expect(entrySummaryIn(fr, 'fr-CA', issued)).toBe('Document produit\u00a0: Lettre de suivi (u.pdf)');
    const w = letterWithdrawnEntry([issued], 'l1', { on: '2026-11-19', by: 'Sam', reason: 'Erreur' });
    if (!w.ok) throw new Error(w.error);
    expect(entrySummaryIn(fr, 'fr-CA', { ...stamp, ...w.event })).toBe('Lettre retirée (u.pdf)\u00a0: Erreur');
    expect(entrySummaryIn(en, 'en-GB', { ...stamp, ...w.event })).toBe('Letter withdrawn (u.pdf): Erreur');
  });

  // m17b: stored text that wrote codes or another entry's English.
  it('names a corrected channel in the reader’s language, not by its stored code', () => {
    const p: SummaryPhrase = {
      kind: 'corrected',
      values: {
        changes: { changes: [{ field: 'channel', from: { channel: 'in-person' }, to: { channel: 'letter' } }] },
        reason: 'Mal saisi',
      },
    };
    const data = {
      changed: ['channel'],
      before: { channel: 'in-person' },
      after: { channel: 'letter' },
      reason: 'Mal saisi',
    };
    const e = event('corrected', p, data);
    // The record keeps the codes (its audit copy); the screens name the channels.
    expect(e.summary).toBe('Corrected channel in-person → letter: Mal saisi');
    expect(entrySummaryIn(en, 'en-GB', e)).toBe('Corrected channel In person → Letter: Mal saisi');
    expect(entrySummaryIn(fr, 'fr-CA', e)).toBe('Correction (mode de réception En personne → Lettre)\u00a0: Mal saisi');
  });

  it('writes a corrected date received as the screens write dates, not as the record stores it', () => {
    const data = {
      changed: ['receivedOn'],
      before: { receivedOn: '2026-04-08' },
      after: { receivedOn: '2026-04-07' },
      reason: 'Date stamp',
    };
    const p: SummaryPhrase = {
      kind: 'corrected',
      values: {
        changes: { changes: [{ field: 'receivedOn', from: { day: '2026-04-08' }, to: { day: '2026-04-07' } }] },
        reason: 'Date stamp',
      },
    };
    const e = event('corrected', p, data);
    expect(e.summary).toBe('Corrected date received 2026-04-08 → 2026-04-07: Date stamp');
    expect(entrySummaryIn(en, 'en-GB', e)).toBe('Corrected date received 8 Apr 2026 → 7 Apr 2026: Date stamp');
  });

  it('names who acts for the customer with the day as the screens write dates, and procedures by name', () => {
    const data = {
      changed: ['procedureId', 'representative'],
      before: { procedureId: 'ofcom', representative: null },
      after: {
        procedureId: 'kijoma',
        representative: {
          name: 'Ravi Shah',
          relationship: 'fils',
          authority: { kind: 'written-consent', on: '2026-12-05' },
        },
      },
      reason: 'Consentement reçu',
      procedureNames: { ofcom: 'Ofcom baseline procedure', kijoma: 'Kijoma Broadband complaints procedure' },
    };
    const p: SummaryPhrase = {
      kind: 'corrected',
      values: {
        changes: {
          changes: [
            { field: 'procedureId', from: 'Ofcom baseline procedure', to: 'Kijoma Broadband complaints procedure' },
            {
              field: 'representative',
              from: { none: true },
              to: {
                representative: {
                  name: 'Ravi Shah',
                  relationship: 'fils',
                  authority: { kind: 'written-consent', on: '2026-12-05' },
                },
              },
            },
          ],
        },
        reason: 'Consentement reçu',
      },
    };
    const e = event('corrected', p, data);
    expect(e.summary).toBe(
      'Corrected procedure Ofcom baseline procedure → Kijoma Broadband complaints procedure; ' +
        'representative (none) → Ravi Shah (fils), written consent (2026-12-05): Consentement reçu',
    );
    expect(entrySummaryIn(en, 'en-GB', e)).toBe(
      'Corrected procedure Ofcom baseline procedure → Kijoma Broadband complaints procedure; ' +
        'representative (none) → Ravi Shah (fils), written consent seen (5 Dec 2026): Consentement reçu',
    );
    expect(entrySummaryIn(fr, 'fr-CA', e)).toBe(
      'Correction (procédure Ofcom baseline procedure → Kijoma Broadband complaints procedure\u00a0; ' +
        'personne représentante (aucun) → Ravi Shah (fils), consentement écrit vu (5 déc. 2026))\u00a0: Consentement reçu',
    );
  });

  it('says a voided entry’s quoted summary from that entry’s data, in the reader’s language', () => {
    const ack = {
      ...event(
        'acknowledged',
        { kind: 'acknowledged', values: { channel: { channel: 'email' } } },
        { channel: 'email' },
      ),
      id: 'e0',
      on: '2026-11-17',
    };
    const p: SummaryPhrase = {
      kind: 'voided',
      values: { entry: 'Complaint acknowledged by email', on: '2026-11-17', reason: 'Doublon' },
    };
    const voided = event('voided', p, {
      entryId: 'e0',
      entryType: 'acknowledged',
      entryOn: '2026-11-17',
      reason: 'Doublon',
    });
    expect(voided.summary).toBe('Voided “Complaint acknowledged by email” of 2026-11-17: Doublon');
    const events = [ack, voided];
    expect(entrySummaryIn(fr, 'fr-CA', voided, { events })).toBe(
      'Inscription «\u00a0Accusé de réception envoyé (courriel)\u00a0» du 17 nov. 2026 invalidée\u00a0: Doublon',
    );
    expect(entrySummaryIn(en, 'en-GB', voided, { events })).toBe(
      'Voided “Complaint acknowledged by email” of 17 Nov 2026: Doublon',
    );
    // Without the voided entry (or when its data no longer says what was quoted), the quote is shown as stored.
    expect(entrySummaryIn(fr, 'fr-CA', voided)).toBe(
      'Inscription «\u00a0Complaint acknowledged by email\u00a0» du 17 nov. 2026 invalidée\u00a0: Doublon',
    );
    const long = {
      ...ack,
      summary: 'Complaint acknowledged by email: ' + 'x'.repeat(60),
      data: { channel: 'email', details: 'x'.repeat(60) },
    };
    const cut = event(
      'voided',
      { kind: 'voided', values: { entry: long.summary.slice(0, 49) + '…', on: '2026-11-17', reason: 'Doublon' } },
      { entryId: 'e0', entryOn: '2026-11-17', reason: 'Doublon' },
    );
    expect(entrySummaryIn(en, 'en-GB', cut, { events: [long, cut] })).toBe(
      cut.summary.replace('2026-11-17', '17 Nov 2026'),
    );
  });

  it('says the first entry in French after its channel was corrected (the channel it was received by)', () => {
    const received = event('received', {
      kind: 'received',
      values: { how: { receivedBy: 'in-person' }, reference: 'RDR-2026-000001' },
    });
    expect(received.summary).toBe('Complaint received by visit in person; logged as RDR-2026-000001');
    const record = { channel: 'letter' as const, reference: 'RDR-2026-000001' };
    expect(entrySummaryIn(fr, 'fr-CA', received, { record })).toMatch(/^Plainte reçue \(.+\)\u00a0; inscrite sous/u);
    expect(entrySummaryIn(fr, 'fr-CA', received, { record })).not.toContain('Complaint');
  });

  it('says the first entry of an imported case in French, as written now and before (explore36-manager #7)', () => {
    const record = { channel: 'web' as const, reference: 'KJM-2026-000003' };
    const now = event('received', receivedImported('web', 'good (2); logged.csv', 4, 'KJM-2026-000003'));
    expect(now.summary).toBe(
      'Complaint received by web form; imported from good (2); logged.csv (row 4); logged as KJM-2026-000003',
    );
    // An import before December 2026 wrote "by web".
    const before = { ...now, summary: now.summary.replace('by web form;', 'by web;') };
    for (const e of [now, before])
      expect(entrySummaryIn(fr, 'fr-CA', e, { record })).toBe(
        'Plainte reçue (formulaire web)\u00a0; importée de good (2); logged.csv (ligne 4)\u00a0; inscrite sous le numéro KJM-2026-000003',
      );
    expect(entrySummaryIn(en, 'en-GB', before, { record })).toBe(before.summary);
    // A summary the phrase does not say whole stays as stored.
    const edited = { ...now, summary: `${now.summary} (checked)` };
    expect(entrySummaryIn(fr, 'fr-CA', edited, { record })).toBe(edited.summary);
  });
});
