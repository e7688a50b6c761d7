import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SecretStoreError,
  createSecretStore,
  decodeSecretFile,
  encodeSecretFile,
  isSecretName,
  secretFilesIn,
  type SecretCipher,
} from '../../../main/electron/safe-storage';

/** Stands in for electron's safeStorage: reversible, but visibly not plain text. */
function fakeCipher(opts: { available?: boolean; backend?: string } = {}): SecretCipher & { available: boolean } {
  const cipher = {
    available: opts.available ?? true,
    isEncryptionAvailable: () => cipher.available,
    encryptString: (plain: string) => Buffer.from(`ENC:${Buffer.from(plain, 'utf8').reverse().toString('base64')}`),
    decryptString: (enc: Buffer) => {
      const text = enc.toString('utf8');
      if (!text.startsWith('ENC:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').reverse().toString('utf8');
    },
    ...(opts.backend ? { getSelectedStorageBackend: () => opts.backend ?? 'unknown' } : {}),
  };
  return cipher;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loket-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secret file format', () => {
  it('round-trips', () => {
    const bytes = encodeSecretFile('safeStorage', Buffer.from([0, 1, 2, 255]));
    expect(decodeSecretFile(bytes)).toEqual({ scheme: 'safeStorage', payload: Buffer.from([0, 1, 2, 255]) });
  });

  it.each(['', 'null', '[]', '{}', '{"format":"loket-secret","v":2,"scheme":"plain","data":""}', '{"format":"loket-secret","v":1,"scheme":"rot13","data":""}', '{"format":"loket-secret","v":1,"scheme":"plain","data":"!!"}', 'not json'])(
    'rejects %s',
    (text) => {
      expect(decodeSecretFile(Buffer.from(text))).toBeNull();
    },
  );

  it.each(['central-api', 'terminal.key', 'a', 'x_1'])('accepts the name %s', (name) => expect(isSecretName(name)).toBe(true));
  it.each(['', '../x', 'a/b', 'a\\b', 'A', '.hidden', 'a..b', 'x'.repeat(65), 'con:', 'nul\u0000', 5, null])('refuses the name %s', (name) => expect(isSecretName(name)).toBe(false));
});

describe('createSecretStore with real files', () => {
  it('encrypts with the OS store and never writes the plain text', async () => {
    const store = createSecretStore({ cipher: fakeCipher(), files: secretFilesIn(dir), allowPlaintext: false });
    expect(store.protection()).toBe('os');
    await store.set('central-api', 'token-rahasia-123');
    const onDisk = readFileSync(join(dir, 'central-api.secret'), 'utf8');
    expect(onDisk).not.toContain('token-rahasia-123');
    expect(decodeSecretFile(Buffer.from(onDisk))?.scheme).toBe('safeStorage');
    await expect(store.get('central-api')).resolves.toBe('token-rahasia-123');
    await expect(store.get('missing')).resolves.toBeNull();
    if (process.platform !== 'win32') expect(statSync(join(dir, 'central-api.secret')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['central-api.secret']); // no temp files left
    await store.delete('central-api');
    await expect(store.get('central-api')).resolves.toBeNull();
    await store.delete('central-api'); // deleting twice is fine
  });

  it('calls Linux basic_text protection weak', () => {
    expect(createSecretStore({ cipher: fakeCipher({ backend: 'basic_text' }), files: secretFilesIn(dir), allowPlaintext: false }).protection()).toBe('weak');
    expect(createSecretStore({ cipher: fakeCipher({ backend: 'gnome_libsecret' }), files: secretFilesIn(dir), allowPlaintext: false }).protection()).toBe('os');
  });

  it('refuses to write in production without the OS store', async () => {
    const store = createSecretStore({ cipher: fakeCipher({ available: false }), files: secretFilesIn(dir), allowPlaintext: false });
    expect(store.protection()).toBeNull();
    await expect(store.set('central-api', 'x')).rejects.toThrow(SecretStoreError);
    expect(readdirSync(dir)).toEqual([]);
    const outsideElectron = createSecretStore({ cipher: null, files: secretFilesIn(dir), allowPlaintext: false });
    await expect(outsideElectron.set('central-api', 'x')).rejects.toThrow(/tidak tersedia/);
  });

  it('falls back to a plain file in the demo profile and upgrades it later', async () => {
    const cipher = fakeCipher({ available: false });
    const log = vi.fn();
    const store = createSecretStore({ cipher, files: secretFilesIn(dir), allowPlaintext: true, log });
    expect(store.protection()).toBe('plain');
    await store.set('central-api', 'demo-token');
    expect(decodeSecretFile(readFileSync(join(dir, 'central-api.secret')))?.scheme).toBe('plain');
    await expect(store.get('central-api')).resolves.toBe('demo-token');
    cipher.available = true;
    await expect(store.get('central-api')).resolves.toBe('demo-token');
    expect(decodeSecretFile(readFileSync(join(dir, 'central-api.secret')))?.scheme).toBe('safeStorage');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('kini dienkripsi'));
  });

  it('does not use a plain file in production', async () => {
    writeFileSync(join(dir, 'central-api.secret'), encodeSecretFile('plain', Buffer.from('x')));
    const store = createSecretStore({ cipher: fakeCipher({ available: false }), files: secretFilesIn(dir), allowPlaintext: false });
    await expect(store.get('central-api')).rejects.toThrow(/tanpa enkripsi/);
  });

  it('explains a secret that cannot be decrypted on this account', async () => {
    writeFileSync(join(dir, 'central-api.secret'), encodeSecretFile('safeStorage', Buffer.from('garbage')));
    const store = createSecretStore({ cipher: fakeCipher(), files: secretFilesIn(dir), allowPlaintext: false });
    await expect(store.get('central-api')).rejects.toThrow(/tidak dapat didekripsi/);
  });

  it('reports a corrupt file instead of returning nothing', async () => {
    writeFileSync(join(dir, 'central-api.secret'), 'rusak');
    const store = createSecretStore({ cipher: fakeCipher(), files: secretFilesIn(dir), allowPlaintext: false });
    await expect(store.get('central-api')).rejects.toThrow(/rusak/);
  });

  it('refuses names that could leave the folder', async () => {
    const store = createSecretStore({ cipher: fakeCipher(), files: secretFilesIn(dir), allowPlaintext: false });
    await expect(store.set('../evil', 'x')).rejects.toThrow(/tidak valid/);
    await expect(store.get('a/b')).rejects.toThrow(/tidak valid/);
    await expect(store.set('ok', 5 as unknown as string)).rejects.toThrow(/teks/);
  });
});
