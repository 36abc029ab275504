import '#test/support/windows-1252';
import { describe, expect, test } from 'vitest';
import { codePageDecoder, type FallbackCodePage } from './code-pages';

const decode = (codePage: number | undefined, fallback: FallbackCodePage, bytes: number[]) =>
  codePageDecoder(codePage, fallback).decode(Uint8Array.from(bytes));

describe('a Windows code page as a decoder', () => {
  test('UTF-8 (65001)', () => {
    expect(codePageDecoder(65001, 1252).encoding).toBe('utf-8');
    expect(decode(65001, 1252, [0x63, 0x61, 0x66, 0xc3, 0xa9])).toBe('café');
  });

  test('the windows-N code pages by their own number', () => {
    for (const codePage of [874, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258]) {
      expect(codePageDecoder(codePage, 65001).encoding).toBe(`windows-${codePage}`);
    }
    expect(decode(1252, 65001, [0x80, 0x93, 0x94, 0xe9])).toBe('€“”é');
    expect(decode(1251, 65001, [0xc4, 0xe0])).toBe('Да');
  });

  test('Latin-1 (28591) is read as Windows-1252, as the Encoding Standard reads iso-8859-1', () => {
    expect(codePageDecoder(28591, 65001).encoding).toBe('windows-1252');
    expect(decode(28591, 65001, [0x80, 0xe9])).toBe('€é');
  });

  test('the CJK code pages by the names TextDecoder knows them by', () => {
    expect(codePageDecoder(932, 1252).encoding).toBe('shift_jis');
    expect(codePageDecoder(936, 1252).encoding).toBe('gbk');
    expect(codePageDecoder(949, 1252).encoding).toBe('euc-kr');
    expect(codePageDecoder(950, 1252).encoding).toBe('big5');
    expect(decode(932, 65001, [0x93, 0xfa, 0x96, 0x7b])).toBe('日本');
    expect(decode(936, 65001, [0xd6, 0xd0, 0xce, 0xc4])).toBe('中文');
    expect(decode(949, 65001, [0xc7, 0xd1, 0xb1, 0xb9])).toBe('한국');
    expect(decode(950, 65001, [0xa4, 0xa4, 0xa4, 0xe5])).toBe('中文');
  });

  test('an Outlook HTML body in Shift_JIS, GBK or Big5 is read in it (parse.ts once read these three as UTF-8)', () => {
    const html = (body: number[]) => [...Buffer.from('<p>'), ...body, ...Buffer.from('</p>')];
    expect(decode(932, 65001, html([0x93, 0xfa, 0x96, 0x7b]))).toBe('<p>日本</p>');
    expect(decode(936, 65001, html([0xd6, 0xd0, 0xce, 0xc4]))).toBe('<p>中文</p>');
    expect(decode(950, 65001, html([0xa4, 0xa4, 0xa4, 0xe5]))).toBe('<p>中文</p>');
  });

  test('no code page (undefined or 0): the fallback', () => {
    expect(codePageDecoder(undefined, 65001).encoding).toBe('utf-8');
    expect(codePageDecoder(0, 65001).encoding).toBe('utf-8');
    expect(codePageDecoder(undefined, 1252).encoding).toBe('windows-1252');
    expect(codePageDecoder(0, 1252).encoding).toBe('windows-1252');
  });

  test('UTF-16, ISO-2022-JP, EUC-JP, GB18030 and the ISO 8859 sets by their own names', () => {
    expect(decode(1200, 1252, [0x44, 0x00, 0x30, 0x04])).toBe('D\u0430');
    expect(decode(1201, 1252, [0x00, 0x44, 0x04, 0x30])).toBe('D\u0430');
    // "日本" in ISO-2022-JP: ESC $ B, the JIS X 0208 bytes, ESC ( B.
    expect(decode(50220, 65001, [0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42])).toBe('日本');
    expect(codePageDecoder(51932, 65001).encoding).toBe('euc-jp');
    expect(codePageDecoder(54936, 65001).encoding).toBe('gb18030');
    expect(decode(28592, 65001, [0xb3, 0xf3])).toBe('łó');
    expect(codePageDecoder(28605, 65001).encoding).toBe('iso-8859-15');
  });

  test('a code page with no decoder (unknown), or ASCII (20127): the fallback', () => {
    for (const codePage of [20127, 12345, -1]) {
      expect(codePageDecoder(codePage, 65001).encoding).toBe('utf-8');
      expect(codePageDecoder(codePage, 1252).encoding).toBe('windows-1252');
    }
    expect(decode(20127, 65001, [0x63, 0x61, 0x66, 0xc3, 0xa9])).toBe('café');
    expect(decode(20127, 1252, [0x63, 0x61, 0x66, 0xe9])).toBe('café');
  });
});
