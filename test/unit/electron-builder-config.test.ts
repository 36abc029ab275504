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
  nsis: Record<string, unknown> & { oneClick: boolean; perMachine: boolean; allowElevation: boolean };
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

  it('installs per user, without admin rights and without offering an all-users install', async () => {
    const { nsis } = await loadConfig();
    // One-click + not per-machine: electron-builder defines neither INSTALL_MODE_PER_ALL_USERS (which makes the
    // installer RequestExecutionLevel admin) nor the install-mode page whose "all users" choice needs elevation.
    expect(nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(nsis.selectPerMachineByDefault ?? false).toBe(false);
    expect(nsis.allowToChangeInstallationDirectory ?? false).toBe(false); // refused by electron-builder with oneClick
    expect(nsis.packElevateHelper ?? false).toBe(false);
    const template = await readFile(`${root}/node_modules/app-builder-lib/templates/nsis/installer.nsi`, 'utf8');
    expect(template, 'a per-user installer asks for user rights only').toMatch(
      /!ifdef INSTALL_MODE_PER_ALL_USERS[\s\S]*?!else\s+RequestExecutionLevel user/,
    );
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
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Only for apps that ship a browser-specific V8 snapshot; Redress does not.
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('sets every fuse @electron/fuses knows, under the keys electron-builder reads', async () => {
    // electron-builder turns `electronFuses` into @electron/fuses' config (FuseV1Options index → value) and silently
    // drops keys it does not know, so a misspelt key would leave that fuse at Electron's default. Run its own
    // translation and check that every V1 fuse ends up set.
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
    };
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number | string> };
    const { electronFuses } = await loadConfig();
    const generated = await PlatformPackager.prototype.generateFuseConfig.call({}, electronFuses);
    const fuseNames = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name)));
    expect(fuseNames.length).toBeGreaterThanOrEqual(8);
    for (const name of fuseNames) {
      expect(typeof generated[String(FuseV1Options[name])], `fuse ${name} is set`).toBe('boolean');
    }
    expect(generated[String(FuseV1Options.RunAsNode)]).toBe(false);
    expect(generated[String(FuseV1Options.EnableCookieEncryption)]).toBe(true);
    expect(generated[String(FuseV1Options.EnableNodeOptionsEnvironmentVariable)]).toBe(false);
    expect(generated[String(FuseV1Options.EnableNodeCliInspectArguments)]).toBe(false);
    expect(generated[String(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)]).toBe(true);
    expect(generated[String(FuseV1Options.OnlyLoadAppFromAsar)]).toBe(true);
    expect(generated[String(FuseV1Options.GrantFileProtocolExtraPrivileges)]).toBe(false);
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
