// In Electron the central credential is held by the shell (safeStorage), not in the data folder:
// the backend reads it from and writes it to the secrets it was given.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../main/config';
import { openBackend } from '../../../main/backend/inprocess';
import { relayedSecrets } from '../../../main/backend/secrets';
import { credentialPath } from '../../../main/sync/engine';
import { startCentral } from '../../../main/central/server';

const dirs: string[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('secrets held by the shell', () => {
  it('the credential goes to the given secrets, never to a file in the data folder, and is read back on the next start', async () => {
    const central = await startCentral({ port: 0, dataDir: tmp('central-sec-'), enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 5, validDays: 3650 }] });
    const dataDir = tmp('loket-sec-');
    const config = resolveConfig({ argv: ['--data-dir', dataDir], env: {}, platform: process.platform, home: tmpdir(), defaultProfile: 'demo' });
    const kept: Record<string, string> = {};
    const secrets = relayedSecrets({}, (name, value) => {
      kept[name] = value;
    });
    const first = await openBackend(config, { log: () => {}, secrets });
    const login = await first.call({ op: 'auth.login', input: { username: 'admin', password: 'Retribusi2026' }, session: null }, 'test');
    if (!login.ok) throw new Error('login');
    const token = (login.value as { token: string }).token;
    const enrolled = await first.call({ op: 'sync.enrol', input: { centralUrl: central.url, enrolmentCode: 'DEMO-2026', officeCode: 'UPTD-SUKAMAKMUR' }, session: token }, 'test');
    expect(enrolled.ok).toBe(true);
    expect(JSON.parse(kept.central ?? '{}')).toMatchObject({ centralUrl: central.url });
    expect(existsSync(credentialPath(dataDir))).toBe(false);
    await first.close();

    const second = await openBackend(config, { log: () => {}, secrets: relayedSecrets({ central: kept.central ?? null }, () => {}) });
    expect(second.services.sync.isEnrolled()).toBe(true);
    await second.close();
    await central.close();
  }, 60_000);
});
