// `npm run central -- …`: start the central API simulator, or act on a running one as the
// operator (the bank). Client subcommands find the server through --url / CENTRAL_URL and
// --admin-key / CENTRAL_ADMIN_KEY, or through <data-dir>/central.json that the server writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FaultConfig } from '../../shared/central-api/types';
import { startCentral } from './server';

const USAGE = `Simulator API pusat E-Retribusi

  npm run central -- [--port 4781] [--data-dir DIR] [--demo] [--enrol-code KODE]
                     [--admin-key K] [--gateway-key K] [--qris-ttl MENIT]
                     [--latency MS] [--jitter MS] [--error-rate F] [--timeout-rate F]
                     [--drop-rate F] [--duplicate-rate F] [--reorder] [--clock-skew MENIT]
                     [--fault-seed N] [--fault-paths /v1/,/gateway/]
      menjalankan server di 127.0.0.1 (--demo = kode pendaftaran DEMO-2026)

  npm run central -- enrol-code [--office KODE] [--max-uses N] [--valid-days N] [--code KODE]
  npm run central -- terminals
  npm run central -- bank inquiry <IDPEL>
  npm run central -- bank pay <IDPEL> [--amount N] [--ntb NTB]
  npm run central -- bank qris-pay <ID_QRIS> [--amount N] [--ntb NTB]
  npm run central -- bank reverse <NTB> [--reason TEKS]
  npm run central -- bank settlement <TTTT-BB-HH> [--out BERKAS]   (tanpa --out: ke stdout)
  npm run central -- faults [--latency …]      (tanpa opsi: tampilkan; dengan opsi: ganti)
  npm run --silent central -- bank settlement 2026-03-14 > settlement.csv

  Perintah klien memakai --url/CENTRAL_URL dan --admin-key/CENTRAL_ADMIN_KEY,
  atau <data-dir>/central.json yang ditulis server yang sedang berjalan.
  Data default: ~/.e-retribusi-central (CENTRAL_DATA_DIR).`;

const options = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  'enrol-code': { type: 'string', multiple: true },
  'admin-key': { type: 'string' },
  'gateway-key': { type: 'string' },
  'qris-ttl': { type: 'string' },
  latency: { type: 'string' },
  jitter: { type: 'string' },
  'error-rate': { type: 'string' },
  'timeout-rate': { type: 'string' },
  'drop-rate': { type: 'string' },
  'duplicate-rate': { type: 'string' },
  reorder: { type: 'boolean' },
  'clock-skew': { type: 'string' },
  'fault-seed': { type: 'string' },
  'fault-paths': { type: 'string' },
  url: { type: 'string' },
  office: { type: 'string' },
  'max-uses': { type: 'string' },
  'valid-days': { type: 'string' },
  code: { type: 'string' },
  amount: { type: 'string' },
  ntb: { type: 'string' },
  reason: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

class UsageError extends Error {}

function int(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${what} harus bilangan bulat: ${value}`);
  return Number(value);
}

function fraction(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${what} harus antara 0 dan 1: ${value}`);
  return n;
}

function faultConfig(v: Values): FaultConfig {
  const c: FaultConfig = {};
  const set = <K extends keyof FaultConfig>(k: K, value: FaultConfig[K] | undefined) => {
    if (value !== undefined) c[k] = value;
  };
  set('latencyMs', int(v.latency, '--latency'));
  set('jitterMs', int(v.jitter, '--jitter'));
  set('errorRate', fraction(v['error-rate'], '--error-rate'));
  set('timeoutRate', fraction(v['timeout-rate'], '--timeout-rate'));
  set('dropRate', fraction(v['drop-rate'], '--drop-rate'));
  set('duplicateRate', fraction(v['duplicate-rate'], '--duplicate-rate'));
  if (v.reorder) c.reorder = true;
  set('clockSkewMinutes', int(v['clock-skew'], '--clock-skew'));
  set('seed', int(v['fault-seed'], '--fault-seed'));
  if (v['fault-paths']) c.paths = v['fault-paths'].split(',').filter(Boolean);
  return c;
}

function dataDirOf(v: Values): string {
  return resolve(v['data-dir'] ?? process.env.CENTRAL_DATA_DIR ?? join(homedir(), '.e-retribusi-central'));
}

async function serve(v: Values): Promise<void> {
  const dataDir = dataDirOf(v);
  const codes = [...(v['enrol-code'] ?? []), ...(v.demo ? ['DEMO-2026'] : [])];
  const central = await startCentral({
    port: int(v.port, '--port') ?? 4781,
    dataDir,
    faults: faultConfig(v),
    adminKey: v['admin-key'] ?? process.env.CENTRAL_ADMIN_KEY,
    gatewayKey: v['gateway-key'] ?? process.env.CENTRAL_GATEWAY_KEY,
    enrolmentCodes: codes.map((code) => ({ code, maxUses: 1000, validDays: 3650 })),
    qrisTtlMinutes: int(v['qris-ttl'], '--qris-ttl'),
    log: (line) => console.error(line),
  });
  const lines = [
    `API pusat (simulator) siap: ${central.url}`,
    `  data                : ${dataDir}`,
    `  kunci admin         : X-Admin-Key: ${central.adminKey}`,
    `  kunci gerbang (bank): X-Gateway-Key: ${central.gatewayKey}`,
    ...codes.map((c) => `  kode pendaftaran    : ${c}`),
    `  halaman operator    : ${central.url}/operator`,
    `  waktu server        : ${central.now().toISOString()}`,
  ];
  const f = central.getFaults().config;
  if (Object.keys(f).length > 0) lines.push(`  gangguan            : ${JSON.stringify(f)}`);
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void central.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

interface Target {
  url: string;
  adminKey: string;
}

function target(v: Values): Target {
  let url = v.url ?? process.env.CENTRAL_URL;
  let adminKey = v['admin-key'] ?? process.env.CENTRAL_ADMIN_KEY;
  const info = join(dataDirOf(v), 'central.json');
  if ((!url || !adminKey) && existsSync(info)) {
    const saved = JSON.parse(readFileSync(info, 'utf8')) as { url: string; adminKey: string };
    url ??= saved.url;
    adminKey ??= saved.adminKey;
  }
  if (!url || !adminKey) throw new UsageError(`Server tidak ditemukan: jalankan "npm run central" dulu, atau beri --url dan --admin-key (dicari di ${info}).`);
  return { url, adminKey };
}

async function call(t: Target, method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: unknown }> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { 'x-admin-key': t.adminKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text);
  return { status: res.status, text, json };
}

function print(r: { status: number; json: unknown; text: string }): void {
  console.log(r.json === null ? r.text : JSON.stringify(r.json, null, 2));
  const code = (r.json as { code?: string } | null)?.code;
  if (r.status >= 400 || (code !== undefined && code !== '00')) process.exitCode = 1;
}

function one(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`${what} belum diberikan.\n\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const { values: v, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
  if (v.help) {
    console.log(USAGE);
    return;
  }
  const [cmd, sub] = positionals;
  if (!cmd || cmd === 'serve') return serve(v);
  if (cmd === 'enrol-code') {
    const body: Record<string, unknown> = {};
    if (v.code) body.code = v.code;
    if (v.office) body.officeCode = v.office;
    if (v['max-uses']) body.maxUses = int(v['max-uses'], '--max-uses');
    if (v['valid-days']) body.validDays = int(v['valid-days'], '--valid-days');
    return print(await call(target(v), 'POST', '/admin/enrolment-codes', body));
  }
  if (cmd === 'terminals') return print(await call(target(v), 'GET', '/admin/terminals'));
  if (cmd === 'faults') {
    const config = faultConfig(v);
    const t = target(v);
    return print(Object.keys(config).length === 0 ? await call(t, 'GET', '/admin/faults') : await call(t, 'PUT', '/admin/faults', config));
  }
  if (cmd === 'bank') {
    const t = target(v);
    const amount = int(v.amount, '--amount');
    switch (sub) {
      case 'inquiry':
        return print(await call(t, 'POST', '/admin/bank/inquiry', { idpel: one(positionals, 2, 'IDPEL') }));
      case 'pay':
        return print(await call(t, 'POST', '/admin/bank/pay', { idpel: one(positionals, 2, 'IDPEL'), amount, ntb: v.ntb }));
      case 'qris-pay':
        return print(await call(t, 'POST', '/admin/bank/qris-pay', { qrisId: one(positionals, 2, 'ID QRIS'), amount, ntb: v.ntb }));
      case 'reverse':
        return print(await call(t, 'POST', '/admin/bank/reverse', { ntb: one(positionals, 2, 'NTB'), reason: v.reason }));
      case 'settlement': {
        const date = one(positionals, 2, 'Tanggal buku');
        const r = await call(t, 'GET', `/admin/bank/settlement?date=${encodeURIComponent(date)}`);
        if (r.status !== 200) return print(r);
        if (v.out) {
          writeFileSync(v.out, r.text);
          console.error(`Settlement ${date} ditulis ke ${v.out}`);
        } else {
          process.stdout.write(r.text);
        }
        return;
      }
      default:
        throw new UsageError(`Perintah bank tidak dikenal: ${sub ?? ''}\n\n${USAGE}`);
    }
  }
  throw new UsageError(`Perintah tidak dikenal: ${cmd}\n\n${USAGE}`);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
