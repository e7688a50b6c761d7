// Terminals: enrolment codes, enrolment with the terminal's Ed25519 public key, bearer tokens
// (only their sha256 is kept), and receipt verification against the key registered at enrolment.
import { createHash, createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { EnrolmentCode, EnrolmentRequest, EnrolmentResponse, ReceiptVerifyResponse, TerminalInfo } from '../../shared/central-api/types';
import { parseVerification } from '../counter/signing';
import type { ReadApi, WriteTx } from '../store/types';
import { CentralError, sha256Hex } from './util';

export interface Terminal {
  id: string;
  officeCode: string;
  terminalCode: string;
  keyId: string;
}

interface TerminalRow {
  id: string;
  office_code: string;
  terminal_code: string;
  key_id: string;
  public_key_pem: string;
  enrolment_code: string;
  enrolled_at: string;
  last_push_at: string | null;
}

function toTerminal(r: TerminalRow): Terminal {
  return { id: r.id, officeCode: r.office_code, terminalCode: r.terminal_code, keyId: r.key_id };
}

interface CodeRow {
  code: string;
  office_code: string | null;
  max_uses: number;
  uses: number;
  expires_at: string;
}

function codeOut(r: CodeRow): EnrolmentCode {
  return { code: r.code, officeCode: r.office_code, maxUses: r.max_uses, uses: r.uses, expiresAt: r.expires_at };
}

export function mintCode(
  tx: WriteTx,
  now: Date,
  opts: { code?: string; officeCode?: string; maxUses?: number; validDays?: number },
): EnrolmentCode {
  const code = opts.code ?? `ENR-${randomBytes(4).toString('hex').toUpperCase()}`;
  if (tx.get('SELECT 1 AS x FROM enrolment_codes WHERE code = ?', [code])) throw new CentralError(409, 'DUPLICATE', `Kode pendaftaran ${code} sudah ada.`);
  const expiresAt = new Date(now.getTime() + (opts.validDays ?? 7) * 86_400_000).toISOString();
  tx.run('INSERT INTO enrolment_codes (code, office_code, max_uses, uses, created_at, expires_at) VALUES (?,?,?,0,?,?)', [
    code, opts.officeCode ?? null, opts.maxUses ?? 1, now.toISOString(), expiresAt,
  ]);
  return codeOut(tx.get<CodeRow>('SELECT * FROM enrolment_codes WHERE code = ?', [code]) as CodeRow);
}

/** the key id the terminal derives (main/counter/signing.ts): sha256 of the SPKI DER, 16 hex digits */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function issueToken(tx: WriteTx, terminalId: string, now: Date): string {
  const token = `ert_${randomBytes(32).toString('base64url')}`;
  tx.run('UPDATE terminal_tokens SET revoked_at = ? WHERE terminal_id = ? AND revoked_at IS NULL', [now.toISOString(), terminalId]);
  tx.run('INSERT INTO terminal_tokens (token_hash, terminal_id, issued_at, revoked_at) VALUES (?,?,?,NULL)', [sha256Hex(token), terminalId, now.toISOString()]);
  return token;
}

export function enrol(tx: WriteTx, now: Date, newId: () => string, req: EnrolmentRequest): { created: boolean; body: EnrolmentResponse } {
  let key: KeyObject;
  try {
    key = createPublicKey(req.publicKeyPem);
  } catch {
    throw new CentralError(400, 'KEY_INVALID', 'Kunci publik tidak dapat dibaca: kirim kunci Ed25519 dalam format SPKI PEM.');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CentralError(400, 'KEY_INVALID', `Kunci publik harus Ed25519, bukan ${key.asymmetricKeyType ?? 'tidak dikenal'}.`);
  if (keyIdOf(key) !== req.keyId) throw new CentralError(400, 'KEY_ID_MISMATCH', 'keyId tidak cocok dengan kunci publik (16 digit heksa pertama SHA-256 dari SPKI DER).');
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  const nowIso = now.toISOString();
  const code = tx.get<CodeRow>('SELECT * FROM enrolment_codes WHERE code = ?', [req.enrolmentCode]);
  const existing = tx.get<TerminalRow>('SELECT * FROM terminals WHERE office_code = ? AND terminal_code = ?', [req.officeCode, req.terminalCode]);

  const respond = (t: TerminalRow, token: string): EnrolmentResponse => ({
    terminalId: t.id, token, officeCode: t.office_code, terminalCode: t.terminal_code, keyId: t.key_id, enrolledAt: t.enrolled_at, serverTime: nowIso,
  });

  if (existing && existing.key_id === req.keyId) {
    // the same terminal again (e.g. the first answer was lost): the code that enrolled it still works
    const usable = code && (code.code === existing.enrolment_code || (code.uses < code.max_uses && code.expires_at > nowIso && (!code.office_code || code.office_code === req.officeCode)));
    if (!usable) throw new CentralError(403, 'ENROLMENT_CODE_INVALID', 'Kode pendaftaran tidak dikenal, sudah habis, kedaluwarsa, atau bukan untuk kantor ini.');
    return { created: false, body: respond(existing, issueToken(tx, existing.id, now)) };
  }
  if (!code || code.uses >= code.max_uses || code.expires_at <= nowIso || (code.office_code && code.office_code !== req.officeCode)) {
    throw new CentralError(403, 'ENROLMENT_CODE_INVALID', 'Kode pendaftaran tidak dikenal, sudah habis, kedaluwarsa, atau bukan untuk kantor ini.');
  }
  if (existing) {
    throw new CentralError(409, 'TERMINAL_TAKEN', `Kode terminal ${req.terminalCode} di kantor ${req.officeCode} sudah terdaftar dengan kunci lain. Pakai kode terminal lain atau minta operator mencabutnya.`);
  }
  if (tx.get('SELECT 1 AS x FROM terminals WHERE key_id = ?', [req.keyId])) {
    throw new CentralError(409, 'KEY_IN_USE', 'Kunci ini sudah dipakai terminal lain: setiap terminal memakai kuncinya sendiri.');
  }
  const id = newId();
  tx.run('INSERT INTO terminals (id, office_code, terminal_code, key_id, public_key_pem, enrolment_code, enrolled_at, last_push_at) VALUES (?,?,?,?,?,?,?,NULL)', [
    id, req.officeCode, req.terminalCode, req.keyId, pem, code.code, nowIso,
  ]);
  tx.run('UPDATE enrolment_codes SET uses = uses + 1 WHERE code = ?', [code.code]);
  const row = tx.get<TerminalRow>('SELECT * FROM terminals WHERE id = ?', [id]) as TerminalRow;
  return { created: true, body: respond(row, issueToken(tx, id, now)) };
}

export function terminalByToken(db: ReadApi, token: string): Terminal | undefined {
  const row = db.get<TerminalRow>(
    'SELECT t.* FROM terminal_tokens k JOIN terminals t ON t.id = k.terminal_id WHERE k.token_hash = ? AND k.revoked_at IS NULL',
    [sha256Hex(token)],
  );
  return row ? toTerminal(row) : undefined;
}

export function listTerminals(db: ReadApi): TerminalInfo[] {
  return db
    .all<TerminalRow>('SELECT * FROM terminals ORDER BY office_code, terminal_code')
    .map((r) => ({ terminalId: r.id, officeCode: r.office_code, terminalCode: r.terminal_code, keyId: r.key_id, enrolledAt: r.enrolled_at, lastPushAt: r.last_push_at }));
}

/** checks an ERL1 string: the signature with the registered key, then the pushed payment if there is one */
export function checkSignature(db: ReadApi, text: string): { ok: true; claim: NonNullable<ReturnType<typeof parseVerification>>['claim']; terminal: TerminalRow } | { ok: false; message: string } {
  const parsed = parseVerification(text);
  if (!parsed) return { ok: false, message: 'Bukan string verifikasi kuitansi E-Retribusi (ERL1).' };
  const terminal = db.get<TerminalRow>('SELECT * FROM terminals WHERE key_id = ?', [parsed.claim.k]);
  if (!terminal) return { ok: false, message: 'Kunci penanda tangan kuitansi tidak terdaftar di pusat.' };
  let good = false;
  try {
    good = verify(null, Buffer.from(parsed.signed), createPublicKey(terminal.public_key_pem), Buffer.from(parsed.signature, 'base64url'));
  } catch {
    good = false;
  }
  if (!good) return { ok: false, message: 'Tanda tangan tidak cocok: kuitansi palsu atau sudah diubah.' };
  if (parsed.claim.t !== terminal.terminal_code) return { ok: false, message: 'Kode terminal pada kuitansi tidak cocok dengan kunci penanda tangan.' };
  return { ok: true, claim: parsed.claim, terminal };
}

export function verifyReceipt(db: ReadApi, text: string): ReceiptVerifyResponse {
  const sig = checkSignature(db, text);
  if (!sig.ok) return { valid: false, status: 'tidak_sah', message: sig.message };
  const { claim, terminal } = sig;
  const receipt = {
    receiptNo: claim.r, terminalCode: claim.t, officeCode: terminal.office_code, paidAt: claim.d, total: claim.a, idpel: typeof claim.i === 'string' ? claim.i : '', keyId: claim.k,
  };
  const payment = db.get<{ id: string; total: number; paid_at: string }>(
    'SELECT p.id, p.total, p.paid_at FROM payments p WHERE p.terminal_id = ? AND p.receipt_no = ?',
    [terminal.id, claim.r],
  );
  if (!payment) return { valid: true, status: 'belum_tercatat', message: 'Tanda tangan sah; pembayarannya belum dikirim terminal ke pusat.', receipt };
  if (payment.total !== claim.a || payment.paid_at !== claim.d) return { valid: false, status: 'tidak_sah', message: 'Isi kuitansi tidak cocok dengan catatan pembayaran di pusat.', receipt };
  const voided = db.get('SELECT 1 AS x FROM payment_voids WHERE payment_id = ?', [payment.id]);
  if (voided) return { valid: false, status: 'dibatalkan', message: 'Kuitansi asli, tetapi pembayarannya sudah dibatalkan.', receipt };
  return { valid: true, status: 'sah', message: 'Kuitansi sah dan tercatat di pusat.', receipt };
}
