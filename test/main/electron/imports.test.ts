// The boundary of ARCHITECTURE.md, enforced: only main/electron/ may import electron, nothing
// outside it may pull main/electron/ in (that would import electron indirectly), and inside
// it only index.ts and preload.ts load electron at run time — the other modules are the pure
// parts that these tests load in plain Node. Imports are read by esbuild (the project's own
// bundler), so `import type` (erased) is told apart from real imports; a text scan adds
// type-only electron imports outside the shell, which are refused too.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '../../..');
const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const ELECTRON_MODULES = /^electron(?:\/.*)?$|^electron-updater(?:\/.*)?$/;
const BUILTINS = new Set(builtinModules);
/** the shell's modules that run inside Electron only; every other shell module must load in plain Node */
const ELECTRON_ONLY = new Set(['main/electron/index.ts', 'main/electron/preload.ts']);
/** packages the shell may use besides electron and node builtins */
const SHELL_DEPS = new Set(['electron', 'electron-updater', 'zod']);

interface ImportRecord {
  /** repo-relative importer, with forward slashes */
  file: string;
  spec: string;
  kind: string;
  /** repo-relative target for relative imports, null for packages */
  target: string | null;
}

function listSources(root: string, dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out.sort();
}

const toRel = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/** Every import esbuild sees in the files: static, re-export, require(), import(). Nothing is bundled. */
async function collectImports(root: string, files: string[]): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  const recorder: Plugin = {
    name: 'record-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const isRelative = args.path.startsWith('.') || args.path.startsWith('/');
        records.push({
          file: toRel(root, args.importer),
          spec: args.path,
          kind: args.kind,
          target: isRelative ? toRel(root, resolve(args.resolveDir, args.path)) : null,
        });
        return { path: args.path, external: true };
      });
    },
  };
  await build({
    absWorkingDir: root,
    entryPoints: files,
    bundle: true,
    write: false,
    outdir: join(root, '.imports-scan-out'),
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [recorder],
    jsx: 'automatic',
  });
  return records;
}

/** Type-only mentions of electron, which esbuild erases: `import type … from 'electron'`, `import('electron').X`. */
function textualElectronImports(root: string, files: string[]): { file: string; line: string }[] {
  const hits: { file: string; line: string }[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](electron(?:-updater)?(?:\/[^'"]*)?)['"]/;
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const line of text.split('\n')) {
      const code = line.replace(/\/\/.*$/, '');
      if (pattern.test(code)) hits.push({ file: toRel(root, file), line: line.trim() });
    }
  }
  return hits;
}

function isInShell(path: string): boolean {
  return path.startsWith('main/electron/');
}

function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0] ?? '');
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** The rules; returns one readable line per violation. */
function boundaryViolations(records: ImportRecord[], textual: { file: string; line: string }[]): string[] {
  const problems: string[] = [];
  for (const r of records) {
    const where = `${r.file}: ${r.kind} "${r.spec}"`;
    if (!isInShell(r.file)) {
      if (ELECTRON_MODULES.test(r.spec)) problems.push(`${where} — only main/electron/ may import electron`);
      if (r.target !== null && isInShell(r.target)) problems.push(`${where} — imports the Electron shell (electron, indirectly)`);
      continue;
    }
    if (r.target !== null) {
      if (!r.target.startsWith('main/') && !r.target.startsWith('shared/')) problems.push(`${where} — the shell may import only main/ and shared/`);
      if (r.file === 'main/electron/preload.ts' && !r.target.startsWith('shared/')) problems.push(`${where} — the sandboxed preload may bundle only shared/`);
      continue;
    }
    if (isBuiltin(r.spec)) {
      if (r.file === 'main/electron/preload.ts') problems.push(`${where} — a sandboxed preload has no Node modules`);
      continue;
    }
    const pkg = packageName(r.spec);
    if (!SHELL_DEPS.has(pkg)) problems.push(`${where} — not an allowed dependency of the shell`);
    if (ELECTRON_MODULES.test(r.spec) && !ELECTRON_ONLY.has(r.file)) problems.push(`${where} — a pure shell module must load without electron (use import type)`);
    if (r.file === 'main/electron/preload.ts' && pkg !== 'electron') problems.push(`${where} — the preload may require only electron`);
  }
  for (const t of textual) {
    if (!isInShell(t.file)) problems.push(`${t.file}: "${t.line}" — only main/electron/ may mention electron modules, even as types`);
  }
  return problems;
}

describe('the electron boundary', () => {
  it('holds for main/, shared/ and renderer/', async () => {
    const files = listSources(repoRoot, ['main', 'shared', 'renderer']);
    expect(files.length).toBeGreaterThan(10);
    const records = await collectImports(repoRoot, files);
    const problems = boundaryViolations(records, textualElectronImports(repoRoot, files));
    expect(problems).toEqual([]);
    // and the scan did see the shell's own electron imports
    expect(records.some((r) => r.file === 'main/electron/index.ts' && r.spec === 'electron')).toBe(true);
    expect(records.some((r) => r.file === 'main/electron/preload.ts' && r.spec === 'electron')).toBe(true);
    expect(records.some((r) => r.file.startsWith('renderer/'))).toBe(true);
  }, 60_000);

  it('catches each kind of violation (the scanner works)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-imports-'));
    try {
      const put = (rel: string, text: string): void => {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), text);
      };
      put('main/electron/security.ts', "import { app } from 'electron';\nexport const x = app;\n");
      put('main/electron/index.ts', "import { app } from 'electron';\nimport axios from 'axios';\nimport '../../renderer/x';\nexport const y = [app, axios];\n");
      put('main/electron/preload.ts', "import { contextBridge } from 'electron';\nimport { readFileSync } from 'node:fs';\nimport { a } from '../config';\nexport const z = [contextBridge, readFileSync, a];\n");
      put('main/config.ts', 'export const a = 1;\n');
      put('renderer/x.ts', 'export {};\n');
      put('main/billing/app.ts', "const e = require('electron');\nexport const b = e;\n");
      put('main/sync/app.ts', "export { x } from '../electron/security';\n");
      put('main/reports/app.ts', "export async function f() { return import('electron-updater'); }\n");
      put('shared/types.ts', "import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n");
      put('renderer/y.ts', "export type P = import('electron').WebPreferences;\n");
      const files = listSources(dir, ['main', 'shared', 'renderer']);
      const problems = boundaryViolations(await collectImports(dir, files), textualElectronImports(dir, files));
      const expected = [
        'main/electron/security.ts: import-statement "electron" — a pure shell module',
        'main/electron/index.ts: import-statement "axios" — not an allowed dependency',
        'main/electron/index.ts: import-statement "../../renderer/x" — the shell may import only main/ and shared/',
        'main/electron/preload.ts: import-statement "node:fs" — a sandboxed preload has no Node modules',
        'main/electron/preload.ts: import-statement "../config" — the sandboxed preload may bundle only shared/',
        'main/billing/app.ts: require-call "electron" — only main/electron/ may import electron',
        'main/sync/app.ts: import-statement "../electron/security" — imports the Electron shell',
        'main/reports/app.ts: dynamic-import "electron-updater" — only main/electron/',
        'shared/types.ts: "import type { BrowserWindow } from \'electron\';" — only main/electron/ may mention',
        'renderer/y.ts: "export type P = import(\'electron\').WebPreferences;" — only main/electron/ may mention',
      ];
      for (const start of expected) expect(problems.some((p) => p.startsWith(start)), start).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
