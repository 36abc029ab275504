import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLayers, LAYERS, layerOf } from './layers';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the layer checker reads the whole app', () => {
  const report = checkLayers(root);

  it('reads every layer of the tree (a checker that reads nothing would pass everything)', () => {
    expect(report.modules).toBeGreaterThan(250);
    expect(report.imports).toBeGreaterThan(1000);
    for (const name of [
      'shared/model',
      'shared/rules',
      'shared/letters',
      'shared/backup',
      'electron',
      'renderer/db',
      'renderer/features',
      'test',
    ]) {
      expect(report.byLayer[name] ?? 0, name).toBeGreaterThan(0);
    }
  });

  it('puts a file in the layer of the longest matching folder', () => {
    expect(layerOf('shared/model/case.ts')?.name).toBe('shared/model');
    expect(layerOf('renderer/src/features/intake/IntakePage.tsx')?.name).toBe('renderer/features');
    expect(layerOf('renderer/src/main.tsx')?.name).toBe('renderer/main');
    expect(layerOf('README.md')).toBeUndefined();
    expect(new Set(LAYERS.map((l) => l.name)).size).toBe(LAYERS.length);
  });
});

describe('a forbidden import planted in a copy of the tree is found', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'redress-layers-'));
    const onlySource = (src: string) =>
      !/node_modules|[\\/]out[\\/]|[\\/]output[\\/]|\.json$|\.png$/.test(src.slice(root.length)) ||
      src.endsWith('package.json');
    for (const top of ['shared', 'renderer', 'electron', 'test', 'build'])
      cpSync(join(root, top), join(copy, top), { recursive: true, filter: onlySource });
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  // Planted sources name their modules through `from_` and `importOf`, so that tools reading this file's own imports
  // (the codemod, the bundlers) do not take the planted ones for real.
  const from_ = (path: string) => `from '${path}'`;
  const importOf = (path: string) => `import('${path}')`;
  const plants: [file: string, source: string, expected: RegExp][] = [
    [
      'shared/model/planted.ts',
      `import type { Procedure } ${from_('../rules/procedure')};\nexport type P = Procedure;\n`,
      /shared\/model must not import shared\/rules/,
    ],
    [
      'shared/rules/planted.ts',
      `import { useState } ${from_('react')};\nexport const s = useState;\n`,
      /must not import react/,
    ],
    [
      'shared/letters/planted.ts',
      `import { readFileSync } ${from_('node:fs')};\nexport const r = readFileSync;\n`,
      /must not import node:fs/,
    ],
    ['electron/main/planted.ts', `export * ${from_('#platform')};\n`, /electron must not import renderer/],
    [
      'renderer/src/platform/planted.ts',
      `import { join } ${from_('node:path')};\nexport const j = join;\n`,
      /must not import node:path/,
    ],
    [
      'renderer/src/db/planted.ts',
      `export { IntakePage } ${from_('#features/intake')};\n`,
      /renderer\/db must not import renderer\/features/,
    ],
    [
      'renderer/src/features/planted/x.ts',
      `export * ${from_('../intake/IntakePage')};\n`,
      /enters feature "intake" by IntakePage.tsx/,
    ],
    [
      'renderer/src/features/planted/y.ts',
      `const m = () => ${importOf('../../app/App')};\nexport default m;\n`,
      /renderer\/features must not import renderer\/app/,
    ],
    ['renderer/src/lib/planted.ts', `export * ${from_('#renderer/db/schema')};\n`, /#renderer\/… is for tests/],
    ['shared/model/deep.ts', `export * ${from_('../../shared/model/case')};\n`, /climbs more than one folder/],
    [
      'renderer/src/db/repositories/planted.ts',
      `export const w = (database: { timelines: { put(e: object): void } }) =>\n  database.timelines.put({});\n`,
      /writes timeline entries itself/,
    ],
  ];

  for (const [file, source, expected] of plants) {
    it(`refuses ${file}`, () => {
      const path = join(copy, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source);
      try {
        const found = checkLayers(copy).problems.filter((p) => p.file === file);
        expect(found.map((p) => p.message).join('\n')).toMatch(expected);
      } finally {
        rmSync(path);
      }
    });
  }
});
