// NIK (Nomor Induk Kependudukan): 16 digits — region (6), birth date DDMMYY with 40 added to the
// day for women, and a 4-digit serial. The format check is what a counter can do offline.
export function checkNik(raw: string): { ok: true; nik: string } | { ok: false; message: string } {
  const nik = raw.replace(/\s/g, '');
  if (!/^\d{16}$/.test(nik)) return { ok: false, message: 'NIK harus 16 digit angka.' };
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 96) return { ok: false, message: 'Kode provinsi pada NIK tidak valid.' };
  let day = Number(nik.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(nik.slice(8, 10));
  if (day < 1 || day > 31 || month < 1 || month > 12) return { ok: false, message: 'Tanggal lahir pada NIK tidak valid.' };
  if (nik.slice(12) === '0000') return { ok: false, message: 'Nomor urut pada NIK tidak valid.' };
  return { ok: true, nik };
}
