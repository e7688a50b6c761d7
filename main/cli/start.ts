// `npm start`: the Electron app where its binary is installed (trying its installer once where
// it is not); otherwise the same renderer and services in the browser host on 127.0.0.1.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, resolveConfig } from '../config';
import { BackendStartError, startBackend } from '../backend/client';
import { startHost } from '../host/server';
import { startCentral } from '../central/server';
import { tryLaunchElectron } from './electron-launch';

const root = resolve(__dirname, '../../..');

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const config = resolveConfig({ argv, env: process.env, platform: process.platform, home: homedir(), defaultProfile: 'demo' });
  const log = (line: string) => console.log(line);

  if (!config.hostOnly) {
    const electron = await tryLaunchElectron({ root, args: argv, allowInstall: !config.noElectronInstall, log });
    if (electron.launched) return electron.exitCode;
    // the launcher has said in one line why Electron is not there; no need to say it twice
    void electron.reason;
  }

  log(`Data: ${config.dataDir} (profil ${config.profile}, terminal ${config.terminalCode})`);
  // the demo brings its own central API so sync, gateway payments and QRIS work out of the box;
  // a configured central URL turns that off
  let central: { close(): Promise<void> } | null = null;
  if (config.profile === 'demo' && !config.centralUrl) {
    const sim = await startCentral({
      port: 4781,
      dataDir: join(config.dataDir, 'central-sim'),
      enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 100, validDays: 3650 }],
    }).catch(() => startCentral({ port: 0, dataDir: join(config.dataDir, 'central-sim'), enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 100, validDays: 3650 }] }));
    central = sim;
    config.centralUrl = sim.url;
    config.enrolmentCode = config.enrolmentCode ?? 'DEMO-2026';
    log(`Server pusat simulasi: ${sim.url} (operator: ${sim.url}/operator, kunci admin ${sim.adminKey})`);
  }
  const backend = await startBackend(config, { workerPath: join(__dirname, '..', 'backend', 'worker.js'), log });
  const report = backend.report as { isNew?: boolean; replayedRecords?: number; discardedTail?: unknown; skippedSnapshots?: unknown[] };
  if (report.isNew) log('Basis data baru dibuat.');
  else log(`Basis data dibuka; ${report.replayedRecords ?? 0} catatan jurnal diputar ulang.`);
  if (report.discardedTail) log(`PERINGATAN: ekor jurnal yang tidak lengkap dibuang: ${JSON.stringify(report.discardedTail)}`);
  if (report.skippedSnapshots?.length) log(`PERINGATAN: snapshot rusak dilewati: ${JSON.stringify(report.skippedSnapshots)}`);
  if (backend.seeded && config.profile === 'demo') log('Kantor demo dibuat. Login demo: lihat README (mis. loket1 / Retribusi2026).');

  const host = await startHost({ backend, rendererDir: join(root, 'dist', 'renderer'), port: config.port, log });
  log(`Host peramban siap: ${host.url}`);
  log('Tekan Ctrl-C untuk berhenti.');

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: menyimpan data dan berhenti…`);
      host
        .close()
        .catch(() => {})
        .then(() => backend.close())
        .then(() => central?.close())
        .then(() => resolveExit(0));
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof BackendStartError) {
      console.error(`Gagal memulai: ${err.message}`);
    } else {
      console.error(err);
    }
    process.exit(1);
  },
);
