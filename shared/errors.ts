// Every error the renderer can see: a stable code and a message per language.
// Messages are Bahasa Indonesia first; `{name}` placeholders are filled from params.

export const errorMessages = {
  INVALID_INPUT: { id: 'Data yang dikirim tidak valid: {detail}', en: 'Invalid input: {detail}' },
  UNKNOWN_OPERATION: { id: 'Operasi tidak dikenal: {op}', en: 'Unknown operation: {op}' },
  NOT_AUTHENTICATED: { id: 'Sesi tidak ada atau sudah berakhir. Silakan masuk kembali.', en: 'No session or the session has expired. Please sign in again.' },
  FORBIDDEN: { id: 'Peran Anda ({role}) tidak berwenang untuk operasi ini.', en: 'Your role ({role}) may not perform this operation.' },
  LOGIN_FAILED: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  ACCOUNT_LOCKED: { id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah {until} WIB atau minta admin membuka kunci.', en: 'Account temporarily locked after too many failed attempts. Try again after {until} WIB or ask an admin to unlock it.' },
  ACCOUNT_DISABLED: { id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  SETUP_DONE: { id: 'Admin pertama sudah dibuat. Silakan masuk.', en: 'The first admin already exists. Please sign in.' },
  SETUP_REQUIRED: { id: 'Aplikasi belum disiapkan: buat akun admin UPTD pertama.', en: 'The app is not set up yet: create the first UPTD admin account.' },
  USERNAME_TAKEN: { id: 'Nama pengguna "{username}" sudah dipakai.', en: 'Username "{username}" is already taken.' },
  WEAK_PASSWORD: { id: 'Kata sandi minimal 10 karakter dan memuat huruf serta angka.', en: 'The password needs at least 10 characters with letters and digits.' },
  WRONG_PASSWORD: { id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  NOT_FOUND: { id: '{what} tidak ditemukan.', en: '{what} not found.' },
  BAD_REQUEST: { id: 'Permintaan ditolak: {detail}', en: 'Request refused: {detail}' },
  HOST_TOKEN: { id: 'Token host tidak valid.', en: 'Invalid host token.' },
  INTERNAL: { id: 'Terjadi kesalahan di aplikasi. Tidak ada data yang berubah. (ref {ref})', en: 'An internal error occurred. Nothing was changed. (ref {ref})' },
  IDPEL_INVALID: { id: '{message}', en: 'Invalid IDPEL: {message}' },
  IDPEL_NOT_REGISTERED: { id: 'IDPEL {idpel} tidak terdaftar.', en: 'IDPEL {idpel} is not registered.' },
  RUN_BUSY: { id: 'Penerbitan tagihan {kind} {period} sedang berjalan. Tunggu sampai selesai.', en: 'The {kind} {period} bill run is in progress. Wait until it finishes.' },
  VERSION_CONFLICT: { id: 'Data ini sudah diubah orang lain (versi {current}). Muat ulang lalu ulangi perubahan Anda.', en: 'Someone else changed this record (version {current}). Reload and redo your change.' },
  DUPLICATE: { id: '{what} sudah ada.', en: '{what} already exists.' },
  RENEWAL_BLOCKED: { id: 'Perpanjangan ditolak: {reason}', en: 'Renewal refused: {reason}' },
  CONFLICT: { id: '{detail}', en: '{detail}' },
  SHIFT_REQUIRED: { id: 'Buka shift dulu sebelum menerima pembayaran.', en: 'Open a shift before taking payments.' },
  SHIFT_STALE: { id: 'Shift tanggal {date} masih terbuka. Tutup shift itu dulu, lalu buka shift baru untuk hari ini.', en: 'The shift of {date} is still open. Close it first, then open a new shift for today.' },
  SHIFT_ALREADY_OPEN: { id: 'Anda masih punya shift terbuka sejak {openedAt} WIB.', en: 'You still have a shift open since {openedAt} WIB.' },
  SHIFT_CLOSED: { id: 'Shift ini sudah ditutup.', en: 'This shift is already closed.' },
  SHIFT_PENDING_VOIDS: { id: 'Masih ada {count} permintaan pembatalan yang menunggu keputusan kepala UPTD.', en: '{count} void requests still await the head of UPTD.' },
  APPROVAL_REQUIRED: { id: 'Selisih kas {difference} melebihi batas {limit}: perlu persetujuan kepala UPTD.', en: 'The cash difference {difference} exceeds the limit {limit}: the head of UPTD must approve.' },
  APPROVAL_INVALID: { id: 'Persetujuan ditolak: {detail}', en: 'Approval refused: {detail}' },
  ALREADY_PAID: { id: 'Tagihan {period} sudah dibayar dengan kuitansi {receiptNo}.', en: 'The {period} bill was already paid with receipt {receiptNo}.' },
  PENDING_TRANSFER: { id: 'Tagihan {period} menunggu verifikasi transfer (kuitansi {receiptNo}).', en: 'The {period} bill awaits transfer verification (receipt {receiptNo}).' },
  SKIP_OLDER: { id: 'Tagihan yang lebih lama ({period}) harus dibayar lebih dulu.', en: 'The older bill ({period}) must be paid first.' },
  INSUFFICIENT_CASH: { id: 'Uang diterima {tendered} kurang dari total {total}.', en: 'Cash tendered {tendered} is less than the total {total}.' },
  PROOF_INVALID: { id: 'Bukti transfer ditolak: {detail}', en: 'Transfer proof refused: {detail}' },
  VOID_NOT_ALLOWED: { id: 'Pembatalan tidak dapat diajukan: {detail}', en: 'A void cannot be requested: {detail}' },
  SELF_APPROVAL: { id: 'Yang mengajukan tidak boleh menyetujui permintaannya sendiri.', en: 'A requester may not approve their own request.' },
  NOTHING_TO_DEPOSIT: { id: 'Tidak ada uang tunai dari shift yang sudah ditutup untuk disetor.', en: 'There is no cash from closed shifts to deposit.' },
  BACKEND_UNAVAILABLE: { id: 'Layanan data tidak berjalan. Tutup dan buka kembali aplikasi.', en: 'The data service is not running. Close and reopen the app.' },
} as const satisfies Record<string, { id: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export type Lang = 'id' | 'en';

export interface ApiError {
  code: ErrorCode;
  /** the Bahasa Indonesia message (the renderer may re-render it in English from code + params) */
  message: string;
  params: Record<string, string>;
  /** per-field messages for form validation, Bahasa Indonesia */
  fields?: Record<string, string>;
}

export function formatError(code: ErrorCode, params: Record<string, string> = {}, lang: Lang = 'id'): string {
  const template: string = errorMessages[code][lang];
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => params[key] ?? '');
}

/** Domain code throws this; the router turns it into an ApiError. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string>;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, params: Record<string, string> = {}, fields?: Record<string, string>) {
    super(formatError(code, params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
  toApiError(): ApiError {
    return { code: this.code, message: this.message, params: this.params, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };
