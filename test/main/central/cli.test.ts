// The CLI: start the simulator as its own process (port 0, demo enrolment code, faults from
// flags), act as the bank with the subcommands (they find the server through central.json),
// write the settlement file, stop cleanly on SIGINT. Also the migration of its own database.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store';
import { centralMigrations } from '../../../main/central/migrations';
import type { FaultState, GatewayInquiryResponse, GatewayPaymentResponse, Health } from '../../../shared/central-api/types';
import { billRecord, enrolTerminal, http, idpel } from './helpers';
import type { RunningCentral } from '../../../main/central/server';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const cli = join(root, 'main/central/cli.ts');

function tsxArgs(...args: string[]): string[] {
  return ['--import', 'tsx', cli, ...args];
}

let dir: string;
let server: ChildProcess;
let url = '';
let output = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'central-cli-'));
  server = spawn(process.execPath, tsxArgs('--port', '0', '--data-dir', dir, '--demo', '--latency', '1', '--clock-skew', '5'), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /siap: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
});

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

async function bank(...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const r = await run(process.execPath, tsxArgs('--data-dir', dir, ...args), { cwd: root });
    return { stdout: r.stdout, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}

describe('npm run central (CLI)', () => {
  it('starts on 127.0.0.1 with the demo code and the faults of its flags, and prints its keys', async () => {
    expect(output).toContain('kode pendaftaran    : DEMO-2026');
    expect(output).toMatch(/X-Admin-Key: adm_/);
    const info = JSON.parse(readFileSync(join(dir, 'central.json'), 'utf8')) as { url: string; adminKey: string };
    expect(info.url).toBe(url);
    const health = await http<Health>(url, '/v1/health');
    expect(Math.abs(new Date(health.json.serverTime).getTime() - (Date.now() + 5 * 60_000))).toBeLessThan(30_000);
    const faults = await http<FaultState>(url, '/admin/faults', { adminKey: info.adminKey });
    expect(faults.json.config).toEqual({ latencyMs: 1, clockSkewMinutes: 5 });
  });

  it('acts as the bank: inquiry, pay, reverse, settlement to a file', { timeout: 120_000 }, async () => {
    const central = { url } as RunningCentral;
    const t = await enrolTerminal(central, 'UPTD-RUSUN', 'LKT01');
    const id = idpel(801);
    await t.push([billRecord({ idpel: id, period: '2026-01', dueDate: '2026-01-10' })]);

    const inq = await bank('bank', 'inquiry', id);
    expect(inq.code).toBe(0);
    const due = JSON.parse(inq.stdout) as GatewayInquiryResponse;
    expect(due.code).toBe('00');

    const wrong = await bank('bank', 'pay', id, '--amount', '1');
    expect(wrong.code).toBe(1);
    expect((JSON.parse(wrong.stdout) as GatewayPaymentResponse).code).toBe('14');

    const paid = await bank('bank', 'pay', id, '--ntb', 'CLI-NTB-1');
    const p = JSON.parse(paid.stdout) as GatewayPaymentResponse;
    expect(p).toMatchObject({ code: '00', ntb: 'CLI-NTB-1', amount: due.total });
    expect(((JSON.parse((await bank('bank', 'inquiry', id)).stdout)) as GatewayInquiryResponse).code).toBe('13');

    const file = join(dir, 'settlement.csv');
    const day = p.businessDate as string;
    const s = await bank('bank', 'settlement', day, '--out', file);
    expect(s.code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^tanggal_buku,/);
    expect(csv).toContain('CLI-NTB-1');
    const stdoutCsv = await bank('bank', 'settlement', day);
    expect(stdoutCsv.stdout).toBe(csv);

    const rev = await bank('bank', 'reverse', 'CLI-NTB-1', '--reason', 'uji');
    expect(JSON.parse(rev.stdout)).toMatchObject({ code: '00' });
    const code = await bank('enrol-code', '--office', 'UPTD-LAB', '--max-uses', '2');
    expect(JSON.parse(code.stdout)).toMatchObject({ officeCode: 'UPTD-LAB', maxUses: 2, uses: 0 });
    const unknown = await bank('bank', 'teleport');
    expect(unknown.code).toBe(2);
  });

  it('stops cleanly on SIGINT and removes central.json', async () => {
    const exited = new Promise<number | null>((r) => server.once('exit', (c) => r(c)));
    server.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'central.json'))).toBe(false);
  });
});

describe('central migrations', () => {
  it('migration 1 creates the schema once, and its financial tables refuse UPDATE and DELETE', async () => {
    const mdir = mkdtempSync(join(tmpdir(), 'central-mig-'));
    try {
      const store = await openStore({ dir: mdir, migrations: centralMigrations });
      expect(store.schemaVersion).toBe(1);
      expect(store.report.migrationsApplied).toEqual([1]);
      const tables = store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);
      for (const t of ['terminals', 'terminal_tokens', 'master_records', 'records', 'bills', 'payments', 'gateway_payments', 'gateway_events', 'qris', 'overpayments']) expect(tables).toContain(t);
      store.write((tx) =>
        tx.run(
          "INSERT INTO gateway_payments (id, ntb, ntpd, channel, idpel, payer_name, office_code, principal, fine, amount, paid_at, business_date) VALUES ('g1','N1','P1','bank','1','x','o',1,0,1,'2026-01-01T00:00:00.000Z','2026-01-01')",
        ),
      );
      expect(() => store.write((tx) => tx.run("UPDATE gateway_payments SET amount = 2 WHERE id = 'g1'"))).toThrow(/tidak boleh diubah/);
      expect(() => store.write((tx) => tx.run("DELETE FROM gateway_payments WHERE id = 'g1'"))).toThrow(/tidak boleh dihapus/);
      store.close();
      const again = await openStore({ dir: mdir, migrations: centralMigrations });
      expect(again.report.migrationsApplied).toEqual([]);
      expect(again.get<{ amount: number }>("SELECT amount FROM gateway_payments WHERE id = 'g1'")?.amount).toBe(1);
      again.close();
    } finally {
      rmSync(mdir, { recursive: true, force: true });
    }
  });
});
