// recogniseFile: every accepted type from real bytes made here, and the refusals say what the file is.
import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MIME_TYPES } from '#shared/model/attachment';
import { recogniseFile } from './recognise';

const bytes = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((p) =>
    typeof p === 'string' ? strToU8(p, true) : p instanceof Uint8Array ? p : Uint8Array.from(p),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const utf16 = (text: string) => Array.from(text, (c) => [c.charCodeAt(0), 0]).flat();
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const padding = new Uint8Array(600);

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Hello');
  return doc.save();
}
const jpeg = () => bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const png = () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', padding);
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), padding);
};
const zip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

describe('recogniseFile: the accepted types, from their bytes', () => {
  it.each([
    ['a PDF (made by pdf-lib)', 'letter.pdf', pdf, 'pdf', 'application/pdf'],
    ['a JPEG', 'scan.jpg', jpeg, 'jpeg', 'image/jpeg'],
    ['a PNG', 'bill.png', png, 'png', 'image/png'],
    ['a little-endian TIFF', 'fax.tif', () => bytes([0x49, 0x49, 0x2a, 0], padding), 'tiff', 'image/tiff'],
    ['a big-endian TIFF', 'fax.tiff', () => bytes([0x4d, 0x4d, 0, 0x2a], padding), 'tiff', 'image/tiff'],
    ['a HEIC photo', 'IMG_0001.HEIC', () => ftyp('heic', 'mif1', 'heic'), 'heic', 'image/heic'],
    ['a HEIF image (mif1, heic compatible)', 'photo.heif', () => ftyp('mif1', 'heic'), 'heic', 'image/heic'],
    ['UTF-8 text', 'notes.txt', () => bytes('Call notes: Françoise rang at 10:00.\r\nShe wants a refund.\n'), 'text'],
    ['Windows-1252 text', 'notes.txt', () => bytes('Caf', [0xe9], ' bill ', [0x80], '12\n'), 'text', 'text/plain'],
    [
      'an email (.eml)',
      'complaint.eml',
      () =>
        bytes(
          'Received: from mx.example.com\r\n\tby mail.example.net; Tue, 1 Dec 2026 09:00:00 +0000\r\n',
          'From: =?utf-8?q?Fran=C3=A7oise?= <f@example.com>\r\nTo: complaints@example.net\r\n',
          'Subject: My bill\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n\r\nHello\r\n',
        ),
      'eml',
      'message/rfc822',
    ],
    [
      'an email saved by a mail client with an mbox "From " line',
      'saved',
      () => bytes('From f@example.com Tue Dec  1 09:00:00 2026\nFrom: f@example.com\nSubject: Bill\n\nHi\n'),
      'eml',
    ],
    [
      'an Outlook message (.msg)',
      'email.msg',
      () => bytes(OLE, padding, utf16('Root Entry'), utf16('__substg1.0_0037001F'), padding),
      'msg',
      'application/vnd.ms-outlook',
    ],
    [
      'a Word document (.docx)',
      'letter.docx',
      () => zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      'docx',
    ],
    ['an Excel workbook (.xlsx)', 'bills.xlsx', () => zip({ 'xl/workbook.xml': '<workbook/>' }), 'xlsx'],
    [
      'an OpenDocument text (.odt)',
      'letter.odt',
      () => zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document/>' }),
      'odt',
      'application/vnd.oasis.opendocument.text',
    ],
  ] as const)('%s', async (_what, name, make, fileType, mime?: string) => {
    expect(recogniseFile(await make(), name)).toEqual({
      ok: true,
      fileType,
      mime: mime ?? ATTACHMENT_MIME_TYPES[fileType],
    });
  });

  it('goes by the bytes, not the name: a JPEG named .pdf is a JPEG, a PDF named .txt a PDF', async () => {
    expect(recogniseFile(jpeg(), 'scan.pdf')).toMatchObject({ ok: true, fileType: 'jpeg' });
    expect(recogniseFile(await pdf(), 'letter.txt')).toMatchObject({ ok: true, fileType: 'pdf' });
  });

  it('UTF-16 text with its byte order mark (Notepad’s “Unicode”) is text; UTF-16 that is not text is not', () => {
    const utf16le = (text: string) => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
      return out;
    };
    expect(recogniseFile(utf16le('Notes from Notepad:\r\nRenée rang 😀.'), 'notes.txt')).toMatchObject({
      ok: true,
      fileType: 'text',
    });
    const be = utf16le('Hello').map((_, i, a) => (i % 2 ? a[i - 1] : a[i + 1]));
    expect(recogniseFile(be, 'notes.txt')).toMatchObject({ ok: true, fileType: 'text' });
    // A control character, or half a surrogate pair, is no text.
    expect(recogniseFile(utf16le('a\u0001b'), 'x.txt')).toMatchObject({ ok: false });
    expect(recogniseFile(utf16le('a\ud83d'), 'x.txt')).toMatchObject({ ok: false });
  });

  it('text that starts like a binary signature ("BM", "MZ") is still text', () => {
    expect(recogniseFile(bytes('BMW finance letter, 3 March\n'), 'note.txt')).toMatchObject({ fileType: 'text' });
    expect(recogniseFile(bytes('MZ account: closed\n'), 'note.txt')).toMatchObject({ fileType: 'text' });
  });
});

describe('recogniseFile: refusals say what the file is and what is accepted', () => {
  const exe = () => bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff], padding, 'This program cannot be run');

  it('a Windows program renamed .pdf is refused as a Windows program, not a PDF', () => {
    expect(recogniseFile(exe(), 'invoice.pdf')).toMatchObject({
      ok: false,
      reason:
        'This file is a Windows program, not a PDF: Redress accepts PDF, JPEG, PNG, TIFF or HEIC images, plain text, emails (.eml, .msg), Word (.docx), Excel (.xlsx) or OpenDocument text (.odt).',
    });
  });

  it.each([
    [
      'a Linux program',
      'run.pdf',
      () => bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], padding),
      /a Linux program, not a PDF/,
    ],
    ['a GIF', 'photo.jpg', () => bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0], padding), /a GIF image, not a JPEG image/],
    ['a ZIP archive', 'files.zip', () => zip({ 'a.txt': 'a' }), /^This file is a ZIP archive: Redress accepts/],
    ['a damaged ZIP', 'letter.docx', () => bytes([0x50, 0x4b, 3, 4], padding), /a damaged ZIP archive, not a Word/],
    [
      'a PowerPoint',
      'slides.pptx',
      () => zip({ 'ppt/presentation.xml': '<p/>' }),
      /a PowerPoint presentation \(\.pptx\)/,
    ],
    [
      'an OpenDocument spreadsheet',
      'sheet.ods',
      () => zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }),
      /an OpenDocument spreadsheet \(only OpenDocument text is accepted\)/,
    ],
    [
      'an old Word .doc (OLE without Outlook streams)',
      'letter.msg',
      () => bytes(OLE, padding, utf16('WordDocument'), padding),
      /an older Microsoft Office file \(\.doc, \.xls or \.ppt\), not an Outlook message/,
    ],
    ['an AVIF image', 'photo.heic', () => ftyp('avif', 'mif1', 'avif'), /an AVIF image, not a HEIC photo/],
    ['an MP4 video', 'call.heic', () => ftyp('isom', 'isom', 'mp41'), /a video or sound file \(MP4\)/],
    [
      'a web page',
      'page.txt',
      () => bytes('<!DOCTYPE html>\n<html><script>x()</script></html>'),
      /a web page \(HTML\)/,
    ],
    ['an SVG', 'logo.png', () => bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), /an SVG image, not a PNG/],
    ['an RTF', 'letter.txt', () => bytes('{\\rtf1\\ansi Hello}'), /Rich Text \(RTF\)/],
    [
      'unknown bytes named .pdf',
      'scan.pdf',
      () => bytes([0, 1, 2, 3, 4, 5], padding),
      /^This file is not a PDF: its contents are not one of the types/,
    ],
  ] as const)('%s', (_what, name, make, reason) => {
    expect(recogniseFile(make(), name)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('an empty file is refused as empty', () => {
    expect(recogniseFile(new Uint8Array(0), 'letter.pdf')).toMatchObject({
      ok: false,
      reason: 'This file is empty (0 bytes): there is nothing to keep.',
    });
  });

  it('text with a header-like first line but no mail headers is plain text, not an email', () => {
    expect(recogniseFile(bytes('Note: customer rang\nAgain: on Monday\n\nBody\n'), 'n.eml')).toMatchObject({
      ok: true,
      fileType: 'text',
    });
  });
});
