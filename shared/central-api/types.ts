// TypeScript shapes of the central e-retribusi API's payloads, written by hand to mirror
// shared/central-api/openapi.yaml (the document is the contract; the simulator validates every
// request against it and, in tests, every response). Keep both in step: a test compares the
// record kinds, codes and paths listed here with the document.

/** header names and paths the terminal-side client needs */
export const CENTRAL = {
  apiVersion: '1.0.0',
  gatewayKeyHeader: 'x-gateway-key',
  adminKeyHeader: 'x-admin-key',
  paths: {
    health: '/v1/health',
    enrolments: '/v1/enrolments',
    masterRecords: '/v1/master-records',
    push: '/v1/push',
    officeRecords: '/v1/office-records',
    gatewayPayments: '/v1/gateway-payments',
    qris: '/v1/qris',
    receiptVerify: '/v1/receipts/verify',
    settlement: '/v1/settlement',
  },
  /** most records one push batch may carry */
  maxPushRecords: 500,
  /** most records a pull page may carry (limit) */
  maxPageLimit: 500,
  defaultPageLimit: 100,
} as const;

export interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

export interface Health {
  status: 'ok';
  serverTime: string;
  businessDate: string;
  apiVersion: string;
}

export interface EnrolmentRequest {
  enrolmentCode: string;
  officeCode: string;
  terminalCode: string;
  publicKeyPem: string;
  keyId: string;
}

export interface EnrolmentResponse {
  terminalId: string;
  token: string;
  officeCode: string;
  terminalCode: string;
  keyId: string;
  enrolledAt: string;
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// Pull pages

export interface Page<T> {
  records: T[];
  /** store only after the page is applied; pass back as `cursor` */
  nextCursor: string;
  hasMore: boolean;
  serverTime: string;
}

export interface MasterRecord {
  entity: string;
  id: string;
  version: number;
  data: Record<string, unknown>;
  deleted: boolean;
  updatedAt: string;
}

/** the fields of a `levy` master record the centre prices fines with */
export interface LevyMasterData {
  kode?: string;
  name?: string;
  kind?: string;
  interestRateBp?: number;
  interestCapMonths?: number;
  interestRounding?: 'floor' | 'round' | 'ceil';
}

export interface OfficeRecord {
  kind: PushKind;
  id: string;
  terminalCode: string;
  receivedAt: string;
  data: Record<string, unknown>;
}

export interface GatewayItem {
  billId: string;
  skrdNo?: string;
  period?: string;
  principal: number;
  fine: number;
  fineMonths: number;
  amount: number;
}

export interface GatewayPaymentEvent {
  type: 'payment';
  id: string;
  ntb: string;
  ntpd: string;
  channel: 'bank' | 'qris';
  idpel: string;
  payerName: string;
  principal: number;
  fine: number;
  amount: number;
  paidAt: string;
  businessDate: string;
  qrisId: string | null;
  items: GatewayItem[];
}

export interface GatewayReversalEvent {
  type: 'reversal';
  id: string;
  ntb: string;
  /** id of the payment event it cancels */
  paymentId: string;
  idpel: string;
  amount: number;
  reversedAt: string;
  businessDate: string;
  reason: string;
  items: GatewayItem[];
}

export type GatewayEvent = GatewayPaymentEvent | GatewayReversalEvent;

// ---------------------------------------------------------------------------------------------
// Push

export const PUSH_KINDS = [
  'bill',
  'payment',
  'void',
  'bill_cancellation',
  'bill_writeoff',
  'transfer_verification',
  'shift_closing',
  'deposit',
  'audit',
  'reversal',
  'overpayment',
  'master',
] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

export interface BillLineData {
  id: string;
  lineNo: number;
  kind: string;
  description: string;
  tariffId?: string | null;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface BillData {
  skrdNo: string;
  levyId: string;
  payerId: string;
  payerName?: string;
  idpel: string;
  objectType: 'rusun_contract' | 'stall_permit' | 'lab_order';
  objectId: string;
  period: string;
  issueDate: string;
  dueDate: string;
  principal: number;
  runId?: string | null;
  createdAt: string;
  createdBy?: string | null;
  lines: BillLineData[];
}

export interface PaymentItemData {
  id: string;
  billId: string;
  principal: number;
  fine: number;
  fineMonths?: number;
  amount: number;
}

export interface PaymentData {
  receiptNo: string;
  terminalCode: string;
  businessDate: string;
  paidAt: string;
  channel: 'tunai' | 'transfer' | 'gateway' | 'qris';
  payerId: string;
  idpel?: string;
  total: number;
  tendered?: number | null;
  changeGiven?: number | null;
  clerkId?: string | null;
  shiftId?: string | null;
  ntb?: string | null;
  createdAt: string;
  verification?: string | null;
  items: PaymentItemData[];
}

export interface VoidData {
  paymentId: string;
  reason: string;
  requestedBy: string;
  approvedBy: string;
  voidedAt: string;
}

export interface BillCancellationData {
  billId: string;
  reason: string;
  byUser: string;
  at: string;
}

export interface BillWriteoffData {
  billId: string;
  decisionNo: string;
  reason: string;
  requestedBy: string;
  approvedBy: string;
  at: string;
}

export interface TransferVerificationData {
  paymentId: string;
  decision: 'terima' | 'tolak';
  decidedBy: string;
  decidedAt: string;
  note?: string | null;
}

export interface ShiftClosingData {
  terminalCode: string;
  clerkId: string;
  businessDate: string;
  openedAt: string;
  openingCash: number;
  closedAt: string;
  denominations: { value: number; count: number; amount: number }[];
  countedCash: number;
  expectedCash: number;
  difference: number;
  note?: string | null;
  approvedBy?: string | null;
}

export interface DepositData {
  stsNo: string;
  terminalCode: string;
  businessDate: string;
  amount: number;
  bankReference: string;
  depositedAt: string;
  byUser: string;
  shifts: { shiftId: string; amount: number }[];
}

/** one audit_log row exactly as stored (before/after are the stored JSON texts) */
export interface AuditData {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

/** a gateway reversal the terminal recorded against its own gateway/qris payment (payment_reversals) */
export interface ReversalData {
  paymentId: string;
  ntb?: string | null;
  reversedAt: string;
  reason: string;
}

/** a double payment the terminal detected (overpayments) */
export interface OverpaymentData {
  billId: string;
  keptPaymentId: string;
  extraPaymentId: string;
  amount: number;
  detectedAt: string;
}

export type PushRecord =
  | { kind: 'bill'; id: string; data: BillData }
  | { kind: 'payment'; id: string; data: PaymentData }
  | { kind: 'void'; id: string; data: VoidData }
  | { kind: 'bill_cancellation'; id: string; data: BillCancellationData }
  | { kind: 'bill_writeoff'; id: string; data: BillWriteoffData }
  | { kind: 'transfer_verification'; id: string; data: TransferVerificationData }
  | { kind: 'shift_closing'; id: string; data: ShiftClosingData }
  | { kind: 'deposit'; id: string; data: DepositData }
  | { kind: 'audit'; id: string; data: AuditData }
  | { kind: 'reversal'; id: string; data: ReversalData }
  | { kind: 'overpayment'; id: string; data: OverpaymentData }
  | { kind: 'master'; id: string; entity: string; version: number; deleted?: boolean; data: Record<string, unknown> };

export interface PushRequest {
  batchId?: string;
  records: PushRecord[];
}

/** why a record was rejected; resending the same content gives the same answer */
export const REJECT_CODES = [
  'INVALID_SCHEMA',
  'UNKNOWN_KIND',
  'CONFLICT',
  'INCONSISTENT',
  'INVALID_IDPEL',
  'TERMINAL_MISMATCH',
  'DUPLICATE_BILL',
  'ALREADY_VOIDED',
  'ALREADY_CLOSED',
  'ALREADY_DECIDED',
  'VERSION_STALE',
  'AUDIT_HASH_INVALID',
  'AUDIT_CHAIN_BROKEN',
  'AUDIT_SEQ_TAKEN',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export interface PushNotice {
  /** DOUBLE_PAYMENT: the bill was already paid another way; an overpayment is recorded centrally */
  code: string;
  message: string;
  billId?: string;
  amount?: number;
}

export interface PushAck {
  kind: string;
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  code?: RejectCode;
  message?: string;
  details?: { path: string; message: string }[];
  existingId?: string;
  currentVersion?: number;
  notices?: PushNotice[];
}

export interface PushResponse {
  acks: PushAck[];
  summary: { accepted: number; duplicate: number; rejected: number };
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// QRIS and receipts

export interface Qris {
  qrisId: string;
  billId: string;
  idpel: string;
  principal: number;
  fine: number;
  fineMonths: number;
  amount: number;
  payload: string;
  status: 'pending' | 'paid' | 'expired' | 'reversed';
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  ntb: string | null;
}

export interface ReceiptVerifyResponse {
  valid: boolean;
  status: 'sah' | 'belum_tercatat' | 'dibatalkan' | 'tidak_sah';
  message: string;
  receipt?: { receiptNo: string; terminalCode: string; officeCode: string; paidAt: string; total: number; idpel: string; keyId: string };
}

// ---------------------------------------------------------------------------------------------
// Gateway (host-to-host)

export const GATEWAY_CODES = {
  '00': 'Sukses',
  '10': 'IDPEL tidak terdaftar',
  '13': 'Tagihan sudah dibayar',
  '14': 'Jumlah pembayaran tidak sesuai tagihan',
  '15': 'Transaksi tidak ditemukan',
  '16': 'Pembatalan hanya dapat dilakukan pada hari buku yang sama',
  '17': 'QRIS sudah kedaluwarsa',
  '94': 'NTB sudah dipakai untuk transaksi lain',
} as const;
export type GatewayCode = keyof typeof GATEWAY_CODES;

export interface GatewayInquiryResponse {
  code: '00' | '10' | '13';
  message: string;
  idpel: string;
  businessDate: string;
  name?: string;
  principal?: number;
  fine?: number;
  total?: number;
  bills?: GatewayItem[];
}

export interface GatewayPaymentRequest {
  idpel: string;
  amount: number;
  ntb: string;
}

export interface GatewayQrisPaymentRequest {
  qrisId: string;
  amount: number;
  ntb: string;
}

export interface GatewayPaymentResponse {
  code: '00' | '10' | '13' | '14' | '15' | '17' | '94';
  message: string;
  ntb: string;
  idpel?: string;
  ntpd?: string;
  paymentId?: string;
  amount?: number;
  expectedAmount?: number;
  paidAt?: string;
  businessDate?: string;
  qrisId?: string;
  items?: GatewayItem[];
  duplicate?: boolean;
}

export interface GatewayReversalResponse {
  code: '00' | '15' | '16';
  message: string;
  ntb: string;
  reversedAt?: string;
  businessDate?: string;
  duplicate?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Operator

export interface EnrolmentCode {
  code: string;
  officeCode: string | null;
  maxUses: number;
  uses: number;
  expiresAt: string;
}

export interface TerminalInfo {
  terminalId: string;
  officeCode: string;
  terminalCode: string;
  keyId: string;
  enrolledAt: string;
  lastPushAt: string | null;
}

export interface MasterUpsert {
  entity: string;
  id: string;
  version?: number;
  scope?: string;
  deleted?: boolean;
  data: Record<string, unknown>;
}

export interface MasterUpsertResult {
  entity: string;
  id: string;
  version: number;
  status: 'accepted' | 'duplicate' | 'rejected';
  code?: string;
  message?: string;
}

export interface Overpayment {
  id: string;
  billId: string;
  paymentId: string;
  otherKind: 'gateway' | 'counter';
  otherRef: string;
  amount: number;
  detectedAt: string;
  officeCode: string;
}

export interface FaultConfig {
  /** PRNG seed (default 1): the same seed and the same request sequence give the same faults */
  seed?: number;
  latencyMs?: number;
  jitterMs?: number;
  /** fraction of 5xx answers, given before anything is done */
  errorRate?: number;
  /** fraction of requests carried out and then never answered */
  timeoutRate?: number;
  /** fraction of answers cut after part of the body (the request was carried out) */
  dropRate?: number;
  /** fraction of pull pages that repeat earlier records / pushes processed twice */
  duplicateRate?: number;
  /** shuffle pull pages and push acks */
  reorder?: boolean;
  clockSkewMinutes?: number;
  /** path prefixes the network faults apply to (default ['/v1/']) */
  paths?: string[];
}

export interface FaultStats {
  requests: number;
  latency: number;
  error: number;
  timeout: number;
  drop: number;
  duplicate: number;
  reorder: number;
}

export interface FaultState {
  config: FaultConfig;
  stats: FaultStats;
}
