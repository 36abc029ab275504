// Withdrawing an issued letter (#15): a new entry naming the letter, with who, when and a required reason; the
// letter's record on the timeline stays, marked withdrawn. A stored withdrawal says
// which kind of letter it withdrew (anonymising it: shared/privacy/anonymise.test.ts).
import { describe, expect, it } from 'vitest';
import { storedEvent } from '#shared/model/stored';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import {
  WITHDRAW_WORDING,
  letterWithdrawnEntry,
  lettersOnTimeline,
  receiptSinceCorrected,
  addressSinceChanged,
  recordedWithLetter,
  standingLetterOfKind,
  letterFileBase,
  unusedLetterFileName,
} from './issued';
import { LANGUAGES, LETTER_FILE_KINDS, type LetterLanguage } from './catalogue';
import { addressedTo } from './addressee';
import { sampleCase } from './fixtures';

const SHA = 'b'.repeat(64);
const event = (over: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'type' | 'on'>): TimelineEvent => ({
  caseId: 'case-1',
  at: `${over.on}T10:00:00.000Z`,
  by: 'Sam Patel',
  summary: over.type,
  ...over,
});
const issued = (id: string, letterId: string, on = '2026-12-02', kind = 'acknowledgement') =>
  event({
    id,
    type: 'letter-issued',
    on,
    data: { letterId, kind, fileName: `RDR-2026-000001-${kind}.pdf`, sha256: SHA },
  });

describe('letterWithdrawnEntry', () => {
  const events = [event({ id: 'e1', type: 'received', on: '2026-11-30' }), issued('e2', 'L1')];

  it('names the letter, keeps its kind, file and checksum, and carries who, when and why', () => {
    const built = letterWithdrawnEntry(events, 'L1', { on: '2026-12-03', by: 'Kim Lee', reason: '  Wrong address ' });
    expect(built).toEqual({
      ok: true,
      event: {
        type: 'letter-withdrawn',
        on: '2026-12-03',
        by: 'Kim Lee',
        summary: 'Letter withdrawn (RDR-2026-000001-acknowledgement.pdf): Wrong address',
        data: {
          letterId: 'L1',
          kind: 'acknowledgement',
          fileName: 'RDR-2026-000001-acknowledgement.pdf',
          sha256: SHA,
          reason: 'Wrong address',
        },
      },
    });
  });

  it('requires a reason', () => {
    expect(letterWithdrawnEntry(events, 'L1', { on: '2026-12-03', by: 'Kim', reason: '   ' })).toEqual({
      ok: false,
      error: 'Say why the letter is withdrawn.',
      said: { code: 'no-withdrawal-reason' },
    });
  });

  it('refuses a letter not on the timeline, one already withdrawn, and a day before it was issued', () => {
    expect(letterWithdrawnEntry(events, 'L9', { on: '2026-12-03', by: 'Kim', reason: 'x' }).ok).toBe(false);
    const first = letterWithdrawnEntry(events, 'L1', { on: '2026-12-03', by: 'Kim', reason: 'Wrong' });
    if (!first.ok) throw new Error(first.error);
    const after = [...events, { ...first.event, id: 'e3', caseId: 'case-1', at: '2026-12-03T11:00:00.000Z' }];
    expect(letterWithdrawnEntry(after, 'L1', { on: '2026-12-04', by: 'Kim', reason: 'Again' })).toEqual({
      ok: false,
      error: 'This letter was already withdrawn on 2026-12-03.',
      said: { code: 'letter-withdrawn', values: { on: { date: '2026-12-03' } } },
    });
    expect(letterWithdrawnEntry(events, 'L1', { on: '2026-12-01', by: 'Kim', reason: 'x' }).ok).toBe(false);
  });

  it('says a withdrawal does not recall a letter already posted or sent', () => {
    expect(WITHDRAW_WORDING).toBe(
      'Withdrawing records that this letter was wrong; it does not recall a letter already posted or sent.',
    );
  });
});

describe('unusedLetterFileName', () => {
  it('gives a second letter of a kind, or a corrected one, a name of its own', () => {
    const base = 'RDR-2026-000001-acknowledgement';
    expect(unusedLetterFileName([], base)).toBe(`${base}.pdf`);
    expect(unusedLetterFileName([issued('e1', 'l1')], base)).toBe(`${base}-2.pdf`);
    const second = event({
      id: 'e2',
      type: 'letter-issued',
      on: '2026-12-03',
      data: { letterId: 'l2', kind: 'acknowledgement', fileName: `${base}-2.PDF`, sha256: SHA },
    });
    expect(unusedLetterFileName([issued('e1', 'l1'), second], base)).toBe(`${base}-3.pdf`);
    expect(unusedLetterFileName([issued('e1', 'l1')], 'RDR-2026-000001-update')).toBe('RDR-2026-000001-update.pdf');
  });
});

describe('letterFileBase: a letter’s file name in its language', () => {
  it('keeps the English names as they always were, in British and Canadian English alike', () => {
    for (const language of ['en-GB', 'en-CA'] as const) {
      const name = (kind: Parameters<typeof letterFileBase>[1], largePrint = false) =>
        letterFileBase('RSL-2026-000001', kind, { language, largePrint });
      expect(name('acknowledgement')).toBe('RSL-2026-000001-acknowledgement');
      expect(name('final-response')).toBe('RSL-2026-000001-final-response');
      expect(name('ccts-notice')).toBe('RSL-2026-000001-ccts-notice');
      expect(name('adr-letter', true)).toBe('RSL-2026-000001-adr-letter-large-print');
      expect(name('adr-letter-final-position')).toBe('RSL-2026-000001-adr-letter-final-position');
      expect(name('update')).toBe('RSL-2026-000001-update');
      expect(name('summary-resolution')).toBe('RSL-2026-000001-summary-resolution');
    }
  });

  it('names a French letter in French, without accents (the customer may receive the file)', () => {
    const name = (kind: Parameters<typeof letterFileBase>[1], largePrint = false) =>
      letterFileBase('RSL-2026-000001', kind, { language: 'fr-CA', largePrint });
    expect(name('acknowledgement')).toBe('RSL-2026-000001-accuse-de-reception');
    expect(name('final-response')).toBe('RSL-2026-000001-reponse-finale');
    expect(name('ccts-notice')).toBe('RSL-2026-000001-avis-cprst');
    expect(name('update', true)).toBe('RSL-2026-000001-suivi-gros-caracteres');
  });

  it('writes every kind in every language in ASCII only: lower-case letters, digits and hyphens', () => {
    for (const language of Object.keys(LANGUAGES) as LetterLanguage[]) {
      for (const kind of LETTER_FILE_KINDS) {
        expect(letterFileBase('X', kind, { language, largePrint: true }), `${language} ${kind}`).toMatch(
          /^X(-[a-z0-9]+)+$/,
        );
      }
    }
  });
});

describe('lettersOnTimeline', () => {
  it('lists every letter issued, the withdrawn one marked with who, when and why, and the corrected one standing', () => {
    const withdrawal = event({
      id: 'e3',
      type: 'letter-withdrawn',
      on: '2026-12-03',
      by: 'Kim Lee',
      data: { letterId: 'L1', kind: 'acknowledgement', reason: 'Wrong address' },
    });
    const events = [issued('e4', 'L2', '2026-12-03'), withdrawal, issued('e2', 'L1')];
    const letters = lettersOnTimeline(events);
    expect(letters.map((l) => [l.letterId, l.withdrawn?.reason ?? null])).toEqual([
      ['L1', 'Wrong address'],
      ['L2', null],
    ]);
    expect(letters[0].withdrawn).toMatchObject({ on: '2026-12-03', by: 'Kim Lee' });
    expect(standingLetterOfKind(events, 'acknowledgement')?.letterId).toBe('L2');
    expect(standingLetterOfKind([issued('e2', 'L1'), withdrawal], 'acknowledgement')).toBeNull();
  });
});

describe('a letter-withdrawn entry elsewhere', () => {
  const entry: TimelineEvent = event({
    id: 'e3',
    type: 'letter-withdrawn',
    on: '2026-12-03',
    summary: 'Letter withdrawn (RDR-2026-000001-acknowledgement.pdf): Sent to Ada Lovelace at her old flat',
    data: { letterId: 'L1', kind: 'acknowledgement', sha256: SHA, reason: 'Sent to Ada Lovelace at her old flat' },
  });

  it('is a stored row only when it says which kind of letter it withdrew', () => {
    expect(storedEvent.safeParse(entry).success).toBe(true);
    const { kind: _kind, ...noKind } = entry.data!;
    const bad = storedEvent.safeParse({ ...entry, data: noKind });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['data', 'kind']);
  });
});

describe('recordedWithLetter: the entry a letter recorded beside itself', () => {
  const received = event({ id: 'e1', type: 'received', on: '2026-11-30' });
  const letter = issued('e2', 'L1');
  const acknowledged = event({
    id: 'e3',
    type: 'acknowledged',
    on: '2026-12-02',
    summary: 'Complaint acknowledged by letter',
  });
  const noteLater = event({ id: 'e4', type: 'note', on: '2026-12-03' });

  it('is the entry recorded in the same moment as the letter, not the letter or a later entry', () => {
    expect(recordedWithLetter([received, letter, acknowledged, noteLater], 'L1')?.id).toBe('e3');
  });

  it('is none once that entry was voided, for a letter that recorded none, or for another letter', () => {
    const voided = event({ id: 'e5', type: 'voided', on: '2026-12-03', data: { entryId: 'e3', reason: 'Never sent' } });
    expect(recordedWithLetter([received, letter, acknowledged, voided], 'L1')).toBeNull();
    expect(recordedWithLetter([received, letter, noteLater], 'L1')).toBeNull();
    expect(recordedWithLetter([received, letter, acknowledged], 'L2')).toBeNull();
  });

  it('is not the withdrawal of another letter issued in the same moment', () => {
    const other = issued('e6', 'L2');
    expect(recordedWithLetter([received, letter, other], 'L1')).toBeNull();
  });
});

describe('receiptSinceCorrected', () => {
  const made = (letterId: string, receivedOn?: string) =>
    event({
      id: `i-${letterId}`,
      type: 'letter-issued',
      on: '2026-12-02',
      data: { letterId, kind: 'acknowledgement', fileName: `${letterId}.pdf`, sha256: SHA, receivedOn },
    });
  const events = [
    event({ id: 'e1', type: 'received', on: '2026-11-20' }),
    made('L1', '2026-12-01'),
    made('L2', '2026-11-20'),
    made('L3'),
    made('L4', '2026-12-01'),
    event({
      id: 'w4',
      type: 'letter-withdrawn',
      on: '2026-12-03',
      data: { letterId: 'L4', kind: 'acknowledgement', reason: 'Wrong date' },
    }),
  ];
  const letters = new Map(lettersOnTimeline(events).map((l) => [l.letterId, l]));

  it('gives the date received a standing letter was made with when the case’s is another now', () => {
    expect(letters.get('L1')!.madeWithReceivedOn).toBe('2026-12-01');
    expect(receiptSinceCorrected(letters.get('L1')!, '2026-11-20')).toBe('2026-12-01');
  });

  it('says nothing of a letter made with today’s date, one withdrawn, or one recorded before letters kept theirs', () => {
    expect(receiptSinceCorrected(letters.get('L2')!, '2026-11-20')).toBeNull();
    expect(receiptSinceCorrected(letters.get('L4')!, '2026-11-20')).toBeNull();
    expect(letters.get('L3')!.madeWithReceivedOn).toBeUndefined();
    expect(receiptSinceCorrected(letters.get('L3')!, '2026-11-20')).toBeNull();
  });
});

describe('addressSinceChanged, with the address kept by addressedTo', () => {
  const ada = sampleCase();
  const made = (letterId: string, caseRecord?: CaseRecord) =>
    event({
      id: `i-${letterId}`,
      type: 'letter-issued',
      on: '2026-12-02',
      data: {
        letterId,
        kind: 'acknowledgement',
        fileName: `${letterId}.pdf`,
        sha256: SHA,
        ...(caseRecord ? { addressedTo: addressedTo(caseRecord) } : {}),
      },
    });
  const moved = sampleCase({
    customer: { ...ada.customer, address: { lines: ['22 New Road', 'Harrogate'], postcode: 'HG1 2AB' } },
  });

  it('keeps the title, name and address lines a letter was addressed to, the postcode last', () => {
    expect(addressedTo(sampleCase({ customer: { ...ada.customer, title: 'ms' } }))).toBe(
      'Ms Margaret Okafor\n14 Albion Terrace\nFolkestone\nKent\nCT20 1QB',
    );
  });

  it('keeps the representative’s, then the customer’s for their copy, and none when the case cannot be addressed', () => {
    const represented = sampleCase({
      representative: {
        name: 'Daniel Okafor',
        relationship: 'Son',
        address: { lines: ['3 Mill Lane', 'Dover'], postcode: 'CT16 1AA' },
      },
    });
    expect(addressedTo(represented)).toBe(
      'Daniel Okafor\n3 Mill Lane\nDover\nCT16 1AA\n\nMargaret Okafor\n14 Albion Terrace\nFolkestone\nKent\nCT20 1QB',
    );
    expect(addressedTo(sampleCase({ customer: { name: 'Margaret Okafor' } }))).toBeUndefined();
  });

  // The customer's details changed: before the letter was issued (at another desk, or while it was written), or after.
  const edited = (on: string) =>
    event({ id: `edit-${on}`, type: 'customer-edited', on, data: { changed: ['address'] } });

  it('gives where a standing letter went when the case’s addressee had already changed: a move, a title', () => {
    const issued = made('L1', ada);
    const [letter] = lettersOnTimeline([issued]);
    expect(letter!.madeForAddress).toBe(addressedTo(ada));
    expect(addressSinceChanged(letter!, addressedTo(ada), [issued])).toBeNull();
    const before = [edited('2026-12-01'), issued];
    expect(addressSinceChanged(letter!, addressedTo(moved), before)).toBe(addressedTo(ada));
    const titled = sampleCase({ customer: { ...ada.customer, title: 'mrs' } });
    expect(addressSinceChanged(letter!, addressedTo(titled), before)).toBe(addressedTo(ada));
  });

  it('says nothing of a letter right when it was sent: the customer moved after it, or the change was voided', () => {
    const issued = made('L1', ada);
    const [letter] = lettersOnTimeline([issued]);
    expect(addressSinceChanged(letter!, addressedTo(moved), [issued, edited('2026-12-03')])).toBeNull();
    // A later change, voided: the one before the letter still shows it went to the old address.
    const later = edited('2026-12-03');
    const voided = event({ id: 'v1', type: 'voided', on: '2026-12-04', data: { entryId: later.id } });
    expect(addressSinceChanged(letter!, addressedTo(moved), [edited('2026-12-01'), issued, later, voided])).toBe(
      addressedTo(ada),
    );
  });

  it('says nothing of a withdrawn letter, one recorded before letters kept their address, or a case with no address now', () => {
    const withdrawn = lettersOnTimeline([
      made('L1', ada),
      event({
        id: 'w1',
        type: 'letter-withdrawn',
        on: '2026-12-03',
        data: { letterId: 'L1', kind: 'acknowledgement' },
      }),
    ])[0]!;
    expect(addressSinceChanged(withdrawn, addressedTo(moved), [])).toBeNull();
    const older = lettersOnTimeline([made('L2')])[0]!;
    expect(older.madeForAddress).toBeUndefined();
    expect(addressSinceChanged(older, addressedTo(moved), [])).toBeNull();
    expect(addressSinceChanged(lettersOnTimeline([made('L3', ada)])[0]!, undefined, [])).toBeNull();
  });
});
