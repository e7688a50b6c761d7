// IDPEL (ID pelanggan): 10-digit kode retribusi + 6-digit serial of the billed object + a Damm
// check digit. Damm catches every single-digit error and every swap of two adjacent digits —
// the mistakes people make typing a 17-digit number at a counter.
import { damm } from 'cdigit';

export const KODE_LENGTH = 10;
export const SERIAL_LENGTH = 6;
export const IDPEL_LENGTH = KODE_LENGTH + SERIAL_LENGTH + 1;

export function makeIdpel(kode: string, serial: number): string {
  if (!/^\d{10}$/.test(kode)) throw new RangeError(`Kode retribusi harus 10 digit: ${kode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_LENGTH) throw new RangeError(`Nomor urut IDPEL di luar batas: ${serial}`);
  const body = kode + String(serial).padStart(SERIAL_LENGTH, '0');
  return body + damm.compute(body);
}

export type IdpelCheck =
  | { ok: true; idpel: string; kode: string; serial: number }
  | { ok: false; reason: 'format' | 'check'; message: string };

/** Checks a typed or scanned IDPEL before any lookup; spaces and dashes people add are ignored. */
export function checkIdpel(raw: string): IdpelCheck {
  const idpel = raw.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(idpel) || idpel.length !== IDPEL_LENGTH) {
    return { ok: false, reason: 'format', message: `IDPEL harus ${IDPEL_LENGTH} digit angka.` };
  }
  if (!damm.validate(idpel)) {
    return { ok: false, reason: 'check', message: 'Digit pemeriksa IDPEL salah — periksa kembali angka yang diketik.' };
  }
  return { ok: true, idpel, kode: idpel.slice(0, KODE_LENGTH), serial: Number(idpel.slice(KODE_LENGTH, KODE_LENGTH + SERIAL_LENGTH)) };
}
