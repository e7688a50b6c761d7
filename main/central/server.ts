// The central e-retribusi API simulator: a real HTTP server on 127.0.0.1 with its own durable
// store, implementing shared/central-api/openapi.yaml. Routes come from the document (each
// operationId has exactly one handler here), every request is validated against the document's
// schemas, and faults can be injected on the terminal side (see faults.ts).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { businessDate } from '../../shared/time';
import { CENTRAL } from '../../shared/central-api/types';
import type {
  EnrolmentCode,
  EnrolmentRequest,
  FaultConfig,
  FaultState,
  GatewayInquiryResponse,
  GatewayPaymentResponse,
  GatewayReversalResponse,
  MasterUpsert,
  MasterUpsertResult,
  Overpayment,
} from '../../shared/central-api/types';
import { openStore } from '../store';
import type { ReadApi, Store } from '../store/types';
import { buildDocument, summarise, validationDetails, type CentralDocument, type Detail, type Operation } from './document';
import { Faults, makeClock, type Clock, type FaultDecision } from './faults';
import { createQris, inquiry, payByIdpel, payQris, qrisById, reverse, type QrisSettings } from './ledger';
import { centralMigrations } from './migrations';
import { operatorPage } from './operator-page';
import { parseKinds, pullGateway, pullMaster, pullOffice } from './pull';
import { pushBatch, upsertMaster } from './push';
import { settlementCsv } from './settlement';
import { enrol, listTerminals, mintCode, terminalByToken, verifyReceipt, type Terminal } from './terminals';
import { CentralError, getMeta, setMeta } from './util';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface CentralOptions {
  /** 0 = any free port */
  port: number;
  dataDir: string;
  faults?: FaultConfig;
  /** the base clock (default: the system clock); the skew fault is added on top */
  now?: () => Date;
  /** fixed keys (default: generated once and kept in the simulator's database) */
  adminKey?: string;
  gatewayKey?: string;
  /** enrolment codes to create when missing, e.g. DEMO-2026 */
  enrolmentCodes?: { code: string; officeCode?: string; maxUses?: number; validDays?: number }[];
  qrisTtlMinutes?: number;
  /** validate every response against the document too (tests); a mismatch becomes a 500 */
  checkResponses?: boolean;
  newId?: () => string;
  log?: (line: string) => void;
}

export interface RunningCentral {
  url: string;
  port: number;
  dataDir: string;
  adminKey: string;
  gatewayKey: string;
  /** the server's clock, skew included */
  now(): Date;
  getFaults(): FaultState;
  setFaults(config: FaultConfig): FaultState;
  mintEnrolmentCode(opts?: { code?: string; officeCode?: string; maxUses?: number; validDays?: number }): EnrolmentCode;
  upsertMaster(records: MasterUpsert[]): MasterUpsertResult[];
  bank: {
    inquiry(idpel: string): GatewayInquiryResponse;
    pay(req: { idpel: string; amount?: number; ntb?: string }): GatewayPaymentResponse;
    qrisPay(req: { qrisId: string; amount?: number; ntb?: string }): GatewayPaymentResponse;
    reverse(req: { ntb: string; reason?: string }): GatewayReversalResponse;
    settlementCsv(date: string, officeCode?: string): string;
  };
  /** read-only access to the simulator's database (tests, diagnostics) */
  db: ReadApi;
  /** operationIds that have a handler (each is also in the document) */
  operationIds: string[];
  /** responses that did not match the document (checkResponses) */
  responseProblems: string[];
  close(): Promise<void>;
}

interface HandlerReq {
  op: Operation;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  terminal: Terminal | null;
  now: Date;
  decision: FaultDecision;
}

type HandlerResult = { status: number; json: unknown } | { status: number; text: string; contentType: string; headers?: Record<string, string> };
type Handler = (req: HandlerReq) => HandlerResult;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function errorBody(code: string, message: string, details?: Detail[]): { error: { code: string; message: string; details?: Detail[] } } {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

function keyMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function coerceQuery(value: string, type: string | undefined): unknown {
  if (type === 'integer' && /^-?\d{1,15}$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function simNtb(now: Date): string {
  return `SIM${now.toISOString().replace(/\D/g, '').slice(0, 14)}${randomBytes(3).toString('hex').toUpperCase()}`;
}

export async function startCentral(options: CentralOptions): Promise<RunningCentral> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const log = options.log ?? (() => {});
  const doc: CentralDocument = buildDocument();
  const faultCheck = doc.schema('FaultConfig');
  if (options.faults && !faultCheck(options.faults)) throw new Error(`Konfigurasi gangguan tidak sah: ${summarise(validationDetails(faultCheck.errors))}`);
  const faults = new Faults(options.faults ?? {});
  const baseNow = options.now ?? (() => new Date());
  const clock: Clock = makeClock(baseNow, faults);
  const newId = options.newId ?? (() => uuidv7());
  const store: Store = await openStore({ dir: join(dataDir, 'db'), migrations: centralMigrations, now: baseNow, onWarning: (m) => log(`[store] ${m}`) });

  const keys = store.write((tx) => {
    const admin = options.adminKey ?? getMeta(tx, 'admin_key') ?? `adm_${randomBytes(18).toString('base64url')}`;
    const gateway = options.gatewayKey ?? getMeta(tx, 'gateway_key') ?? `gw_${randomBytes(18).toString('base64url')}`;
    if (!options.adminKey) setMeta(tx, 'admin_key', admin);
    if (!options.gatewayKey) setMeta(tx, 'gateway_key', gateway);
    for (const c of options.enrolmentCodes ?? []) {
      if (!tx.get('SELECT 1 AS x FROM enrolment_codes WHERE code = ?', [c.code])) mintCode(tx, clock.now(), c);
    }
    return { admin, gateway };
  });
  const qrisSettings: QrisSettings = { ttlMinutes: options.qrisTtlMinutes ?? 15, merchantName: 'RETRIBUSI DAERAH', merchantCity: 'KABUPATEN', nmid: 'ID1026000000001' };
  const ledgerCtx = () => ({ now: clock.now(), newId });
  const responseProblems: string[] = [];

  // --- operator actions (shared by the admin endpoints and the in-process helpers) ---
  const bank = {
    inquiry: (idpel: string) => inquiry(store, idpel, clock.now()),
    pay: (req: { idpel: string; amount?: number; ntb?: string }) =>
      store.write((tx) => {
        const ctx = ledgerCtx();
        const amount = req.amount ?? inquiry(tx, req.idpel, ctx.now).total ?? 0;
        return payByIdpel(tx, ctx, { idpel: req.idpel, amount, ntb: req.ntb ?? simNtb(ctx.now) });
      }),
    qrisPay: (req: { qrisId: string; amount?: number; ntb?: string }) =>
      store.write((tx) => {
        const ctx = ledgerCtx();
        const amount = req.amount ?? qrisById(tx, req.qrisId, ctx.now)?.amount ?? 0;
        return payQris(tx, ctx, { qrisId: req.qrisId, amount, ntb: req.ntb ?? simNtb(ctx.now) });
      }),
    reverse: (req: { ntb: string; reason?: string }) => store.write((tx) => reverse(tx, ledgerCtx(), req)),
    settlementCsv: (date: string, officeCode?: string) => settlementCsv(store, date, officeCode),
  };

  function requireTerminal(req: HandlerReq): Terminal {
    if (!req.terminal) throw new CentralError(401, 'UNAUTHORIZED', 'Token terminal tidak ada atau tidak berlaku.');
    return req.terminal;
  }

  function pullOpts(req: HandlerReq) {
    return {
      cursor: req.query.cursor as string | undefined,
      limit: req.query.limit as number | undefined,
      now: req.now,
      faults,
      decision: req.decision,
    };
  }

  const handlers: Record<string, Handler> = {
    health: (req) => ({ status: 200, json: { status: 'ok', serverTime: req.now.toISOString(), businessDate: businessDate(req.now), apiVersion: CENTRAL.apiVersion } }),

    enrolTerminal: (req) => {
      const out = store.write((tx) => enrol(tx, req.now, newId, req.body as EnrolmentRequest));
      return { status: out.created ? 201 : 200, json: out.body };
    },

    pullMasterRecords: (req) => ({ status: 200, json: pullMaster(store, requireTerminal(req), pullOpts(req)) }),

    pullGatewayPayments: (req) => ({ status: 200, json: pullGateway(store, requireTerminal(req), pullOpts(req)) }),

    pullOfficeRecords: (req) => ({
      status: 200,
      json: pullOffice(store, requireTerminal(req), {
        ...pullOpts(req),
        kinds: parseKinds(req.query.kinds as string | undefined),
        includeOwn: req.query.includeOwn === true,
      }),
    }),

    pushRecords: (req) => {
      const terminal = requireTerminal(req);
      const records = (req.body as { records: unknown[] }).records;
      const run = () => store.write((tx) => pushBatch(tx, { now: clock.now(), newId, terminal, doc }, records));
      let acks = run();
      if (req.decision.duplicate) {
        // the same delivery arrives twice (a retrying proxy): the answer the client sees is the second one
        faults.count('duplicate');
        acks = run();
      }
      if (req.decision.reorder && acks.length > 1) {
        faults.count('reorder');
        acks = faults.shuffle(acks);
      }
      const summary = { accepted: 0, duplicate: 0, rejected: 0 };
      for (const a of acks) summary[a.status]++;
      return { status: 200, json: { acks, summary, serverTime: clock.now().toISOString() } };
    },

    createQris: (req) => {
      const terminal = requireTerminal(req);
      const out = store.write((tx) => createQris(tx, ledgerCtx(), qrisSettings, terminal, (req.body as { billId: string }).billId));
      return { status: out.created ? 201 : 200, json: out.qris };
    },

    getQris: (req) => {
      const terminal = requireTerminal(req);
      const q = qrisById(store, req.params.qrisId ?? '', req.now, terminal.officeCode);
      if (!q) throw new CentralError(404, 'NOT_FOUND', `QRIS ${req.params.qrisId ?? ''} tidak ditemukan.`);
      return { status: 200, json: q };
    },

    verifyReceipt: (req) => ({ status: 200, json: verifyReceipt(store, (req.body as { verification: string }).verification) }),

    officeSettlement: (req) => {
      const terminal = requireTerminal(req);
      const date = req.params.date ?? '';
      return { status: 200, text: settlementCsv(store, date, terminal.officeCode), contentType: 'text/csv; charset=utf-8', headers: { 'content-disposition': `attachment; filename="settlement-${date}.csv"` } };
    },

    gatewayInquiry: (req) => ({ status: 200, json: inquiry(store, (req.body as { idpel: string }).idpel, req.now) }),
    gatewayPayment: (req) => ({ status: 200, json: store.write((tx) => payByIdpel(tx, ledgerCtx(), req.body as { idpel: string; amount: number; ntb: string })) }),
    gatewayQrisPayment: (req) => ({ status: 200, json: store.write((tx) => payQris(tx, ledgerCtx(), req.body as { qrisId: string; amount: number; ntb: string })) }),
    gatewayReversal: (req) => ({ status: 200, json: bank.reverse(req.body as { ntb: string; reason?: string }) }),

    mintEnrolmentCode: (req) => ({ status: 201, json: store.write((tx) => mintCode(tx, req.now, req.body as { code?: string })) }),
    listTerminals: () => ({ status: 200, json: { terminals: listTerminals(store) } }),
    upsertMasterRecords: (req) => ({ status: 200, json: { results: store.write((tx) => upsertMaster(tx, req.now, (req.body as { records: MasterUpsert[] }).records)) } }),
    bankInquiry: (req) => ({ status: 200, json: bank.inquiry((req.body as { idpel: string }).idpel) }),
    bankPay: (req) => ({ status: 200, json: bank.pay(req.body as { idpel: string }) }),
    bankQrisPay: (req) => ({ status: 200, json: bank.qrisPay(req.body as { qrisId: string }) }),
    bankReverse: (req) => ({ status: 200, json: bank.reverse(req.body as { ntb: string }) }),
    bankSettlement: (req) => {
      const date = req.query.date as string;
      return { status: 200, text: bank.settlementCsv(date), contentType: 'text/csv; charset=utf-8', headers: { 'content-disposition': `attachment; filename="settlement-${date}.csv"` } };
    },
    listOverpayments: () => ({
      status: 200,
      json: {
        overpayments: store.all<Overpayment>(
          `SELECT id, bill_id AS billId, payment_id AS paymentId, other_kind AS otherKind, other_ref AS otherRef, amount, detected_at AS detectedAt, office_code AS officeCode
             FROM overpayments ORDER BY detected_at, id`,
        ),
      },
    }),
    getFaults: () => ({ status: 200, json: faults.state() }),
    setFaults: (req) => ({ status: 200, json: faults.set(req.body as FaultConfig) }),
    operatorPage: () => {
      const nonce = randomBytes(16).toString('base64');
      return {
        status: 200,
        text: operatorPage(nonce),
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'` },
      };
    },
  };

  // every operation of the document has a handler and every handler an operation
  const docIds = new Set(doc.operations.map((o) => o.operationId));
  const missing = [...docIds].filter((id) => !handlers[id]);
  const extra = Object.keys(handlers).filter((id) => !docIds.has(id));
  if (missing.length || extra.length) {
    store.close({ snapshot: false });
    throw new Error(`Dokumen OpenAPI dan simulator tidak sejalan: tanpa handler [${missing.join(', ')}], tanpa operasi [${extra.join(', ')}]`);
  }

  const hanging = new Set<ServerResponse>();
  let port = 0;

  function send(res: ServerResponse, status: number, body: Buffer, headers: Record<string, string>, decision: FaultDecision): void {
    if (decision.timeout) {
      // carried out, never answered: the client gives up on its own
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    res.writeHead(status, { ...headers, 'content-length': String(body.length) });
    if (decision.drop && body.length > 1) {
      const part = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
      res.write(part, () => setImmediate(() => res.socket?.destroy()));
      return;
    }
    res.end(body);
  }

  function sendError(res: ServerResponse, status: number, code: string, message: string, details?: Detail[], decision: FaultDecision = NO_FAULT): void {
    send(res, status, Buffer.from(JSON.stringify(errorBody(code, message, details))), JSON_HEADERS, decision);
  }

  function checkResponse(op: Operation, status: number, json: unknown): string | null {
    const spec = op.responses.get(String(status)) ?? op.responses.get('default');
    if (!spec) return `${op.operationId}: status ${status} tidak ada di dokumen`;
    if (spec.validate && !spec.validate(json)) return `${op.operationId} ${status}: ${summarise(validationDetails(spec.validate.errors))}`;
    return null;
  }

  function readBody(req: IncomingMessage): Promise<Buffer | null> {
    return new Promise((resolveBody, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) tooBig = true;
        else chunks.push(chunk);
      });
      req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = req.headers.host;
    if (host && !new Set([`127.0.0.1:${port}`, `localhost:${port}`]).has(host.toLowerCase())) {
      sendError(res, 403, 'HOST_REFUSED', 'Alamat host tidak dikenal: hubungi simulator lewat 127.0.0.1.');
      return;
    }
    const matched = doc.match(req.method ?? 'GET', url.pathname);
    const raw = await readBody(req);
    if ('error' in matched) {
      if (matched.error === 'method') sendError(res, 405, 'METHOD_NOT_ALLOWED', `Metode ${req.method ?? ''} tidak berlaku untuk ${url.pathname}.`);
      else sendError(res, 404, 'ROUTE_NOT_FOUND', `Alamat ${url.pathname} tidak ada di API pusat.`);
      return;
    }
    const { op, params } = matched;
    const decision = faults.decide(url.pathname);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.errorStatus !== null) {
      sendError(res, decision.errorStatus, decision.errorStatus === 503 ? 'UNAVAILABLE' : 'INTERNAL', `Gangguan simulasi: server pusat menjawab ${decision.errorStatus}. Tidak ada yang diproses; ulangi nanti.`);
      return;
    }
    if (raw === null) {
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', `Badan permintaan melebihi ${MAX_BODY_BYTES / 1024 / 1024} MiB: kirim batch yang lebih kecil.`);
      return;
    }

    // authentication
    let terminal: Terminal | null = null;
    if (op.security.length > 0) {
      let ok = false;
      for (const scheme of op.security) {
        if (scheme === 'terminalBearer') {
          const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
          terminal = m?.[1] ? (terminalByToken(store, m[1]) ?? null) : null;
          ok ||= terminal !== null;
        } else if (scheme === 'gatewayKey') {
          ok ||= keyMatches(req.headers[CENTRAL.gatewayKeyHeader] as string | undefined, keys.gateway);
        } else if (scheme === 'adminKey') {
          ok ||= keyMatches(req.headers[CENTRAL.adminKeyHeader] as string | undefined, keys.admin);
        }
      }
      if (!ok) {
        const what = op.security.includes('terminalBearer')
          ? 'Token terminal tidak ada atau tidak berlaku: daftarkan (enrol) terminal ini lagi.'
          : op.security.includes('gatewayKey')
            ? 'Kunci gerbang (X-Gateway-Key) tidak ada atau salah.'
            : 'Kunci admin (X-Admin-Key) tidak ada atau salah.';
        sendError(res, 401, 'UNAUTHORIZED', what, undefined, decision);
        return;
      }
    }

    // query and path parameters
    const query: Record<string, unknown> = {};
    const problems: Detail[] = [];
    for (const p of op.params) {
      const value = p.in === 'query' ? url.searchParams.get(p.name) : p.in === 'path' ? (params[p.name] ?? null) : null;
      if (value === null) {
        if (p.required) problems.push({ path: `/${p.in}/${p.name}`, message: 'wajib diisi' });
        continue;
      }
      const coerced = coerceQuery(value, p.type);
      if (!p.validate(coerced)) problems.push(...validationDetails(p.validate.errors, `/${p.in}/${p.name}`));
      else if (p.in === 'query') query[p.name] = coerced;
    }

    // body
    let body: unknown;
    if (op.body) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (raw.length === 0) {
        if (op.body.required) problems.push({ path: '/', message: 'badan permintaan (JSON) wajib ada' });
      } else if (type !== 'application/json') {
        sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Badan permintaan harus application/json.', undefined, decision);
        return;
      } else {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          sendError(res, 400, 'INVALID_JSON', 'Badan permintaan bukan JSON yang sah.', undefined, decision);
          return;
        }
        if (!op.body.validate(body)) problems.push(...validationDetails(op.body.validate.errors, ''));
      }
    }
    if (problems.length > 0) {
      sendError(res, 400, 'INVALID_REQUEST', `Permintaan tidak sah: ${summarise(problems)}`, problems, decision);
      return;
    }

    let result: HandlerResult;
    try {
      result = (handlers[op.operationId] as Handler)({ op, params, query, body, terminal, now: clock.now(), decision });
    } catch (err) {
      if (err instanceof CentralError) {
        sendError(res, err.status, err.code, err.message, err.details, decision);
      } else {
        const ref = randomBytes(4).toString('hex');
        log(`[central] ${op.operationId} gagal (ref ${ref}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        sendError(res, 500, 'INTERNAL', `Terjadi kesalahan di server pusat (ref ${ref}).`, undefined, decision);
      }
      return;
    }
    if ('json' in result) {
      if (options.checkResponses) {
        const problem = checkResponse(op, result.status, result.json);
        if (problem) {
          responseProblems.push(problem);
          log(`[central] jawaban tidak sesuai dokumen: ${problem}`);
          sendError(res, 500, 'INTERNAL', `Jawaban tidak sesuai dokumen OpenAPI: ${problem}`, undefined, decision);
          return;
        }
      }
      send(res, result.status, Buffer.from(JSON.stringify(result.json)), JSON_HEADERS, decision);
    } else {
      send(res, result.status, Buffer.from(result.text), { 'content-type': result.contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...result.headers }, decision);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`[central] permintaan gagal: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Terjadi kesalahan di server pusat.');
      else res.destroy();
    });
  });
  // longer than clients keep idle connections, so a reused connection is never closed under a request
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const infoFile = join(dataDir, 'central.json');
  writeFileSync(infoFile, JSON.stringify({ url, port, adminKey: keys.admin, gatewayKey: keys.gateway, pid: process.pid }, null, 2), { mode: 0o600 });

  let closed = false;
  return {
    url,
    port,
    dataDir,
    adminKey: keys.admin,
    gatewayKey: keys.gateway,
    now: () => clock.now(),
    getFaults: () => faults.state(),
    setFaults: (config) => {
      if (!faultCheck(config)) throw new Error(`Konfigurasi gangguan tidak sah: ${summarise(validationDetails(faultCheck.errors))}`);
      return faults.set(config);
    },
    mintEnrolmentCode: (opts = {}) => store.write((tx) => mintCode(tx, clock.now(), opts)),
    upsertMaster: (records) => store.write((tx) => upsertMaster(tx, clock.now(), records)),
    bank,
    db: { get: (sql, p) => store.get(sql, p), all: (sql, p) => store.all(sql, p) },
    operationIds: Object.keys(handlers),
    responseProblems,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const res of hanging) res.destroy();
      hanging.clear();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      store.close();
      rmSync(infoFile, { force: true });
    },
  };
}

const NO_FAULT: FaultDecision = { latencyMs: 0, errorStatus: null, timeout: false, drop: false, duplicate: false, reorder: false };

