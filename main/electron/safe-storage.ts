// Secrets of this terminal (the central API credential, …) kept encrypted by the OS through
// Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux),
// one small file per secret. The cipher and the files are interfaces, so the store is tested in
// plain Node; index.ts passes electron's `safeStorage`, which fits SecretCipher as it is.
// Plain-text files are a fallback for the demo profile only, and are re-encrypted as soon as
// the OS store becomes available.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded key, i.e. obfuscation rather than protection */
  getSelectedStorageBackend?(): string;
}

export interface SecretFiles {
  read(name: string): Promise<Buffer | null>;
  write(name: string, data: Buffer): Promise<void>;
  remove(name: string): Promise<void>;
}

/** 'os': the OS key store; 'weak': safeStorage with Linux's basic_text key; 'plain': no encryption. */
export type Protection = 'os' | 'weak' | 'plain';

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** how a secret written now would be protected; null when it cannot be written at all */
  protection(): Protection | null;
}

export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}

type Scheme = 'safeStorage' | 'plain';

const FORMAT = 'loket-secret';
const SECRET_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function isSecretName(name: unknown): name is string {
  return typeof name === 'string' && SECRET_NAME.test(name) && !name.includes('..');
}

export function encodeSecretFile(scheme: Scheme, payload: Buffer): Buffer {
  return Buffer.from(`${JSON.stringify({ format: FORMAT, v: 1, scheme, data: payload.toString('base64') })}\n`, 'utf8');
}

export function decodeSecretFile(bytes: Buffer): { scheme: Scheme; payload: Buffer } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const p = parsed as Record<string, unknown>;
  if (p.format !== FORMAT || p.v !== 1 || (p.scheme !== 'safeStorage' && p.scheme !== 'plain')) return null;
  if (typeof p.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(p.data)) return null;
  return { scheme: p.scheme, payload: Buffer.from(p.data, 'base64') };
}

function checkName(name: string): void {
  if (!isSecretName(name)) throw new SecretStoreError(`Nama rahasia "${String(name).slice(0, 80)}" tidak valid.`);
}

export function createSecretStore(opts: {
  /** null outside Electron */
  cipher: SecretCipher | null;
  files: SecretFiles;
  /** allow the plain-text fallback (demo profile only) */
  allowPlaintext: boolean;
  log?: (line: string) => void;
}): SecretStore {
  const { cipher, files } = opts;
  const canEncrypt = (): boolean => {
    try {
      return cipher !== null && cipher.isEncryptionAvailable();
    } catch {
      return false;
    }
  };
  const protection = (): Protection | null => {
    if (canEncrypt()) return cipher?.getSelectedStorageBackend?.() === 'basic_text' ? 'weak' : 'os';
    return opts.allowPlaintext ? 'plain' : null;
  };
  const write = async (name: string, value: string): Promise<void> => {
    if (canEncrypt() && cipher) {
      await files.write(name, encodeSecretFile('safeStorage', cipher.encryptString(value)));
      return;
    }
    if (!opts.allowPlaintext) {
      throw new SecretStoreError('Penyimpanan rahasia sistem operasi tidak tersedia; rahasia tidak disimpan.');
    }
    await files.write(name, encodeSecretFile('plain', Buffer.from(value, 'utf8')));
  };

  return {
    protection,
    async set(name, value) {
      checkName(name);
      if (typeof value !== 'string') throw new SecretStoreError('Nilai rahasia harus berupa teks.');
      await write(name, value);
    },
    async get(name) {
      checkName(name);
      const bytes = await files.read(name);
      if (bytes === null) return null;
      const decoded = decodeSecretFile(bytes);
      if (!decoded) throw new SecretStoreError(`Berkas rahasia "${name}" rusak.`);
      if (decoded.scheme === 'plain') {
        const value = decoded.payload.toString('utf8');
        if (canEncrypt()) {
          // upgrade a demo-time plain file as soon as the OS store is there
          await write(name, value);
          opts.log?.(`Rahasia "${name}" kini dienkripsi oleh sistem operasi.`);
        } else if (!opts.allowPlaintext) {
          throw new SecretStoreError(`Rahasia "${name}" tersimpan tanpa enkripsi dan tidak dipakai pada profil produksi.`);
        }
        return value;
      }
      if (!canEncrypt() || !cipher) {
        throw new SecretStoreError('Penyimpanan rahasia sistem operasi tidak tersedia; rahasia tidak dapat dibuka.');
      }
      try {
        return cipher.decryptString(decoded.payload);
      } catch {
        // another user account or a reinstalled OS: the key is gone, the secret must be set again
        throw new SecretStoreError(`Rahasia "${name}" tidak dapat didekripsi di akun komputer ini; masukkan ulang.`);
      }
    },
    async delete(name) {
      checkName(name);
      await files.remove(name);
    },
  };
}

const RENAME_RETRIES = 5;

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err: unknown) {
      const code = (err as { code?: unknown }).code;
      // Windows: antivirus may hold the target for a moment
      if (attempt >= RENAME_RETRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

/** One file per secret in `dir` (created 0700), written atomically with mode 0600. */
export function secretFilesIn(dir: string): SecretFiles {
  const pathOf = (name: string): string => {
    checkName(name);
    return join(dir, `${name}.secret`);
  };
  return {
    async read(name) {
      try {
        return await readFile(pathOf(name));
      } catch (err: unknown) {
        if ((err as { code?: unknown }).code === 'ENOENT') return null;
        throw err;
      }
    },
    async write(name, data) {
      const target = pathOf(name);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await renameWithRetry(temp, target);
      } catch (err: unknown) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async remove(name) {
      await rm(pathOf(name), { force: true });
    },
  };
}
