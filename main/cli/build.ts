// Builds everything `npm start` and the end-to-end tests run: the renderer (Vite) and the
// Node/Electron bundles (esbuild). Dependencies stay external: they are resolved from
// node_modules at run time (electron-builder packs the production ones).
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const out = resolve(root, 'dist/main');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
} as const;

async function main(): Promise<void> {
  const started = Date.now();
  await Promise.all([
    esbuild({ ...common, entryPoints: { 'cli/start': resolve(root, 'main/cli/start.ts') }, outdir: out }),
    esbuild({ ...common, entryPoints: { 'backend/worker': resolve(root, 'main/backend/worker.ts') }, outdir: out }),
    esbuild({
      ...common,
      entryPoints: { 'electron/index': resolve(root, 'main/electron/index.ts') },
      outdir: out,
      external: ['electron'],
    }),
    // A sandboxed preload may only require('electron'): bundle everything else into it.
    esbuild({
      ...common,
      packages: undefined,
      entryPoints: { 'electron/preload': resolve(root, 'main/electron/preload.ts') },
      outdir: out,
      external: ['electron'],
    }),
  ]);
  // Vite runs as its own (ESM) process: loaded from this CommonJS script it resolves its own
  // client modules under the wrong conditions.
  execFileSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', resolve(root, 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  // the central API document travels with the bundles that read it (the demo simulator)
  mkdirSync(resolve(root, 'dist/shared/central-api'), { recursive: true });
  copyFileSync(resolve(root, 'shared/central-api/openapi.yaml'), resolve(root, 'dist/shared/central-api/openapi.yaml'));
  console.log(`build selesai dalam ${Date.now() - started} ms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
