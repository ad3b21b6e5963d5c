import { ENCRYPTED_BACKUP_FORMAT } from './encryptedFormat';
import { MAX_BACKUP_BYTES } from './format';

/**
 * Backups only the user can open. The backup's JSON is gzipped, then encrypted with AES-256-GCM under a key made
 * from the passphrase: PBKDF2-SHA-256 (600,000 iterations, OWASP's 2023 figure for PBKDF2-HMAC-SHA256) gives 256
 * bits, and HKDF splits them into the AES key and a short check value, so a wrong passphrase is told apart from a
 * damaged file at the cost of one PBKDF2 run (deriving 512 bits from PBKDF2 would cost the user two runs and an
 * attacker one). Salt (16 bytes) and IV (12 bytes) are random per file. Every header field is bound to the
 * ciphertext as GCM's additional data, so changing the iterations, the salt or the version breaks the tag.
 * Loaded on demand (dashboard only): nothing here is in the popup or the worker.
 */

const VERSION = 1;
/** The iterations this build writes; files asking for fewer are refused, as are absurd counts (a file could ask for hours). */
export const PBKDF2_ITERATIONS = 600_000;
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;

/** The file: a header, then the ciphertext in base64. JSON, so it survives mail and text-only channels. */
interface EncryptedBackup {
  format: typeof ENCRYPTED_BACKUP_FORMAT;
  version: typeof VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  compression: 'gzip';
  /** HKDF output from the same secret as the key: equal only for the right passphrase. */
  check: string;
  data: string;
}

type DecryptRefusal = 'wrong_passphrase' | 'damaged' | 'unsupported_version' | 'too_large';
export type DecryptResult = { ok: true; text: string } | { ok: false; reason: DecryptRefusal; detail: string };

const encoder = new TextEncoder();

/** Passphrases compare as typed characters, not as bytes: "é" typed on macOS and on Windows is one passphrase. */
const passphraseBytes = (passphrase: string) => encoder.encode(passphrase.normalize('NFC'));

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...all) overflows the stack for a large backup.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Strict base64 (atob alone accepts whitespace and missing padding), or undefined. */
function fromBase64(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The header exactly as bound to the ciphertext: rebuilt field by field, so its bytes never depend on key order. */
function additionalData(h: Omit<EncryptedBackup, 'data'>): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    JSON.stringify([
      h.format,
      h.version,
      h.kdf.name,
      h.kdf.hash,
      h.kdf.iterations,
      h.kdf.salt,
      h.cipher.name,
      h.cipher.iv,
      h.compression,
      h.check,
    ]),
  );
}

/** The AES key and the check value for a passphrase and salt. */
async function deriveKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const subtle = crypto.subtle;
  const material = await subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const secret = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  const hkdf = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const info = (label: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(label),
  });
  const key = await subtle.deriveKey(info('refshare backup key'), hkdf, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const check = toBase64(new Uint8Array(await subtle.deriveBits(info('refshare backup check'), hkdf, CHECK_BYTES * 8)));
  return { key, check };
}

/** Bytes through a (de)compression stream. `limit` stops a small file that inflates to gigabytes. */
async function transform(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Encrypts a backup's JSON text under the passphrase; returns the file's text. */
export async function encryptBackup(text: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const { key, check } = await deriveKeys(passphrase, salt, iterations);
  const header: Omit<EncryptedBackup, 'data'> = {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    compression: 'gzip',
    check,
  };
  const packed = (await transform(encoder.encode(text), new CompressionStream('gzip'))) as Uint8Array<ArrayBuffer>;
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(header) },
    key,
    packed,
  );
  return JSON.stringify({ ...header, data: toBase64(new Uint8Array(sealed)) } satisfies EncryptedBackup);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const damaged = (detail: string): DecryptResult => ({ ok: false, reason: 'damaged', detail });

/**
 * Opens an encrypted backup's text with the passphrase. Never throws: a file that is not one of ours or was cut
 * or edited is `damaged` (with where), a passphrase that does not give the file's check value is
 * `wrong_passphrase`, and a check that matches over a ciphertext that fails GCM's tag is `damaged` again.
 */
export async function decryptBackup(fileText: string, passphrase: string): Promise<DecryptResult> {
  let file: unknown;
  try {
    file = JSON.parse(fileText);
  } catch {
    return damaged('the file is not complete JSON (cut short?)');
  }
  if (!isObject(file) || file.format !== ENCRYPTED_BACKUP_FORMAT) return damaged('not an encrypted RefShare backup');
  if (file.version !== VERSION) {
    return { ok: false, reason: 'unsupported_version', detail: `version ${JSON.stringify(file.version)}` };
  }
  const { kdf, cipher, compression, check } = file;
  if (!isObject(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return damaged('key derivation');
  const iterations = kdf.iterations;
  if (
    !Number.isSafeInteger(iterations) ||
    (iterations as number) < PBKDF2_ITERATIONS ||
    (iterations as number) > MAX_ITERATIONS
  ) {
    return damaged(`iterations ${JSON.stringify(iterations)}`);
  }
  const salt = fromBase64(kdf.salt);
  if (salt?.length !== SALT_BYTES) return damaged('salt');
  if (!isObject(cipher) || cipher.name !== 'AES-GCM') return damaged('cipher');
  const iv = fromBase64(cipher.iv);
  if (iv?.length !== IV_BYTES) return damaged('iv');
  if (compression !== 'gzip') return damaged('compression');
  if (fromBase64(check)?.length !== CHECK_BYTES) return damaged('check value');
  const sealed = fromBase64(file.data);
  if (!sealed || sealed.length < 16) return damaged('data');

  const keys = await deriveKeys(passphrase, salt, iterations as number);
  if (keys.check !== check) return { ok: false, reason: 'wrong_passphrase', detail: '' };
  const header = { format: ENCRYPTED_BACKUP_FORMAT, version: VERSION, kdf, cipher, compression, check } as Omit<
    EncryptedBackup,
    'data'
  >;
  let packed: ArrayBuffer;
  try {
    packed = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(header) },
      keys.key,
      sealed,
    );
  } catch {
    return damaged('the data does not match its authentication tag (changed after export)');
  }
  let plain: Uint8Array | undefined;
  try {
    plain = await transform(new Uint8Array(packed), new DecompressionStream('gzip'), MAX_BACKUP_BYTES);
  } catch {
    return damaged('the compressed data is invalid');
  }
  if (!plain) return { ok: false, reason: 'too_large', detail: `more than ${MAX_BACKUP_BYTES} bytes once opened` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return damaged('the backup text is not UTF-8');
  }
}
