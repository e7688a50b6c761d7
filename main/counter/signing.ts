// The terminal's Ed25519 key signs the verification string a receipt's QR code carries, so the
// central API (and this app) can tell a genuine receipt from a forged one. The key lives in the
// data folder, readable only by the user (mode 0600).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Signer {
  keyId: string;
  publicKeyPem: string;
  sign(payload: string): string;
  verify(payload: string, signature: string, keyId: string): boolean;
}

export function signerFromKeys(privateKey: KeyObject, publicKey: KeyObject): Signer {
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  return {
    keyId,
    publicKeyPem,
    sign: (payload) => sign(null, Buffer.from(payload), privateKey).toString('base64url'),
    verify: (payload, signature, id) => {
      if (id !== keyId) return false;
      try {
        return verify(null, Buffer.from(payload), publicKey, Buffer.from(signature, 'base64url'));
      } catch {
        return false;
      }
    },
  };
}

/** loads the terminal key from `<dataDir>/keys`, creating it on first start */
export function loadOrCreateSigner(dataDir: string): Signer {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'terminal-ed25519.json');
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { privateKeyPem: string };
    const privateKey = createPrivateKey(saved.privateKeyPem);
    return signerFromKeys(privateKey, createPublicKey(privateKey));
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify({ privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }), { mode: 0o600 });
  renameSync(tmp, file);
  try {
    chmodSync(file, 0o600);
  } catch {
    // Windows keeps its own ACLs; the user-profile folder is private there
  }
  return signerFromKeys(privateKey, publicKey);
}

export interface ReceiptClaim {
  /** receipt number */
  r: string;
  /** terminal code */
  t: string;
  /** paid at, ISO UTC */
  d: string;
  /** total rupiah */
  a: number;
  /** IDPEL */
  i: string;
  /** key id */
  k: string;
}

const PREFIX = 'ERL1';

/** `ERL1.<claim base64url>.<signature base64url>` — short enough for a small QR code */
export function verificationString(signer: Signer, claim: Omit<ReceiptClaim, 'k'>): string {
  const body = Buffer.from(JSON.stringify({ ...claim, k: signer.keyId })).toString('base64url');
  return `${PREFIX}.${body}.${signer.sign(`${PREFIX}.${body}`)}`;
}

export function parseVerification(text: string): { claim: ReceiptClaim; signed: string; signature: string } | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return null;
  try {
    const claim = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as ReceiptClaim;
    if (typeof claim.r !== 'string' || typeof claim.a !== 'number' || typeof claim.k !== 'string') return null;
    return { claim, signed: `${PREFIX}.${parts[1]}`, signature: parts[2] };
  } catch {
    return null;
  }
}
