// Test helpers for the central simulator: start it in a temp folder with a controllable clock
// (responses checked against the document), enrol terminals with real Ed25519 keys, call it over
// real HTTP on 127.0.0.1, and build push records shaped like the terminal's rows.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { makeIdpel } from '../../../shared/idpel';
import { signerFromKeys, verificationString, type Signer } from '../../../main/counter/signing';
import { startCentral, type CentralOptions, type RunningCentral } from '../../../main/central/server';
import type { BillData, EnrolmentResponse, PaymentData, PushRecord, PushResponse } from '../../../shared/central-api/types';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(iso: string): TestClock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface Sim {
  central: RunningCentral;
  clock: TestClock;
  dir: string;
  dispose(): Promise<void>;
}

/** 14 March 2026, 10.00 WIB */
export const T0 = '2026-03-14T03:00:00.000Z';

export async function startSim(opts: Partial<CentralOptions> & { at?: string; dir?: string } = {}): Promise<Sim> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'central-'));
  const clock = testClock(opts.at ?? T0);
  const central = await startCentral({
    port: 0,
    dataDir: dir,
    now: clock.now,
    checkResponses: true,
    enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 100, validDays: 3650 }],
    ...opts,
  });
  return {
    central,
    clock,
    dir,
    dispose: async () => {
      await central.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpResult<T = unknown> {
  status: number;
  json: T;
  text: string;
  headers: Headers;
}

export interface CallOpts {
  method?: string;
  body?: unknown;
  token?: string;
  gatewayKey?: string;
  adminKey?: string;
  rawBody?: string;
  contentType?: string;
  signal?: AbortSignal;
}

export async function http<T = unknown>(base: string, path: string, opts: CallOpts = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.gatewayKey) headers['x-gateway-key'] = opts.gatewayKey;
  if (opts.adminKey) headers['x-admin-key'] = opts.adminKey;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const init: RequestInit = { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers };
  if (body !== undefined) init.body = body;
  if (opts.signal) init.signal = opts.signal;
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  let json: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) json = JSON.parse(text);
  return { status: res.status, json: json as T, text, headers: res.headers };
}

export interface TestTerminal {
  signer: Signer;
  officeCode: string;
  terminalCode: string;
  token: string;
  terminalId: string;
  push(records: PushRecord[]): Promise<PushResponse>;
  get<T = unknown>(path: string): Promise<HttpResult<T>>;
  post<T = unknown>(path: string, body: unknown): Promise<HttpResult<T>>;
}

export function newSigner(): Signer {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return signerFromKeys(privateKey, publicKey);
}

export async function enrolTerminal(central: RunningCentral, officeCode = 'UPTD-RUSUN', terminalCode = 'LKT01', signer = newSigner()): Promise<TestTerminal> {
  const res = await http<EnrolmentResponse>(central.url, '/v1/enrolments', {
    body: { enrolmentCode: 'DEMO-2026', officeCode, terminalCode, publicKeyPem: signer.publicKeyPem, keyId: signer.keyId },
  });
  if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${res.text}`);
  const token = res.json.token;
  return {
    signer,
    officeCode,
    terminalCode,
    token,
    terminalId: res.json.terminalId,
    push: async (records) => {
      const r = await http<PushResponse>(central.url, '/v1/push', { body: { records }, token });
      if (r.status !== 200) throw new Error(`push failed: ${r.status} ${r.text}`);
      return r.json;
    },
    get: (path) => http(central.url, path, { token }),
    post: (path, body) => http(central.url, path, { token, body }),
  };
}

export const KODE_RUSUN = '0320910002';
export const LEVY_RUSUN = '0190a000-0000-7000-8000-000000000001';

export function idpel(serial: number, kode = KODE_RUSUN): string {
  return makeIdpel(kode, serial);
}

/** a bill record like a rusunawa bill run makes: rent + water lines */
export function billRecord(opts: { idpel: string; period: string; dueDate: string; rent?: number; water?: number; payerName?: string; objectId?: string; id?: string }): Extract<PushRecord, { kind: 'bill' }> {
  const id = opts.id ?? uuidv7();
  const rent = opts.rent ?? 300_000;
  const water = opts.water ?? 50_000;
  const data: BillData = {
    skrdNo: `SKRD/LKT01/${opts.period.slice(0, 4)}/${id.slice(-6)}`,
    levyId: LEVY_RUSUN,
    payerId: `payer-${opts.idpel}`,
    payerName: opts.payerName ?? 'Siti Rahayu',
    idpel: opts.idpel,
    objectType: 'rusun_contract',
    objectId: opts.objectId ?? `contract-${opts.idpel}`,
    period: opts.period,
    issueDate: `${opts.period}-01`,
    dueDate: opts.dueDate,
    principal: rent + water,
    runId: null,
    createdAt: '2026-01-01T01:00:00.000Z',
    createdBy: 'user-admin',
    lines: [
      { id: uuidv7(), lineNo: 1, kind: 'sewa', description: `Sewa unit A-101 ${opts.period}`, tariffId: 'tarif-sewa', quantity: 1, unitPrice: rent, amount: rent },
      { id: uuidv7(), lineNo: 2, kind: 'air', description: `Air ${opts.period}`, tariffId: 'tarif-air', quantity: 1, unitPrice: water, amount: water },
    ],
  };
  return { kind: 'bill', id, data };
}

/** a cash payment record of some bills, signed like the counter signs receipts */
export function cashPayment(
  t: { signer: Signer; terminalCode: string },
  opts: { idpel: string; items: { billId: string; principal: number; fine?: number; fineMonths?: number }[]; paidAt: string; receiptNo: string; id?: string },
): Extract<PushRecord, { kind: 'payment' }> {
  const items = opts.items.map((i) => ({ id: uuidv7(), billId: i.billId, principal: i.principal, fine: i.fine ?? 0, fineMonths: i.fineMonths ?? 0, amount: i.principal + (i.fine ?? 0) }));
  const total = items.reduce((s, i) => s + i.amount, 0);
  const tendered = Math.ceil(total / 50_000) * 50_000;
  const data: PaymentData = {
    receiptNo: opts.receiptNo,
    terminalCode: t.terminalCode,
    businessDate: opts.paidAt.slice(0, 10),
    paidAt: opts.paidAt,
    channel: 'tunai',
    payerId: `payer-${opts.idpel}`,
    idpel: opts.idpel,
    total,
    tendered,
    changeGiven: tendered - total,
    clerkId: 'user-loket1',
    shiftId: 'shift-1',
    ntb: null,
    createdAt: opts.paidAt,
    verification: verificationString(t.signer, { r: opts.receiptNo, t: t.terminalCode, d: opts.paidAt, a: total, i: opts.idpel }),
    items,
  };
  return { kind: 'payment', id: opts.id ?? uuidv7(), data };
}

export function levyRecord(rateBp = 100): { entity: string; id: string; data: Record<string, unknown> } {
  return {
    entity: 'levy',
    id: LEVY_RUSUN,
    data: { kode: KODE_RUSUN, name: 'Retribusi Rusunawa', kind: 'rusunawa', interestRateBp: rateBp, interestCapMonths: 24, interestRounding: 'floor' },
  };
}
