import { describe, expect, it } from 'vitest';
import { acknowledgementLetter } from './acknowledgement';
import { adrLetter } from './adr-letter';
import { applyParagraphEdits, isRequiredParagraphKey, letterParagraphs } from './edits';
import { documentText, sampleAcknowledgement, sampleAdrLetter, sampleFinalResponse } from './fixtures';
import { paragraph, section } from './layout';
import { finalResponseLetter } from './progress-letters';

describe('paragraph ids', () => {
  it('give every catalogue paragraph of a letter a stable id, in reading order, and mark the regulator’s', () => {
    const paragraphs = letterParagraphs(acknowledgementLetter(sampleAcknowledgement()));
    const ids = paragraphs.map((p) => p.id);
    expect(ids).toEqual([
      'ack.intro.customer',
      'ack.quoteReference',
      'ack.next.handler',
      'ack.next.replyBy',
      'ack.next.addMore',
      'ack.escalate.default',
      'ack.adr.fromDate.scheme',
      'ack.adr.contact',
      'ack.formats.offer',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    // The same case gives the same ids (they are catalogue keys, not positions).
    expect(letterParagraphs(acknowledgementLetter(sampleAcknowledgement())).map((p) => p.id)).toEqual(ids);
    expect(paragraphs.filter((p) => p.required).map((p) => p.id)).toEqual([
      'ack.adr.fromDate.scheme',
      'ack.adr.contact',
    ]);
    expect(paragraphs.find((p) => p.id === 'ack.quoteReference')!.text).toBe(
      'Your complaint reference is RDR-2026-000042. Please quote it whenever you contact us about it.',
    );
    expect(paragraphs.every((p) => !p.edited)).toBe(true);
    // Each knows the section it is in (for the desk's bearings); the opening paragraphs are in none.
    expect(paragraphs[0].section).toBeUndefined();
    expect(paragraphs.find((p) => p.id === 'ack.next.addMore')!.section).toBe('What happens next');
  });

  it('number a key used twice', () => {
    const body = [
      paragraph('en-GB', 'ack.next.addMore', {}),
      section('Heading', [paragraph('en-GB', 'ack.next.addMore', {})]),
    ];
    expect(letterParagraphs({ content: body }).map((p) => p.id)).toEqual(['ack.next.addMore', 'ack.next.addMore#2']);
    const edited = applyParagraphEdits(body, { 'ack.next.addMore#2': 'Second one, edited.' });
    expect(letterParagraphs({ content: edited }).map((p) => p.text)).toEqual([
      'If you have anything to add, or a question, contact us using the details at the top of this letter.',
      'Second one, edited.',
    ]);
  });

  it('treat the ADR scheme, its time limit and the CCTS as required', () => {
    for (const key of [
      'adr.limit',
      'adr.about',
      'adr.contact.intro',
      'adrLetter.time.intro',
      'ack.adr.contact',
      'final.adr.now',
      'update.adr.fromDate',
      'summary.adr',
      'ccts.intro',
    ]) {
      expect(isRequiredParagraphKey(key), key).toBe(true);
    }
    for (const key of ['ack.intro.customer', 'letter.handler', 'final.intro', 'update.next.by', 'ack.formats.offer']) {
      expect(isRequiredParagraphKey(key), key).toBe(false);
    }
  });
});

describe('the desk’s edits', () => {
  it('replace a paragraph’s words in the letter, leave everything generated alone, and drop an emptied paragraph', () => {
    const plain = acknowledgementLetter(sampleAcknowledgement());
    const edited = acknowledgementLetter(
      sampleAcknowledgement({
        edits: {
          'ack.intro.customer': 'Thank you for your letter of 18 November.\n\nI am sorry about the double charge.',
          'ack.formats.offer': '',
        },
      }),
    );
    const text = documentText(edited);
    expect(text).toContain('Thank you for your letter of 18 November.\n\nI am sorry about the double charge.');
    expect(text).not.toContain('Thank you for telling us what went wrong.');
    // The emptied paragraph goes, and with it its section's heading (nothing is left under it).
    expect(documentText(plain)).toContain('This letter in another format');
    expect(letterParagraphs(edited).map((p) => p.id)).not.toContain('ack.formats.offer');
    expect(text).not.toContain('This letter in another format');
    // Generated parts are untouched: address block, reference, date, the ADR paragraphs.
    for (const kept of ['Margaret Okafor', '14 Albion Terrace', 'RDR-2026-000042', 'Our reference'])
      expect(text).toContain(kept);
    const required = letterParagraphs(plain).filter((p) => p.required);
    for (const p of required) expect(text).toContain(p.text);
    expect(edited.footer!(1, 1)).toEqual(plain.footer!(1, 1));
    // The edited paragraph keeps its id and is marked as edited.
    const intro = letterParagraphs(edited).find((p) => p.id === 'ack.intro.customer')!;
    expect(intro).toMatchObject({ edited: true, required: false });
  });

  it('keeps the last paragraph with the sign-off when it is edited', () => {
    const doc = finalResponseLetter(
      sampleFinalResponse({ edits: { 'letter.handler': 'Call me on 0113 496 0999 with any question.' } }),
    );
    const last = doc.content[doc.content.length - 1];
    expect(typeof last === 'object' && 'stack' in last && last.unbreakable).toBe(true);
    expect(documentText({ ...doc, content: [last] })).toContain('Call me on 0113 496 0999 with any question.');
  });

  it('refuses to change what the regulator requires', () => {
    expect(() => adrLetter(sampleAdrLetter('2026-04-08', { edits: { 'adr.limit': 'You have a while.' } }))).toThrow(
      /regulator requires/,
    );
    expect(() => adrLetter(sampleAdrLetter('2026-04-08', { edits: { 'adrLetter.help.now': '' } }))).toThrow(
      /regulator requires/,
    );
    const doc = adrLetter(sampleAdrLetter('2026-04-08'));
    expect(letterParagraphs(doc).find((p) => p.id === 'adr.limit')).toMatchObject({ required: true });
  });

  it('ignores an edit for a paragraph this letter does not have', () => {
    const doc = acknowledgementLetter(
      sampleAcknowledgement({ edits: { 'final.intro': 'Not in an acknowledgement.' } }),
    );
    expect(documentText(doc)).toEqual(documentText(acknowledgementLetter(sampleAcknowledgement())));
  });
});
