// The About box's list of third-party code and data (renderer/src/features/about/third-party-licences.ts, made by
// `npm run licences` from a real build): it must be current. Every package the app's and the shell's sources import
// is listed, each listed version and licence text is what node_modules holds now, the holiday data's source and the
// letters' font are attributed, and the app's own name and version match package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PDFJS_DECODER_FILES } from '#shared/security/pdfjs-decoders';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Entry {
  name: string;
  version: string;
  license: string;
  usedBy: string[];
  licenceFiles: string[];
  licenceText: string;
  url?: string;
}
// A generated TypeScript module holding one JSON literal (see build/licences.mjs).
const moduleText = readFileSync(`${root}/renderer/src/features/about/third-party-licences.ts`, 'utf8');
const list = JSON.parse(/const list: LicenceList = ([\s\S]*);\n\nexport default list;/.exec(moduleText)![1]!) as {
  app: { name: string; version: string };
  packages: Entry[];
};
const REGENERATE = 'run `npm run licences` and commit the result';

/** Bare imports (values, not types) of the non-test sources under `folder`. */
function bareImports(folder: string): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        for (const match of text.matchAll(
          /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
        )) {
          const spec = match[1] ?? match[2];
          if (!spec || spec.startsWith('.') || spec.startsWith('#') || spec.startsWith('node:')) continue; // '#…': our own code (package.json imports)
          const parts = spec.split('/');
          names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
        }
      }
    }
  };
  walk(folder);
  return names;
}

describe('third-party licences (About box)', () => {
  it('names the app and its version as package.json does', () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { productName: string; version: string };
    expect(list.app, REGENERATE).toMatchObject({ name: pkg.productName, version: pkg.version });
  });

  it('lists every package the app, the shared code and the shell import at run time', () => {
    const listed = new Set(list.packages.map((p) => p.name));
    const imported = new Set([
      ...bareImports(`${root}/renderer/src`),
      ...bareImports(`${root}/shared`),
      ...bareImports(`${root}/electron`),
    ]);
    // Import-only-in-tests or build-time packages never reach these sources; the holiday RULES module imports
    // date-holidays but the app reads the snapshot made from it (listed as data).
    const missing = [...imported].filter((name) => name !== 'electron' && !listed.has(name));
    expect(missing, REGENERATE).toEqual([]);
  });

  it("each entry's version and licence text are what node_modules holds now", () => {
    for (const entry of list.packages.filter((p) => !p.name.includes(' '))) {
      const candidates = [`${root}/node_modules/${entry.name}`];
      // Nested copies (another version under a dependant's own node_modules) are found by version below.
      const dirs = candidates.filter((dir) => existsSync(`${dir}/package.json`));
      const versions = dirs.map(
        (dir) => (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string }).version,
      );
      if (!versions.includes(entry.version)) continue; // a nested copy: checked by regenerating
      const dir = dirs[versions.indexOf(entry.version)]!;
      const text = entry.licenceFiles.map((file) => readFileSync(`${dir}/${file}`, 'utf8').trim()).join('\n\n');
      expect(entry.licenceText, `${entry.name}: ${REGENERATE}`).toBe(text);
    }
  });

  it('every entry has a licence (an SPDX name at least), and nearly all carry the full text', () => {
    for (const entry of list.packages) expect(entry.license, entry.name).toMatch(/\S/);
    const withText = list.packages.filter((p) => p.licenceText.length > 100).length;
    expect(withText / list.packages.length).toBeGreaterThan(0.9);
  });

  it('includes the libraries the issue names', () => {
    const names = new Set(list.packages.map((p) => p.name));
    for (const name of [
      'react',
      'react-dom',
      '@mantine/core',
      'dexie',
      'recharts',
      'pdfmake',
      'pdf-lib',
      'fflate',
      'papaparse',
      'zod',
      'date-fns',
      'electron',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it("lists what pdfmake's browser build carries inside it (its runtime dependencies: pdfkit, linebreak, xmldoc)", () => {
    const pdfmake = JSON.parse(readFileSync(`${root}/node_modules/pdfmake/package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const names = Object.keys(pdfmake.dependencies);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const entry = list.packages.find((p) => p.name === name);
      expect(entry?.usedBy, `${name}: ${REGENERATE}`).toContain('app (inside pdfmake)');
    }
  });

  it('attributes the holiday data (date-holidays: ISC code, CC BY-SA 3.0 data with its Wikipedia sources)', () => {
    const holidays = list.packages.find((p) => p.name === 'date-holidays')!;
    expect(holidays.usedBy).toContain('data');
    expect(holidays.licenceText).toMatch(/CC BY-SA 3\.0/);
    expect(holidays.licenceText).toMatch(/wikipedia\.org/);
    const snapshot = JSON.parse(readFileSync(`${root}/shared/rules/data/holidays.json`, 'utf8')) as { source: string };
    expect(snapshot.source).toContain(`date-holidays ${holidays.version}`);
  });

  it('lists the pdf.js image decoders the app serves as they are, each with the licences beside it in pdfjs-dist', () => {
    const pdfjs = list.packages.find((p) => p.name === 'pdfjs-dist')!;
    const dir = `${root}/node_modules/pdfjs-dist`;
    for (const file of PDFJS_DECODER_FILES) {
      const entry = list.packages.find((p) => p.name === `${file} (pdfjs-dist)`);
      expect(entry, `${file}: ${REGENERATE}`).toBeDefined();
      expect(entry!.version).toBe(pdfjs.version);
      expect(entry!.licenceText, REGENERATE).toBe(
        entry!.licenceFiles.map((f) => readFileSync(`${dir}/${f}`, 'utf8').trim()).join('\n\n'),
      );
    }
    // OpenJPEG and its build: BSD 2-clause; PDFium's JBIG2 decoder: PDFium's BSD 3-clause and Apache 2.0 notices.
    const openjpeg = list.packages.find((p) => p.name === 'openjpeg_nowasm_fallback.js (pdfjs-dist)')!;
    expect(openjpeg.license).toBe('BSD-2-Clause');
    expect(openjpeg.licenceText).toMatch(/Universite catholique de Louvain/);
    const jbig2 = list.packages.find((p) => p.name === 'jbig2_nowasm_fallback.js (pdfjs-dist)')!;
    expect(jbig2.license).toBe('BSD-3-Clause AND Apache-2.0');
    expect(jbig2.licenceText).toMatch(/The PDFium Authors/);
  });

  it("attributes the letters' font from the font file itself", () => {
    const roboto = list.packages.find((p) => p.name === 'Roboto (font)')!;
    expect(roboto.licenceText).toMatch(/Copyright .* Roboto Project Authors/);
    // The Roboto that pdfmake 0.3 embeds is licensed under the SIL Open Font License 1.1 (not Apache 2.0, as
    // older Roboto releases were): the list says what the font file says.
    expect(roboto.license).toBe('OFL-1.1');
    expect(roboto.licenceText).toMatch(/SIL Open Font License, Version 1\.1/);
  });
});
