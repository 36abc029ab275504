// The email parser on every fixture of test/fixtures/mail (README.md there says where each comes from).
import '#test/support/windows-1252';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decompressRTF } from '@kenjiuno/decompressrtf';
import { emailHeaderProblem, htmlToText, parseEmail, type ParsedEmail } from './parse';
import { rtfToText } from './rtf';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/mail/${name}`, import.meta.url)));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function parsed(name: string): Promise<ParsedEmail> {
  const result = await parseEmail(fixture(name), name);
  if (!result.ok) throw new Error(result.error);
  return result.email;
}

describe('.eml from several mail clients', () => {
  test('Outlook: RFC 2047 Windows-1252 sender, Windows-1252 quoted-printable body, a PDF attachment byte for byte', async () => {
    const email = await parsed('outlook-accented-cp1252-pdf.eml');
    expect(email.format).toBe('eml');
    expect(email.from).toEqual({ name: 'Renée Lefèvre', address: 'renee.lefevre@example.org' });
    expect(email.to).toEqual([{ name: 'Kijoma Complaints', address: 'complaints@kijoma.example' }]);
    expect(email.cc).toEqual([{ name: 'José Lefèvre', address: 'jose.lefevre@example.org' }]);
    expect(email.subject).toBe('Complaint – early termination fee on my October bill');
    expect(email.date).toBe('2026-11-02T23:30:58.000Z');
    expect(email.text).toContain('an early termination fee of €180 although I moved to your “Fibre 500” plan');
    expect(email.text).toContain('I’d also like to know');
    expect(email.html).toContain('€180');
    expect(email.attachments).toHaveLength(1);
    const [pdf] = email.attachments;
    expect(pdf).toMatchObject({ fileName: 'Bill October 2026.pdf', mime: 'application/pdf', inline: false });
    expect(sha(pdf.bytes)).toBe(sha(fixture('bill-october-2026.pdf')));
  });

  test('Gmail: UTF-8 B-encoded sender, base64 text part, quoted-printable HTML part', async () => {
    const email = await parsed('gmail-utf8-reply-signature.eml');
    expect(email.from).toEqual({ name: 'Siobhán Ó Briain', address: 'siobhan.obriain@example.net' });
    expect(email.text).toContain('your engineer’s visit on 22 October did not fix it');
    expect(email.text).toContain('> Reference: KJ-88120');
    expect(email.html).toContain('gmail_quote');
    expect(email.attachments).toEqual([]);
  });

  test('Apple Mail: an inline image in multipart/related, named by its Content-ID', async () => {
    const email = await parsed('apple-mail-inline-image.eml');
    expect(email.date).toBe('2026-11-09T18:47:03.000Z');
    expect(email.html).toContain('src="cid:6C1D2F0E-8B3A-4E8F-9E61-5F3C1A2B4D7E@home"');
    expect(email.attachments).toHaveLength(1);
    const [image] = email.attachments;
    expect(image).toMatchObject({
      fileName: 'router.png',
      mime: 'image/png',
      inline: true,
      contentId: '6C1D2F0E-8B3A-4E8F-9E61-5F3C1A2B4D7E@home',
    });
    expect([...image.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  test('Thunderbird: an ISO-8859-1 8-bit body and a forwarded email attached (message/rfc822) parsed as a message', async () => {
    const email = await parsed('thunderbird-latin1-forwarded.eml');
    expect(email.from).toEqual({ name: 'Gwën Harri', address: 'gwen.harri@example.co.uk' });
    expect(email.text).toContain('charged £45 for a "missed appointment"');
    // The attached email's words stay in the attachment, not in the outer body.
    expect(email.text).not.toContain('Heol y Bont');
    expect(email.attachments).toHaveLength(1);
    const [forwarded] = email.attachments;
    expect(forwarded.mime).toBe('message/rfc822');
    expect(forwarded.fileName).toBe('Moving house - please transfer my line.eml');
    expect(forwarded.message).toMatchObject({
      from: { name: 'Gwën Harri', address: 'gwen.harri@example.co.uk' },
      subject: 'Moving house - please transfer my line',
      date: '2026-10-16T09:02:11.000Z',
    });
    expect(forwarded.message!.text).toContain('I can’t be without internet');
    // The attachment keeps the attached email's own bytes: it parses again on its own.
    const again = await parseEmail(forwarded.bytes, forwarded.fileName);
    expect(again.ok && again.email.subject).toBe('Moving house - please transfer my line');
  });

  test('an HTML-only email gets a plain text from its HTML; the HTML is kept as sent (the view sanitises it)', async () => {
    const email = await parsed('html-only-remote-content.eml');
    expect(email.text).toContain('My direct debit was taken twice this month (£38.99 on 1 and 2 November).');
    expect(email.text).not.toMatch(/fetch\(|tracker\.example\/opened/);
    expect(email.html).toContain('<script>');
    expect(email.date).toBe('2026-11-03T17:00:00.000Z');
  });
});

describe('Outlook .msg (msgreader samples, Apache-2.0)', () => {
  test('recipients To and Cc with names and addresses (Bcc is not shown)', async () => {
    const email = await parsed('outlook-subject.msg');
    expect(email.format).toBe('msg');
    expect(email.subject).toBe('Subject');
    expect(email.to).toEqual([{ name: 'ToUser', address: 'to@example.com' }]);
    expect(email.cc).toEqual([{ name: 'ToCc', address: 'cc@example.com' }]);
    expect(email.date).toBe('2020-09-28T11:28:39.000Z');
  });

  test('sender, attachments with their bytes; an inline image keeps its Content-ID', async () => {
    const files = await parsed('outlook-attachmentfiles.msg');
    expect(files.from).toEqual({ name: 'hmailuser', address: 'hmailuser@hmailserver.test' });
    expect(files.attachments.map((a) => [a.fileName, a.mime, a.bytes.length])).toEqual([
      ['jpg.jpg', 'image/jpeg', 726],
      ['png.png', 'image/png', 134],
      ['tif.tif', 'image/tiff', 664],
    ]);
    expect([...files.attachments[0].bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const inline = await parsed('outlook-attachandinline.msg');
    expect(inline.attachments.map((a) => [a.fileName, a.inline, a.contentId ?? null])).toEqual([
      ['attach.png', false, null],
      ['image001.png', true, 'image001.png@01D78380.EF6DC500'],
    ]);
  });

  test('an embedded Outlook message is parsed as a message, with its own sender and text', async () => {
    const email = await parsed('outlook-msginmsg.msg');
    expect(email.subject).toBe('I have attachments!');
    const nested = email.attachments.find((a) => a.message);
    expect(nested?.fileName).toBe('Microsoft Outlook テスト メッセージ.msg');
    expect(nested?.message).toMatchObject({
      format: 'msg',
      from: { name: 'Microsoft Outlook', address: 'xmailuser@xmailserver.test' },
      subject: 'Microsoft Outlook テスト メッセージ',
    });
    expect(nested?.message?.text).toContain('Microsoft Outlook から自動送信されたものです');
    expect(email.attachments.map((a) => a.fileName)).toContain('green.png');
  });

  test('a message whose body exists only as compressed RTF is shown as the text of its RTF', async () => {
    const email = await parsed('outlook-rtf-only.msg');
    expect(email.html).toBeUndefined();
    expect(email.subject).toBe('attachmentFiles');
    expect(email.text).toBe('attachmentFiles');
    // The sample it was made from has the same words as its plain-text body.
    expect((await parsed('outlook-attachmentfiles.msg')).text).toBe('attachmentFiles');
  });

  test('a Japanese message whose RTF-only body is a no-break space in a Western font has no body text, not “�”', async () => {
    // Its compressed RTF is \ansicpg932 HTML-in-RTF whose only text is {\f3\'a0}, f3 being \fcharset0 (Windows-1252).
    const email = await parsed('outlook-attachandinline.msg');
    expect(email.html).toBeUndefined();
    expect(email.text).toBe('');
  });
});

describe('files that are not emails are refused with the reason', () => {
  test.each([
    [
      'bill-october-2026.pdf',
      /not an email: “bill-october-2026.pdf”: it is not text with mail headers \(it holds binary data\)/,
    ],
    ['make-fixtures.ts', /not an email: “make-fixtures.ts”: it does not start with mail headers/],
    [
      'outlook-a-memo.msg',
      /not an email: “outlook-a-memo.msg”: it is an Outlook item of another kind \(IPM.StickyNote\)/,
    ],
  ])('%s', async (name, message) => {
    const result = await parseEmail(fixture(name), name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  test('an empty file, a text note with one header-like line, a compound file that is not a message', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(await parseEmail(new Uint8Array(), 'empty.eml')).toEqual({
      ok: false,
      error: 'This file is not an email: “empty.eml”: the file is empty.',
      said: { code: 'not-an-email', values: { file: 'empty.eml', why: { code: 'why-empty' } } },
    });
    expect(emailHeaderProblem(enc('Note: call her back\n\nShe rang twice.'))).toEqual({ code: 'why-not-mail-headers' });
    expect(emailHeaderProblem(enc('Subject: Refund\nDate: Mon, 2 Nov 2026 10:00:00 +0000\n\nBody'))).toBeNull();
    expect(
      emailHeaderProblem(enc('From someone@example.org Mon Nov  2 10:00:00 2026\nFrom: a@example.org\n\nx')),
    ).toBeNull();
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await parseEmail(cfb, 'old.doc');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^This file is not an email( that can be read)?: “old.doc”/);
  });
});

describe('rtfToText', () => {
  const rtf = (s: string) => new TextEncoder().encode(s);
  test('paragraphs, code-page bytes, \\u characters with their fallback skipped, tables and \\* destinations skipped', () => {
    const doc =
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Calibri;}}{\\colortbl;\\red0\\green0\\blue0;}' +
      "{\\*\\generator Msftedit 5.41;}\\uc1\\pard Dear Sir,\\par\\par The fee of \\'80180 was \\u8220?wrong\\u8221?.\\par " +
      "{\\*\\htmltag64 <br>}Ren\\'e9e\\tab Lef\\u232\\'e8vre\\line end\\par}";
    expect(rtfToText(rtf(doc))).toBe('Dear Sir,\n\nThe fee of €180 was “wrong”.\nRenée\tLefèvre\nend');
  });

  test("a \\'hh byte is in the code page of the font in effect, else of the document", () => {
    // A Japanese Outlook message (\ansicpg932) writes a no-break space in a Western font (\fcharset0) as {\f3\'a0}.
    const japanese =
      '{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0\\fswiss MS PGothic;}{\\f3\\fmodern\\fcharset0 Courier New;}}' +
      "\\f0 a{\\f3\\'a0}b\\'82\\'a0\\par}";
    expect(rtfToText(rtf(japanese))).toBe('a\u00a0b\u3042');
    // A Shift_JIS font (\fcharset128) in a Windows-1252 document: its two-byte characters, and é around them.
    const western =
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fcharset0 Arial;}{\\f1\\fcharset128 MS Gothic;}' +
      "{\\f2\\fcharset0\\cpg1251 Courier;}}caf\\'e9 {\\f1\\'93\\'fa\\'96\\'7b}\\'e9 {\\f2\\'c4\\'e0}\\par}";
    expect(rtfToText(rtf(western))).toBe('café 日本é Да');
    // The default font (\deff) gives the code page of text before any \f, and again after \plain.
    const defaultFont =
      '{\\rtf1\\ansi\\ansicpg1252\\deff1{\\fonttbl{\\f0\\fcharset0 Arial;}{\\f1\\fcharset128 MS Gothic;}}' +
      "\\'82\\'a0\\f0\\'e9\\plain\\'82\\'a2\\par}";
    expect(rtfToText(rtf(defaultFont))).toBe('あéい');
  });

  test('the RTF of a real Outlook message, decompressed', async () => {
    // The compressed RTF of the sample, read by msgreader and decompressed by @kenjiuno/decompressrtf.
    const { default: MsgReader } = await import('@kenjiuno/msgreader/lib/MsgReader');
    const bytes = fixture('outlook-subject.msg');
    const fields = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)).getFileData();
    const decompressed = Uint8Array.from(decompressRTF(Array.from(fields.compressedRtf!)));
    expect(new TextDecoder().decode(decompressed.subarray(0, 6))).toBe('{\\rtf1');
    expect(rtfToText(decompressed)).toBe((await parsed('outlook-subject.msg')).text);
  });
});

describe('the text of an HTML body (explore39-letters #9)', () => {
  test('no script link target is put in the text; a web or mail link only where it says more than its words', async () => {
    const text = await htmlToText(
      '<p>Here is the router:</p><p><a href="javascript:alert(2)">click</a></p>' +
        '<p><a href=" JavaScript:alert(3)">a</a> <a href="java\tscript:x">b</a> <a href=\'data:text/html;base64,PHNjcmlwdD4=\'>c</a> ' +
        '<a href=vbscript:msgbox>d</a> <a href="#top">top</a> <a href="javascript&#58;alert(4)">e</a></p>' +
        '<p><a href="https://example.org/help">our help page</a>, <a href="https://example.org/b">https://example.org/b</a>, ' +
        '<a href="mailto:ada@example.com">ada@example.com</a>, <a href="mailto:ada@example.com">write to Ada</a></p>',
    );
    expect(text).not.toMatch(/script|data:|alert|msgbox|#top/i);
    expect(text).toContain('Here is the router:\n\nclick');
    expect(text).toContain('a b c d top e');
    // A ">" inside the quoted target ends the tag early: the rest shows as text, the target does not.
    expect(await htmlToText('<a href="data:text/html,<b>x</b>">y</a>')).not.toContain('data:');
    expect(text).toContain('(https://example.org/help) our help page');
    expect(text).toContain(', https://example.org/b, ada@example.com, (mailto:ada@example.com) write to Ada');
  });
});
