import { describe, expect, it } from 'vitest';
import {
  acknowledgementLetter,
  adrLetter,
  finalResponseLetter,
  LANGUAGES,
  updateLetter,
  type LetterLanguage,
} from './index';
import { sampleAcknowledgement, sampleAdrLetter, sampleCase, sampleFinalResponse, sampleUpdate } from './fixtures';
import {
  casePrintProblem,
  drawnTexts,
  fontHasGlyph,
  letterheadUnprintable,
  letterPrintProblem,
  unprintableIn,
} from './printable';

const shown = (text: string) => unprintableIn(text).map((c) => `${c.shown}:${c.reason}`);

describe('what the letter font can print', () => {
  it('prints Latin with accents, Polish, Greek and Cyrillic, and the typography the letters use', () => {
    for (const name of [
      'Zoë Brontë-Åström',
      'Wojciech Łukasz Żółć Ś',
      'Γεώργιος Παπαδόπουλος',
      'Дмитрий Шостакович',
      'Олена Ґудзь',
      'Nguyễn Thị Ánh',
      '£12.50 – “quoted” — €3 № 5 ½ ™ ©',
    ])
      expect(shown(name), name).toEqual([]);
    // Line breaks and tabs are laid out, not drawn.
    expect(shown('1 High Street\nLeeds\r\n\tLS1 1AA')).toEqual([]);
  });

  it('names Chinese characters the font has no glyph for, each once, in order', () => {
    expect(shown('王小明')).toEqual(['王:not-in-font', '小:not-in-font', '明:not-in-font']);
    expect(fontHasGlyph('王'.codePointAt(0)!)).toBe(false);
    expect(fontHasGlyph('Ł'.codePointAt(0)!)).toBe(true);
  });

  it('refuses right-to-left writing and emoji whole, even where the font might have a glyph', () => {
    expect(shown('محمد')).toEqual(['م:right-to-left', 'ح:right-to-left', 'م:right-to-left', 'د:right-to-left']);
    expect(shown('דוד')).toEqual(['ד:right-to-left', 'ו:right-to-left', 'ד:right-to-left']);
    // An invisible right-to-left mark is named by its code.
    expect(shown('Ann\u200FSmith')).toEqual(['U+200F:right-to-left']);
    // Emoji sequences are named as the desk sees them: skin tone, joined, flags, keycaps, a text symbol made emoji.
    expect(shown('Ann 😀 👍🏽 👩‍💻 🇬🇧 1️⃣ ❤ ©️')).toEqual([
      '😀:emoji',
      '👍🏽:emoji',
      '👩‍💻:emoji',
      '🇬🇧:emoji',
      '1️⃣:emoji',
      '❤:emoji',
      '©️:emoji',
    ]);
    // A control character is named by its code.
    expect(shown('Ann\u0000Smith\u000B')).toEqual(['U+0000:control', 'U+000B:control']);
  });
});

describe('the refusal', () => {
  it("names the characters and says they are in the customer's name", () => {
    const record = sampleCase({ customer: { ...sampleCase().customer, name: '王小明' } });
    expect(casePrintProblem(record)).toBe(
      'This letter contains characters the letter font cannot print: 王, 小, 明 (in the customer’s name). Correct it (for example, write the name in Latin letters) and make the letter again.',
    );
    const doc = acknowledgementLetter(sampleAcknowledgement({ caseRecord: record }));
    expect(letterPrintProblem(doc, record)).toBe(casePrintProblem(record));
  });

  it('says why for right-to-left writing and emoji, and names every place', () => {
    const base = sampleCase();
    const record = sampleCase({
      customer: { ...base.customer, name: 'Ahmed محمد 😀' },
      representative: { name: 'Sam 😀', relationship: 'son', address: { lines: ['1 Rue 王'], postcode: 'CT20 1QB' } },
    });
    const message = letterPrintProblem(acknowledgementLetter(sampleAcknowledgement({ caseRecord: record })), record)!;
    expect(message).toBe(
      'This letter contains characters the letter font cannot print: م, ح, د, 😀, 王 (in the customer’s name, the representative’s name and the representative’s address). ' +
        'Right-to-left writing (such as Arabic or Hebrew) cannot be laid out in a letter: it would print in the wrong order. Emoji cannot be printed in a letter. ' +
        'Correct it (for example, write the name in Latin letters) and make the letter again.',
    );
  });

  it('names at most twelve characters, and text the case does not hold as the letter’s other text', () => {
    const record = sampleCase({ customer: { ...sampleCase().customer, name: '一二三四五六七八九十百千万' } });
    expect(casePrintProblem(record)).toMatch(
      /: 一, 二, 三, 四, 五, 六, 七, 八, 九, 十, 百, 千, … \(in the customer’s name\)/,
    );
    const doc = updateLetter(sampleUpdate({ progress: 'We spoke to 李 today.' }));
    expect(letterPrintProblem(doc, sampleCase())).toMatch(/cannot print: 李 \(in the letter’s other text\)\./);
  });

  it('checks what a document draws, its footer included, and not its metadata', () => {
    const doc = acknowledgementLetter(sampleAcknowledgement());
    const texts = drawnTexts(doc).join('\n');
    expect(texts).toContain('Margaret Okafor');
    expect(texts).toContain('Kijoma Broadband');
    expect(letterPrintProblem({ ...doc, info: { title: '王' } } as typeof doc, sampleCase())).toBeNull();
    expect(letterPrintProblem({ ...doc, footer: () => ({ text: 'Page 1 of 1 😀' }) }, sampleCase())).toMatch(
      /😀 \(in the letter’s other text\)/,
    );
  });

  it('passes every letter in every language the desk can choose as it is written', () => {
    for (const language of Object.keys(LANGUAGES) as LetterLanguage[]) {
      const record = sampleCase();
      const docs = [
        acknowledgementLetter(sampleAcknowledgement({ language })),
        adrLetter(sampleAdrLetter(undefined, { language })),
        updateLetter(sampleUpdate({ language })),
        finalResponseLetter(sampleFinalResponse({ language })),
      ];
      for (const doc of docs) expect(letterPrintProblem(doc, record), `${language}: ${doc.info?.title}`).toBeNull();
    }
    // And every message of every language pack, whatever letter it is in.
    for (const [language, pack] of Object.entries(LANGUAGES)) {
      for (const [key, text] of Object.entries(pack.messages as Record<string, string>))
        expect(shown(text), `${language} ${key}`).toEqual([]);
    }
  });
});

describe('a letterhead the letter font cannot print', () => {
  const letterhead = {
    companyName: 'Northwind Broadband Ltd',
    addressLines: 'Unit 4, Canal Wharf\nLeeds',
    postcode: 'LS11 5PS',
    phone: '0113 496 0000',
    email: 'complaints@northwind.example',
  };

  it('names, field by field, the characters every letter would be refused for', () => {
    expect(letterheadUnprintable(letterhead)).toEqual({});
    expect(
      letterheadUnprintable({ ...letterhead, companyName: 'Northwind ★ Broadband', addressLines: '光纤大厦\nLeeds ★' }),
    ).toEqual({ companyName: '★', addressLines: '光, 纤, 大, 厦, ★' });
    // Accents, Greek and Cyrillic print.
    expect(letterheadUnprintable({ ...letterhead, companyName: 'Société Œuvre Ωμέγα Связь' })).toEqual({});
  });
});
