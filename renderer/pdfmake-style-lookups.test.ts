import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveStylesOncePerCall } from './pdfmake-style-lookups';

const require = createRequire(import.meta.url);
const PDFMAKE = require.resolve('pdfmake/build/pdfmake.js');
const shipped = readFileSync(PDFMAKE, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'redress-pdfmake-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** pdfmake's browser build (shipped or changed) loaded as a CommonJS module of its own, with the Roboto fonts. */
function loadPdfmake(code: string) {
  const file = join(scratch, `pdfmake-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(file, code);
  const pdfMake = require(file) as {
    addVirtualFileSystem(vfs: unknown): void;
    createPdf(doc: unknown): { getBuffer(): Promise<Uint8Array> };
  };
  pdfMake.addVirtualFileSystem(require('pdfmake/build/vfs_fonts.js'));
  return pdfMake;
}

/** A PDF's bytes as text, its creation date and file ID (the only parts that change from run to run) taken out. */
const steady = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');

describe('resolveStylesOncePerCall (pdfmake 0.3 style lookups, issue #19)', () => {
  it('changes the shipped pdfmake build: measure() looks each style property up through one resolver', () => {
    const patched = resolveStylesOncePerCall(shipped);
    expect(patched).not.toBeNull();
    const measure = patched!.slice(patched!.indexOf('  measure(array, styleContextStack) {'));
    const body = measure.slice(0, measure.indexOf('\n  /**'));
    expect(body).toContain("styleProperty(item, 'fontSize', 12)");
    expect(body.match(/src_StyleContextStack\.getStyleProperty\(/g)).toHaveLength(2); // the resolver's two calls
    // Nothing else in the file is touched.
    expect(patched!.slice(0, patched!.indexOf('  measure(array, styleContextStack) {'))).toBe(
      shipped.slice(0, shipped.indexOf('  measure(array, styleContextStack) {')),
    );
  });

  it('leaves a pdfmake it was not written for as it is (null)', () => {
    expect(resolveStylesOncePerCall('module.exports = {}')).toBeNull();
    expect(resolveStylesOncePerCall(shipped.replace("'fontSize', 12", "'fontSize', 11"))).not.toBeNull();
    expect(
      resolveStylesOncePerCall(
        shipped.replace(
          "src_StyleContextStack.getStyleProperty(item, styleContextStack, 'color', 'black')",
          "src_StyleContextStack.getStyleProperty(other, styleContextStack, 'color', 'black')",
        ),
      ),
    ).toBeNull();
  });

  it('lays text out exactly as pdfmake does: named styles, extends, inline overrides, words setting their own', async () => {
    const doc = () => ({
      pageSize: 'A4',
      styles: {
        base: { fontSize: 11, color: '#333333', lineHeight: 1.2 },
        heading: { extends: 'base', fontSize: 16, bold: true },
        quiet: { color: '#777777', italics: true },
        loop: { extends: 'loop', characterSpacing: 1 },
      },
      defaultStyle: { fontSize: 10 },
      content: [
        { text: 'A heading over the letter', style: 'heading' },
        {
          text: [
            'Plain words, then ',
            { text: 'bold words', bold: true },
            ' and ',
            { text: 'quiet ones', style: 'quiet' },
            ' and ',
            { text: 'both styles at once', style: ['heading', 'quiet'], fontSize: 9 },
            { text: ' spaced', style: 'loop' },
            { text: ' big red', fontSize: 20, color: 'red', decoration: 'underline' },
          ],
          style: 'base',
        },
        { stack: [{ text: 'In a stack with a margin, aligned right' }], alignment: 'right', margin: [20, 4, 0, 0] },
        {
          columns: [
            { text: 'Left column text that wraps over more than one line of the narrow column', width: 120 },
            { text: 'Right column, large print', fontSize: 18, preserveLeadingSpaces: true },
          ],
        },
        { text: '   leading and trailing spaces   ', preserveTrailingSpaces: true, noWrap: true },
      ],
    });
    const render = async (code: string) => steady(await loadPdfmake(code).createPdf(doc()).getBuffer());
    const before = await render(shipped);
    const after = await render(resolveStylesOncePerCall(shipped)!);
    expect(before.length).toBeGreaterThan(5000);
    expect(after).toBe(before);
  });
});
