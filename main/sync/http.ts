// The terminal's HTTP client for the central API (shared/central-api/openapi.yaml), on axios
// with timeouts. Every failure becomes a CentralError that says whether resending may help.
import axios, { type AxiosInstance } from 'axios';
import { CENTRAL, type EnrolmentRequest, type EnrolmentResponse, type GatewayEvent, type Health, type MasterRecord, type OfficeRecord, type Page, type PushRecord, type PushResponse, type Qris } from '../../shared/central-api/types';

export class CentralError extends Error {
  override name = 'CentralError';
  /** network/timeout/5xx: resend later; 4xx: the request itself is wrong or the credential is */
  readonly retryable: boolean;
  readonly status: number | null;
  readonly code: string;
  constructor(message: string, opts: { retryable: boolean; status: number | null; code: string }) {
    super(message);
    this.retryable = opts.retryable;
    this.status = opts.status;
    this.code = opts.code;
  }
}

export interface CentralClient {
  health(): Promise<Health>;
  enrol(req: EnrolmentRequest): Promise<EnrolmentResponse>;
  push(records: PushRecord[], batchId: string): Promise<PushResponse>;
  pullGateway(cursor: string | null, limit: number): Promise<Page<GatewayEvent>>;
  pullMaster(cursor: string | null, limit: number): Promise<Page<MasterRecord>>;
  pullOffice(cursor: string | null, limit: number): Promise<Page<OfficeRecord>>;
  createQris(billId: string): Promise<Qris>;
  getQris(qrisId: string): Promise<Qris>;
}

function toCentralError(err: unknown): CentralError {
  if (axios.isAxiosError(err)) {
    const status = err.response?.status ?? null;
    const body = err.response?.data as { error?: { code?: string; message?: string } } | undefined;
    if (status === null) {
      const timeout = err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT';
      return new CentralError(timeout ? 'Server pusat tidak menjawab (batas waktu habis).' : `Server pusat tidak dapat dihubungi (${err.code ?? 'jaringan'}).`, {
        retryable: true,
        status: null,
        code: timeout ? 'TIMEOUT' : 'NETWORK',
      });
    }
    return new CentralError(body?.error?.message ?? `Server pusat menjawab HTTP ${status}.`, {
      retryable: status >= 500 || status === 429,
      status,
      code: body?.error?.code ?? `HTTP_${status}`,
    });
  }
  return new CentralError(err instanceof Error ? err.message : String(err), { retryable: true, status: null, code: 'UNKNOWN' });
}

/** a response body that is not the shape the document promises is a fault of the wire, resent later */
function expectObject<T>(data: unknown, what: string): T {
  if (typeof data !== 'object' || data === null) throw new CentralError(`Jawaban server pusat untuk ${what} tidak dapat dibaca.`, { retryable: true, status: null, code: 'BAD_RESPONSE' });
  return data as T;
}

export function createCentralClient(opts: { baseUrl: string; token: string | null; timeoutMs?: number }): CentralClient {
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl.replace(/\/+$/, ''),
    timeout: opts.timeoutMs ?? 15_000,
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    // a proxy from the environment must never carry the terminal's credential elsewhere
    proxy: false,
    maxRedirects: 0,
    responseType: 'json',
    transitional: { clarifyTimeoutError: true },
  });
  const call = async <T>(what: string, run: () => Promise<{ data: unknown }>): Promise<T> => {
    try {
      return expectObject<T>((await run()).data, what);
    } catch (err) {
      throw err instanceof CentralError ? err : toCentralError(err);
    }
  };
  return {
    health: () => call<Health>('health', () => http.get(CENTRAL.paths.health)),
    enrol: (req) => call<EnrolmentResponse>('pendaftaran', () => http.post(CENTRAL.paths.enrolments, req)),
    push: (records, batchId) => call<PushResponse>('kirim', () => http.post(CENTRAL.paths.push, { batchId, records })),
    pullGateway: (cursor, limit) =>
      call<Page<GatewayEvent>>('pembayaran gerbang', () => http.get(CENTRAL.paths.gatewayPayments, { params: { ...(cursor ? { cursor } : {}), limit } })),
    pullMaster: (cursor, limit) =>
      call<Page<MasterRecord>>('data induk', () => http.get(CENTRAL.paths.masterRecords, { params: { ...(cursor ? { cursor } : {}), limit } })),
    pullOffice: (cursor, limit) =>
      call<Page<OfficeRecord>>('catatan kantor', () => http.get(CENTRAL.paths.officeRecords, { params: { ...(cursor ? { cursor } : {}), limit, kinds: 'bill,payment,void' } })),
    createQris: (billId) => call<Qris>('QRIS', () => http.post(CENTRAL.paths.qris, { billId })),
    getQris: (qrisId) => call<Qris>('QRIS', () => http.get(`${CENTRAL.paths.qris}/${encodeURIComponent(qrisId)}`)),
  };
}
