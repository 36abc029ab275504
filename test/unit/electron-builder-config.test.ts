// The packaging configuration is only exercised on a machine that can build installers; this proves here that it
// loads, passes electron-builder's own schema, and says what the issue asks for.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  icon: string;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[] };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean };
  mac: { target: { target: string }[]; category: string };
}

async function loadConfig(): Promise<BuilderConfig> {
  return parse(await readFile(`${root}/build/electron-builder.yml`, 'utf8')) as BuilderConfig;
}

describe('build/electron-builder.yml', () => {
  it('names the app', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('uk.co.redress.desk');
    expect(config.productName).toBe('Redress');
  });

  it('builds an NSIS installer for Windows and a dmg for macOS', async () => {
    const config = await loadConfig();
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.business');
  });

  it('installs per user, without admin rights', async () => {
    const { nsis } = await loadConfig();
    expect(nsis).toMatchObject({ perMachine: false, allowElevation: false });
  });

  it('ships only the built bundles and package.json, in an asar, never node_modules or sources', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.files).toContain('package.json');
    for (const pattern of config.files) {
      expect(pattern === 'package.json' || pattern.startsWith('out/'), pattern).toBe(true);
      expect(pattern).not.toMatch(/node_modules|\.ts$|^(electron|renderer|shared|src)\//);
      expect(pattern, 'type declarations are not the app').not.toMatch(/^out\/(\*\*|tsc)/);
    }
  });

  it('points at an icon that exists and is a 1024×1024 PNG', async () => {
    const config = await loadConfig();
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    for (const icon of [config.icon, 'resources/icon.png']) {
      const png = await readFile(`${root}/${icon}`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(1024); // IHDR width
      expect(png.readUInt32BE(20)).toBe(1024); // IHDR height
    }
  });

  it('sets the security fuses', async () => {
    const { electronFuses } = await loadConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("passes electron-builder's own configuration schema", async () => {
    // app-builder-lib is electron-builder's engine (installed with it, same version).
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...(await loadConfig()), notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow(/unknown property 'notAnOption'/);
  });

  it('matches package.json: the main entry is in the packaged files', async () => {
    const pkg = JSON.parse(await readFile(`${root}/package.json`, 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    const config = await loadConfig();
    expect(config.files).toContain('out/main/**');
  });
});
