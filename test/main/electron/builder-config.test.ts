// electron-builder.yml checked the way electron-builder 26 itself reads it: loaded by its own
// config loader and validated against its own scheme.json (ajv), so a misspelt key fails here
// and not on the one machine that can download Electron to build the installers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const requireFromRoot = createRequire(join(root, 'package.json'));

// js-yaml and app-builder-lib come with electron-builder; no type packages, so typed here.
const yaml = requireFromRoot('js-yaml') as { load(text: string): unknown };
const builderConfig = requireFromRoot('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const macros = requireFromRoot('app-builder-lib/out/util/macroExpander') as {
  expandMacro(pattern: string, arch: string | null, appInfo: Record<string, unknown>): string;
};
const quietLogger = { isEnabled: false, add() {} };

interface BuilderYml {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: string[]; icon: string; maintainer: string };
  deb: { depends: string[] };
  publish: { provider: string; url: string; channel: string }[];
  directories: { output: string; buildResources: string };
}

const raw = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(raw) as BuilderYml;

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s own schema', async () => {
    await expect(builderConfig.validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is what electron-builder loads from the project folder', async () => {
    const loaded = await builderConfig.getConfig(root, null, null);
    expect(loaded.appId).toBe(config.appId);
    expect(loaded.electronFuses).toEqual(config.electronFuses);
  });

  it('would catch a misspelt key (the schema check is real)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } };
    await expect(builderConfig.validateConfiguration(broken, quietLogger)).rejects.toThrow(/electronFuses/);
    await expect(builderConfig.validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } }, quietLogger)).rejects.toThrow(/nsis/);
  });

  it('names the product', () => {
    expect(config.productName).toBe('E-Retribusi Loket');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('flips the fuses of the Electron security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the bundles and package.json, not the sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config.files.some((f) => /^(main|renderer|shared|test)\//.test(f))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/electron/index.js');
  });

  it('builds a per-user NSIS installer with a choosable folder, and AppImage + deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toBeTruthy();
    // the deb keeps electron-builder's own dependencies and adds the font the printed layouts are measured in
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libsecret-1-0', 'fonts-liberation']));
  });

  it('publishes to a generic server whose address comes from LOKET_UPDATE_URL at build time', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.LOKET_UPDATE_URL}', channel: 'latest' }]);
    const before = process.env.LOKET_UPDATE_URL;
    try {
      process.env.LOKET_UPDATE_URL = 'https://pembaruan.example.go.id/loket';
      expect(macros.expandMacro(config.publish[0]?.url ?? '', null, {})).toBe('https://pembaruan.example.go.id/loket');
      delete process.env.LOKET_UPDATE_URL;
      // without it the build stops with a clear message instead of shipping a dead address
      expect(() => macros.expandMacro(config.publish[0]?.url ?? '', null, {})).toThrow(/LOKET_UPDATE_URL is not defined/);
    } finally {
      if (before === undefined) delete process.env.LOKET_UPDATE_URL;
      else process.env.LOKET_UPDATE_URL = before;
    }
  });

  it('documents the update URL in the file itself', () => {
    expect(raw).toMatch(/LOKET_UPDATE_URL is required at build time/);
  });
});

describe('resources/icon.png', () => {
  const png = readFileSync(join(root, 'resources', 'icon.png'));

  it('is a 512×512 RGBA PNG (electron-builder needs ≥ 256 px for the Windows .ico)', () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(6);
  });

  it('decodes, and is not blank', () => {
    // collect IDAT chunks and inflate: 512 rows of 1 filter byte + 512 × 4 bytes
    const parts: Buffer[] = [];
    for (let off = 8; off < png.length; ) {
      const len = png.readUInt32BE(off);
      if (png.subarray(off + 4, off + 8).toString('ascii') === 'IDAT') parts.push(png.subarray(off + 8, off + 8 + len));
      off += 12 + len;
    }
    const pixels = inflateSync(Buffer.concat(parts));
    expect(pixels.length).toBe(512 * (512 * 4 + 1));
    const centre = 256 * (512 * 4 + 1) + 1 + 256 * 4;
    expect(pixels[centre + 3]).toBe(255); // opaque in the middle
    expect(pixels[1 + 3]).toBe(0); // transparent rounded corner (alpha of pixel 0,0)
  });

  it('has an SVG twin', () => {
    const svg = readFileSync(join(root, 'resources', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 512 512"/);
    expect(svg).toContain('<title>E-Retribusi Loket</title>');
  });
});
